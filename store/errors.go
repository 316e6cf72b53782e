package store

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"

	"github.com/swanilai/swanilai/model"
)

// Errors of the store. Their sentences and those of their details live in
// the catalogue (assets/translations/store.*.json; model.Errorf, Wrapf,
// Within); compare with errors.Is. Those the window and other packages
// meet are the model's sentinels under the store's names, so that code
// that must not import the store can still tell them apart.
var (
	// ErrExists reports a target file that is already there: Create,
	// CreateFrom and Backup never overwrite a file.
	ErrExists = model.ErrWorkspaceExists
	// ErrLocked reports a workspace that another window or process has open.
	ErrLocked = model.ErrWorkspaceLocked
	// ErrNotWorkspace reports a file that is not a Swanilai workspace at all.
	ErrNotWorkspace = model.ErrNotWorkspace
	// ErrDamaged reports a workspace file whose content is broken; the
	// wrapping error says what.
	ErrDamaged = model.ErrWorkspaceDamaged
	// ErrSchemaTooNew reports a workspace written by a newer Swanilai; it
	// comes inside a *SchemaError that names the versions.
	ErrSchemaTooNew = model.ErrSchemaTooNew
	// ErrClosed reports a call on a closed Workspace.
	ErrClosed = model.NewCode("err.store.closed")
	// ErrNoAuthor reports a change without the name of who makes it.
	ErrNoAuthor = model.NewCode("err.store.no_author")
	// ErrInstrumentChanged reports a new year that uses another instrument
	// than the workspace it starts from: answers cannot be carried over.
	ErrInstrumentChanged = model.NewCode("err.store.instrument_changed")
	// ErrNotSector reports a sector service name for an indicator that is
	// not a Layanan Publik Sektor indicator.
	ErrNotSector = model.ErrNotSector
	// ErrTextTooLong reports a FAKTA, ANALISIS or other text over 64 KiB.
	ErrTextTooLong = model.NewCode("err.store.text_too_long")
	// ErrBadIdentity reports CreateOptions that do not describe a workspace.
	ErrBadIdentity = model.NewCode("err.store.bad_identity")

	// ErrNoSuchEvidence reports an evidence file that is not linked (or no
	// longer stored).
	ErrNoSuchEvidence = model.ErrNoSuchEvidence
	// ErrAmbiguousPrefix reports a SHA-256 prefix that matches more than one
	// evidence file.
	ErrAmbiguousPrefix = model.NewCode("err.store.ambiguous_prefix")
	// ErrEvidenceCorrupt reports stored evidence bytes that do not hash back
	// to their SHA-256.
	ErrEvidenceCorrupt = model.ErrEvidenceCorrupt
	// ErrEvidenceMeta reports evidence metadata that cannot be right: a level
	// outside 0–5, a valid-until date before the document date.
	ErrEvidenceMeta = model.NewCode("err.store.evidence_meta")
	// ErrEmptyFile reports an evidence file of 0 bytes.
	ErrEmptyFile = model.ErrEvidenceEmpty
	// ErrIsDirectory reports a folder given as an evidence file.
	ErrIsDirectory = model.ErrEvidenceIsDir
	// ErrNotRegular reports a device, pipe or socket given as an evidence file.
	ErrNotRegular = model.NewCode("err.store.not_regular")
	// ErrDiskFull reports a disk without room for the work; a *SpaceError
	// carries the numbers when they are known up front.
	ErrDiskFull = model.ErrDiskFull
)

// SchemaError reports a workspace written with a schema version this build
// does not read. It matches ErrSchemaTooNew.
type SchemaError struct {
	// Version is the file's schema version, Supported the newest this
	// build reads.
	Version, Supported uint64
}

func (e *SchemaError) Error() string {
	return model.Bilingual("err.store.schema_version_newer", map[string]any{"Version": e.Version, "Supported": e.Supported})
}

// Is makes errors.Is(err, ErrSchemaTooNew) hold.
func (e *SchemaError) Is(target error) bool { return target == ErrSchemaTooNew }

// SpaceError reports, before any byte is written, that the disk lacks room
// for a file. It matches ErrDiskFull.
type SpaceError struct {
	// Need is what the work needs and Free what the disk has, in bytes.
	Need, Free int64
}

func (e *SpaceError) Error() string {
	return model.Bilingual("err.store.space_short", map[string]any{"Need": model.SizeText(e.Need), "Free": model.SizeText(e.Free)})
}

// Is makes errors.Is(err, ErrDiskFull) hold.
func (e *SpaceError) Is(target error) bool { return target == ErrDiskFull }

// SourceError is an evidence file that cannot be attached: missing,
// unreadable, empty, a directory. Err is ErrEmptyFile, ErrIsDirectory,
// ErrNotRegular or the operating system's error (errors.Is(err,
// fs.ErrNotExist) and fs.ErrPermission work through it).
type SourceError struct {
	Path string
	Err  error
}

func (e *SourceError) Error() string {
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return e.Path + ": " + model.Bilingual("err.store.source_missing", nil)
	case errors.Is(e.Err, fs.ErrPermission):
		return e.Path + ": " + model.Bilingual("err.store.source_denied", nil)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *SourceError) Unwrap() error { return e.Err }

// hexOf returns b in lowercase hexadecimal, as errors name a key or a sum.
func hexOf(b []byte) string { return hex.EncodeToString(b) }
