package ui

import (
	"context"
	"errors"
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// errorTexts maps the errors people can meet to one plain sentence each.
// The first match in the error's chain wins, so specific errors come
// before general ones.
var errorTexts = []struct {
	err error
	key string
}{
	{model.ErrWorkspaceLocked, "error.locked"},
	{model.ErrSchemaTooNew, "error.too_new"},
	{model.ErrNotWorkspace, "error.not_workspace"},
	{model.ErrWorkspaceDamaged, "error.damaged"},
	{model.ErrWorkspaceExists, "error.exists"},
	{model.ErrEvidenceIsDir, "error.is_dir"},
	{model.ErrEvidenceEmpty, "error.empty_file"},
	{model.ErrDiskFull, "error.disk_full"},
	{model.ErrNoFolder, "error.no_folder"},
	{model.ErrEvidenceCorrupt, "error.evidence_corrupt"},
	{model.ErrNoSuchEvidence, "error.no_evidence"},
	{model.ErrDate, "error.date"},
	{model.ErrDecimal, "error.decimal"},
	{model.ErrTargetRange, "error.target_range"},
	{model.ErrLevelRange, "error.level_range"},
	{model.ErrUnknownPack, "error.unknown_pack"},
	{bundle.ErrPassphrase, "error.passphrase"},
	{bundle.ErrPassphraseNeeded, "error.passphrase_needed"},
	{context.Canceled, "error.cancelled"},
	{fs.ErrNotExist, "error.not_exist"},
	{fs.ErrPermission, "error.permission"},
}

// errorText words err for people in the window's language. Errors it does
// not know keep their own text, which the store and model write in
// Indonesian and English.
func errorText(err error) string {
	for _, e := range errorTexts {
		if errors.Is(err, e.err) {
			return lang.L(e.key)
		}
	}
	return err.Error()
}

// showError shows err in a dialog over w. Call it on the UI goroutine;
// goroutines hand it to App.do. A cancellation is not an error to
// report: the user asked for it.
func showError(err error, w fyne.Window) {
	if err == nil || errors.Is(err, context.Canceled) {
		return
	}
	dialog.ShowError(errors.New(errorText(err)), w)
}

// uiError is a problem the window itself finds; its text is a
// translation key.
type uiError string

func (e uiError) Error() string { return lang.L(string(e)) }

// errDropNeedsIndicator: files were dropped while no indicator is shown.
const errDropNeedsIndicator = uiError("drop.needs_indicator")
