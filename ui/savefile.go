package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// saveOptions says what a save dialog offers.
type saveOptions struct {
	// name is the suggested file name.
	name string
	// ext is the one file extension listed, with its dot (".zip").
	ext string
	// dir is the folder the dialog starts in; "" leaves Fyne's default.
	dir string
}

// showSaveFile asks in a file dialog over win where a file goes, as opts
// says, and calls save on the UI goroutine with the chosen path. The
// dialog creates an empty file there, which is closed before save is
// called: writers put the real file in its place. Choosing an existing file
// asks before it is overwritten; Cancel calls nothing, and an error is
// shown in win.
func showSaveFile(win fyne.Window, opts saveOptions, save func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(err, win)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		_ = wc.Close()
		save(path)
	}, win)
	d.SetFileName(opts.name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{opts.ext}))
	if opts.dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(opts.dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
