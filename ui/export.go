package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/roundtrip"
)

// exportView is the "Export untuk koordinator" flow: what goes in and what
// an assessor would still reject (a warning, never a block), the key's
// passphrase when it has one, where the bundle goes, and the writing with
// progress and Cancel.
type exportView struct {
	v       *mainView
	draft   bundle.Summary
	pass    *widget.Entry
	confirm *dialog.ConfirmDialog
	// progress is the dialog shown while the bundle is written.
	progress *progressDialog
}

// onExport starts the export flow.
func (v *mainView) onExport() {
	if v.ws.Identity().Role != model.RoleOPD {
		showError(errExportNotOPD, v.app.win)
		return
	}
	v.flush()
	v.wait() // what was typed is in the bundle
	draft, err := v.ws.ExportDraft(v.app.today())
	if err != nil {
		showError(err, v.app.win)
		return
	}
	protected, err := v.ws.KeyProtected()
	if err != nil {
		showError(err, v.app.win)
		return
	}
	e := &exportView{v: v, draft: draft}
	if protected {
		e.pass = widget.NewPasswordEntry()
		e.pass.SetPlaceHolder(lang.L("export.passphrase"))
	}
	v.export = e
	e.confirm = dialog.NewCustomConfirm(lang.L("export.title"), lang.L("export.choose"), lang.L("button.cancel"), e.summaryUI(), func(ok bool) {
		if ok {
			e.chooseFile()
		}
	}, v.app.win)
	e.confirm.Resize(fyne.NewSize(640, 0))
	e.confirm.Show()
}

// errExportNotOPD: only an OPD's workspace is sent to the coordinator.
const errExportNotOPD = uiError("export.not_opd")

// summaryUI says what the bundle will hold.
func (e *exportView) summaryUI() fyne.CanvasObject {
	d := e.draft
	lines := []string{
		lang.L("export.revision", map[string]any{"N": d.Revision}),
		lang.L("export.answered", map[string]any{"Answered": d.Answered, "Total": d.Indicators}),
		lang.L("export.evidence", map[string]any{"Links": d.Links, "Files": d.Files, "Size": sizeText(d.EvidenceBytes)}),
		lang.L("export.key", map[string]any{"Fingerprint": d.Fingerprint}),
	}
	items := []fyne.CanvasObject{&widget.Label{Text: strings.Join(lines, "\n"), Wrapping: fyne.TextWrapWord}}
	if n := len(d.Findings); n > 0 {
		items = append(items, &widget.Label{Text: lang.L("export.findings", map[string]any{"N": n}), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
		for i, f := range d.Findings {
			if i == 5 {
				items = append(items, widget.NewLabel(lang.L("export.more", map[string]any{"N": n - 5})))
				break
			}
			items = append(items, &widget.Label{Text: fmt.Sprintf("• %d: %s", f.Indicator, e.v.findingText(f)), Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText})
		}
	} else {
		items = append(items, &widget.Label{Text: lang.L("export.ready"), Importance: widget.SuccessImportance})
	}
	if e.pass != nil {
		items = append(items, widget.NewLabel(lang.L("export.passphrase_label")), e.pass)
	}
	return container.NewVBox(items...)
}

func (e *exportView) chooseFile() {
	v := e.v
	id := v.ws.Identity()
	name := fmt.Sprintf("%s-%d-revisi-%d%s", fileSlug(id.Unit), id.Year, e.draft.Revision, roundtrip.BundleExt)
	showSaveFile(v.app.win, saveOptions{name: name, ext: roundtrip.BundleExt, dir: documentsDir()}, func(path string) {
		e.write(path, nil)
	})
}

// write writes the bundle to path in a goroutine with a progress dialog
// whose Cancel stops it (nothing is left under path); done, when set, is
// called on the UI goroutine at the end.
func (e *exportView) write(path string, done func(error)) {
	v := e.v
	ctx, pr := newProgressDialog(v.ctx, v.app.win, v.app.do, lang.L("export.writing"), filepath.Base(path))
	e.progress = pr
	pass := ""
	if e.pass != nil {
		pass = e.pass.Text
	}
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		sum, err := v.ws.Export(ctx, path, pass, pr.update)
		pr.close(func() {
			e.progress = nil
			switch {
			case err != nil:
				showError(err, v.app.win)
			default:
				msg := lang.L("export.done", map[string]any{"Path": path, "N": sum.Revision, "Size": sizeText(sum.Size), "Fingerprint": sum.Fingerprint})
				dialog.ShowInformation(lang.L("export.title"), msg, v.app.win)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

// askPassphrase calls next with the passphrase of the workspace's key,
// asked in a dialog titled title when the key has one, or with "" when it
// has none. A cancelled dialog does not call next.
func (v *mainView) askPassphrase(title string, next func(passphrase string)) {
	protected, err := v.ws.KeyProtected()
	if err != nil {
		showError(err, v.app.win)
		return
	}
	if !protected {
		next("")
		return
	}
	pass := widget.NewPasswordEntry()
	pass.SetPlaceHolder(lang.L("export.passphrase"))
	items := []*widget.FormItem{widget.NewFormItem(lang.L("export.passphrase_label"), pass)}
	dialog.ShowForm(title, lang.L("button.continue"), lang.L("button.cancel"), items, func(ok bool) {
		if ok {
			next(pass.Text)
		}
	}, v.app.win)
	v.app.win.Canvas().Focus(pass)
}
