package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// newTestProgress shows a progress dialog in a test window. Its UI work
// waits in the returned queue until the test runs it.
func newTestProgress(t *testing.T, text string) (context.Context, *progressDialog, fyne.Window, chan func()) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(800, 600))
	queue := make(chan func(), 64)
	ctx, pr := newProgressDialog(context.Background(), w, func(f func()) { queue <- f }, "Menulis", text)
	return ctx, pr, w, queue
}

// nextTick runs the next piece of queued UI work: a tick of the ticker.
func nextTick(t *testing.T, queue chan func()) {
	t.Helper()
	select {
	case f := <-queue:
		f()
	case <-time.After(10 * time.Second):
		t.Fatal("the progress ticker did not tick")
	}
}

// closeProgress closes pr as the work's goroutine does and runs the UI work
// that follows; it returns whether close's then was called.
func closeProgress(pr *progressDialog, queue chan func()) bool {
	called := false
	pr.close(func() { called = true })
	for {
		select {
		case f := <-queue:
			f()
		default:
			return called
		}
	}
}

func TestProgressDialogShowsThrottledProgress(t *testing.T) {
	ctx, pr, w, queue := newTestProgress(t, "kiriman.swanilai.zip")
	if w.Canvas().Overlays().Top() == nil || pr.label.Text != "kiriman.swanilai.zip" || pr.cancel.Disabled() {
		t.Fatalf("dialog not shown as built: label %q", pr.label.Text)
	}

	pr.update(1, 4)
	if pr.bar.Value != 0 {
		t.Fatalf("update touched the bar before a tick: %v", pr.bar.Value)
	}
	nextTick(t, queue)
	if pr.bar.Value != 0.25 || pr.label.Text != "kiriman.swanilai.zip" {
		t.Fatalf("after a tick: bar %v, label %q", pr.bar.Value, pr.label.Text)
	}

	pr.setText("2 dari 3: bukti.pdf")
	pr.update(3, 4)
	nextTick(t, queue)
	if pr.bar.Value != 0.75 || pr.label.Text != "2 dari 3: bukti.pdf" {
		t.Fatalf("after a second tick: bar %v, label %q", pr.bar.Value, pr.label.Text)
	}

	// An unknown total leaves the bar where it was.
	pr.update(0, 0)
	nextTick(t, queue)
	if pr.bar.Value != 0.75 {
		t.Fatalf("an unknown total moved the bar to %v", pr.bar.Value)
	}

	if !closeProgress(pr, queue) {
		t.Fatal("close did not call then")
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatal("the dialog is still shown after close")
	}
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatalf("close did not release the context: %v", ctx.Err())
	}
}

func TestProgressDialogCancel(t *testing.T) {
	ctx, pr, _, queue := newTestProgress(t, "")
	if ctx.Err() != nil {
		t.Fatalf("context done before Cancel: %v", ctx.Err())
	}
	test.Tap(pr.cancel)
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Fatalf("Cancel did not cancel the context: %v", ctx.Err())
	}
	want := lang.L("ev.cancelling")
	if !pr.cancel.Disabled() || pr.label.Text != want {
		t.Fatalf("after Cancel: disabled %v, label %q", pr.cancel.Disabled(), pr.label.Text)
	}

	// Progress still reaches the bar, but the line keeps saying that the
	// work is being cancelled.
	pr.setText("1 dari 1: besar.iso")
	pr.update(1, 2)
	nextTick(t, queue)
	if pr.label.Text != want || pr.bar.Value != 0.5 {
		t.Fatalf("after Cancel and a tick: label %q, bar %v", pr.label.Text, pr.bar.Value)
	}
	if !closeProgress(pr, queue) {
		t.Fatal("close did not call then")
	}
}
