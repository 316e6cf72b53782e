package ui

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

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

// bilingualErrors are the errors of the bundles, the coordinator's work
// and the review whose own text is "Indonesian / English": the window
// shows the half in its language, as a sentence. The first match in the
// error's chain wins.
var bilingualErrors = []error{
	bundle.ErrNotBundle, bundle.ErrNested, bundle.ErrTooManyMembers, bundle.ErrNoSignature,
	bundle.ErrSignatureFormat, bundle.ErrUnknownKey, bundle.ErrWrongKey, bundle.ErrBadSignature,
	bundle.ErrManifest, bundle.ErrVersion, bundle.ErrKeyMismatch, bundle.ErrBadName,
	bundle.ErrNotRegular, bundle.ErrDuplicate, bundle.ErrUnlisted, bundle.ErrMissing,
	bundle.ErrUnsupported, bundle.ErrSize, bundle.ErrTampered, bundle.ErrContents, bundle.ErrKind,
	bundle.ErrWeakPassphrase, bundle.ErrPublicKey, bundle.ErrTooLarge,
	model.ErrOPDCode, model.ErrOPDName, model.ErrNoSuchOPD, model.ErrOPDExists, model.ErrNothingAssigned,
	model.ErrOPDOnly, model.ErrBadAssignment, model.ErrAssignmentReplay,
	model.ErrVerdict, model.ErrNoteRequired, model.ErrNotLatest, model.ErrNotReviewable, model.ErrNoDecisions,
	model.ErrReviewOPDOnly, model.ErrNoCoordinatorKey, model.ErrBadReview, model.ErrReviewReplay,
	model.ErrNotOPD, model.ErrNoUnit, model.ErrNotCoordinator, model.ErrKeyChanged, model.ErrReplay,
	model.ErrSenderMismatch, model.ErrCoordinatorOnly, model.ErrNoSubmission,
	model.ErrInstrumentMismatch, model.ErrNotExternal, model.ErrExternalRange, model.ErrExternalMismatch,
	model.ErrExternalSource, model.ErrNothingAnswered,
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
	for _, e := range bilingualErrors {
		if errors.Is(err, e) {
			return halfText(e.Error(), lang.L("lang.code") == "en")
		}
	}
	return err.Error()
}

// halfText returns the Indonesian half of a text written "Indonesian /
// English", or the English one, as a sentence: a capital first and a full
// stop last.
func halfText(s string, en bool) string {
	id, eng, ok := strings.Cut(s, " / ")
	if !ok {
		return s
	}
	t := id
	if en {
		t = eng
	}
	r, n := utf8.DecodeRuneInString(t)
	t = string(unicode.ToUpper(r)) + t[n:]
	if !strings.HasSuffix(t, ".") {
		t += "."
	}
	return t
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
