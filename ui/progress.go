package ui

import (
	"context"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// progressInterval is how often a progressDialog pushes the progress it
// was told to its widgets: about ten times a second, never once per chunk.
const progressInterval = 100 * time.Millisecond

// progressDialog is the modal dialog shown while long work runs off the UI
// goroutine: a line of text, a progress bar and a Cancel button that
// cancels the work's context. The work reports from its goroutine with
// update and setText, which only store the values; a ticker hands the
// latest ones to the widgets through the window's do-helper.
type progressDialog struct {
	dialog *dialog.CustomDialog
	bar    *widget.ProgressBar
	label  *widget.Label
	// cancel is the Cancel button; tests tap it.
	cancel *widget.Button

	// do runs a function on the UI goroutine (App.do).
	do func(func())
	// cancelCtx cancels the context the work runs under.
	cancelCtx context.CancelFunc
	ticker    *time.Ticker
	// stop ends the ticker's goroutine, which closes stopped on return.
	stop, stopped chan struct{}

	mu          sync.Mutex
	done, total int64
	// text is the line to show above the bar; nil leaves the label as the
	// dialog was built with.
	text *string
}

// newProgressDialog shows a progress dialog titled title over win, with
// text above the bar, and starts its ticker. It returns the context the
// work runs under: a child of parent that Cancel cancels. do runs a
// function on the UI goroutine. Call close when the work has ended.
func newProgressDialog(parent context.Context, win fyne.Window, do func(func()), title, text string) (context.Context, *progressDialog) {
	ctx, cancel := context.WithCancel(parent)
	p := &progressDialog{
		bar:       widget.NewProgressBar(),
		label:     &widget.Label{Text: text, Truncation: fyne.TextTruncateEllipsis},
		do:        do,
		cancelCtx: cancel,
		stop:      make(chan struct{}),
		stopped:   make(chan struct{}),
	}
	p.cancel = &widget.Button{Text: lang.L("button.cancel"), Icon: theme.CancelIcon(), OnTapped: p.onCancel}
	content := container.NewVBox(p.label, p.bar, container.NewCenter(p.cancel))
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(460, content.MinSize().Height), content), win)
	p.dialog.Show()
	p.ticker = time.NewTicker(progressInterval)
	go p.tick()
	return ctx, p
}

// onCancel is the Cancel button's handler: it says that the work is being
// cancelled and cancels its context.
func (p *progressDialog) onCancel() {
	p.cancel.Disable()
	p.label.SetText(lang.L("ev.cancelling"))
	p.cancelCtx()
}

// tick hands flush to the UI goroutine on every tick until stop is closed.
func (p *progressDialog) tick() {
	defer close(p.stopped)
	for {
		select {
		case <-p.ticker.C:
			p.do(p.flush)
		case <-p.stop:
			return
		}
	}
}

// update records that done of total units are done. It may be called
// from any goroutine, as often as the work likes; the bar shows the value
// at the next tick.
func (p *progressDialog) update(done, total int64) {
	p.mu.Lock()
	p.done, p.total = done, total
	p.mu.Unlock()
}

// setText records the line to show above the bar, such as the file being
// worked on. It may be called from any goroutine.
func (p *progressDialog) setText(s string) {
	p.mu.Lock()
	p.text = &s
	p.mu.Unlock()
}

// flush shows the recorded progress: the bar once a total is known, and
// the recorded line unless Cancel was tapped. UI goroutine only.
func (p *progressDialog) flush() {
	p.mu.Lock()
	done, total, text := p.done, p.total, p.text
	p.mu.Unlock()
	if total > 0 {
		p.bar.SetValue(float64(done) / float64(total))
	}
	if text != nil && !p.cancel.Disabled() {
		p.label.SetText(*text)
	}
}

// close ends the dialog once the work has ended: it stops the ticker,
// releases the work's context, and then on the UI goroutine hides the
// dialog and calls then when it is not nil. Call it once, from the work's
// goroutine.
func (p *progressDialog) close(then func()) {
	p.ticker.Stop()
	close(p.stop)
	<-p.stopped
	p.cancelCtx()
	p.do(func() {
		p.dialog.Hide()
		if then != nil {
			then()
		}
	})
}
