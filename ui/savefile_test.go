package ui

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// findInTop returns the first object of type T in w's top overlay that ok
// accepts, failing the test when there is none.
func findInTop[T fyne.CanvasObject](t *testing.T, w fyne.Window, ok func(T) bool) T {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if x, is := o.(T); is && ok(x) {
			return x
		}
	}
	var zero T
	t.Fatalf("no %T in the top dialog", zero)
	return zero
}

// buttonIn returns the button labelled text in w's top overlay.
func buttonIn(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	return findInTop(t, w, func(b *widget.Button) bool { return b.Text == text })
}

// newSaveWindow returns a test window large enough for the save dialog,
// and a save callback that records the paths it is called with.
func newSaveWindow(t *testing.T) (fyne.Window, *[]string, func(string)) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 800))
	var saved []string
	return w, &saved, func(path string) { saved = append(saved, path) }
}

func TestShowSaveFileSaves(t *testing.T) {
	w, saved, save := newSaveWindow(t)
	dir := t.TempDir()
	opts := saveOptions{name: "kiriman.swanilai.zip", ext: ".zip", dir: dir}
	showSaveFile(w, opts, save)
	name := findInTop(t, w, func(*widget.Entry) bool { return true })
	if name.Text != opts.name {
		t.Fatalf("suggested name %q", name.Text)
	}
	test.Tap(buttonIn(t, w, lang.L("Save")))
	want := filepath.Join(dir, opts.name)
	if !slices.Equal(*saved, []string{want}) {
		t.Fatalf("saved to %q, want %q", *saved, want)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("the dialog's file: %v", err)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog is still shown")
	}

	// The file exists now: saving again asks before overwriting it.
	showSaveFile(w, opts, save)
	test.Tap(buttonIn(t, w, lang.L("Save")))
	if len(*saved) != 1 {
		t.Fatalf("overwrote without asking: %q", *saved)
	}
	test.Tap(buttonIn(t, w, lang.L("Yes")))
	if !slices.Equal(*saved, []string{want, want}) {
		t.Fatalf("after confirming: %q", *saved)
	}
}

func TestShowSaveFileCancel(t *testing.T) {
	w, saved, save := newSaveWindow(t)
	showSaveFile(w, saveOptions{name: "laporan.pdf", ext: ".pdf", dir: t.TempDir()}, save)
	test.Tap(buttonIn(t, w, lang.L("Cancel")))
	if len(*saved) != 0 {
		t.Fatalf("Cancel saved to %q", *saved)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog is still shown after Cancel")
	}
}
