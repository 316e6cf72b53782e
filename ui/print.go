package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
)

// onPrint asks where the OPD report goes and writes it there.
func (v *mainView) onPrint() {
	id := v.ws.Identity()
	name := fmt.Sprintf("Laporan-Penilaian-Mandiri-%s-%d.pdf", fileSlug(id.Unit), id.Year)
	// The report is written under a temporary name and renamed, so the
	// dialog's empty file is only a placeholder.
	showSaveFile(v.app.win, saveOptions{name: name, ext: ".pdf", dir: documentsDir()}, func(path string) {
		v.printTo(path, nil)
	})
}

// printTo writes the OPD report of the window's copy of the workspace to
// path, off the UI goroutine; done, when set, is called at the end on the
// UI goroutine (tests wait on it).
func (v *mainView) printTo(path string, done func(error)) {
	v.flush()
	a := *v.a
	a.Identity = v.ws.Identity()
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(lang.L("print.busy"), container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), v.app.win)
	prog.Show()
	today := v.app.today()
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		err := report.WriteFile(path, func(w io.Writer) error {
			return report.WriteOPD(v.ctx, w, &a, report.Options{Generated: time.Now(), Today: today})
		})
		v.app.do(func() {
			prog.Hide()
			if err != nil {
				showError(err, v.app.win)
			} else {
				open := &widget.Button{Text: lang.L("print.open"), OnTapped: func() { v.openFile(path) }}
				d := dialog.NewCustom(lang.L("print.done"), lang.L("button.close"), container.NewVBox(widget.NewLabel(path), open), v.app.win)
				d.Show()
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// openFile opens a file with the system's viewer.
func (v *mainView) openFile(path string) {
	if err := v.app.openFile(path); err != nil {
		showError(err, v.app.win)
	}
}

// onOfficials edits the officials the reports name for signature.
func (v *mainView) onOfficials() {
	o := v.a.Officials
	entries := []*widget.Entry{
		{Text: o.HeadName}, {Text: o.HeadNIP}, {Text: o.HeadTitle},
		{Text: o.ResponsibleName}, {Text: o.ResponsibleNIP}, {Text: o.ResponsibleTitle},
		{Text: o.Place},
	}
	entries[2].PlaceHolder = "Kepala Dinas Komunikasi dan Informatika"
	entries[6].PlaceHolder = "Pekalongan"
	items := []*widget.FormItem{
		{Text: lang.L("off.head_name"), Widget: entries[0]},
		{Text: lang.L("off.nip"), Widget: entries[1]},
		{Text: lang.L("off.title"), Widget: entries[2]},
		{Text: lang.L("off.resp_name"), Widget: entries[3]},
		{Text: lang.L("off.nip"), Widget: entries[4]},
		{Text: lang.L("off.title"), Widget: entries[5]},
		{Text: lang.L("off.place"), Widget: entries[6], HintText: lang.L("off.hint")},
	}
	d := dialog.NewForm(lang.L("off.dialog"), lang.L("button.save"), lang.L("button.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := model.Officials{
			HeadName: entries[0].Text, HeadNIP: entries[1].Text, HeadTitle: entries[2].Text,
			ResponsibleName: entries[3].Text, ResponsibleNIP: entries[4].Text, ResponsibleTitle: entries[5].Text,
			Place: entries[6].Text,
		}
		by := v.by()
		v.enqueue(func() {
			err := v.ws.SetOfficials(by, n)
			v.app.do(func() {
				if err != nil {
					showError(err, v.app.win)
					return
				}
				v.a.Officials = n
			})
		})
	}, v.app.win)
	d.Resize(fyne.NewSize(620, d.MinSize().Height))
	d.Show()
}
