package ui

import (
	"context"
	"errors"
	"io/fs"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/swanilai/swanilai/model"
)

// plainErrors are the errors of the standard library people can meet,
// each with its sentence in the window's catalogue. Swanilai's own errors
// are model.Code values, which the catalogue words itself (model.Say).
var plainErrors = []struct {
	err error
	key string
}{
	{context.Canceled, "error.cancelled"},
	{fs.ErrNotExist, "error.not_exist"},
	{fs.ErrPermission, "error.permission"},
}

// windowLang is the language the window speaks now.
func windowLang() model.Lang {
	return model.Lang(lang.L("lang.code"))
}

// errorText words err for people in the window's language, as one plain
// sentence: the catalogue's sentence of the first of Swanilai's errors in
// its chain, else that of a standard error, else the error's own text.
func errorText(err error) string {
	if c := model.CodeOf(err); c != nil {
		return c.In(windowLang())
	}
	for _, e := range plainErrors {
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
