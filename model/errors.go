package model

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
)

// Errors of instrument packs. Each reaches the caller inside a *PackError
// that names the place; compare with errors.Is.
var (
	// ErrPackSyntax reports a pack file that is not well-formed JSON of the
	// expected shape.
	ErrPackSyntax = NewCode("err.pack_syntax")
	// ErrPackFormat reports a JSON file that is not an instrument pack.
	ErrPackFormat = NewCode("err.pack_format")
	// ErrPackVersion reports a pack written for a newer format version.
	ErrPackVersion = NewCode("err.pack_version")
	// ErrPackStatus reports an unknown status value.
	ErrPackStatus = NewCode("err.pack_status")
	// ErrUnknownField reports a field the pack format does not define.
	ErrUnknownField = NewCode("err.unknown_field")
	// ErrWeightSum reports weights (bobot) that do not add up.
	ErrWeightSum = NewCode("err.weight_sum")
	// ErrLevelCount reports an indicator or scale without exactly five levels
	// numbered 1 to 5.
	ErrLevelCount = NewCode("err.level_count")
	// ErrEmptyCriteria reports a level without kriteria.
	ErrEmptyCriteria = NewCode("err.empty_criteria")
	// ErrEmptyText reports a required text left empty.
	ErrEmptyText = NewCode("err.empty_text")
	// ErrDuplicateNumber reports a number used twice.
	ErrDuplicateNumber = NewCode("err.duplicate_number")
	// ErrBandGap reports predikat bands that leave part of [1, 5] uncovered,
	// and likewise level ranges or external index bands over their span.
	ErrBandGap = NewCode("err.band_gap")
	// ErrBandOverlap reports predikat bands, level ranges or external index
	// bands that overlap, or a band that is empty.
	ErrBandOverlap = NewCode("err.band_overlap")
	// ErrLevelRanges reports level ranges that do not fit the pack's values:
	// ranges on a scale of whole levels, decimal values without a range for
	// every level, or a range that does not hold its own level.
	ErrLevelRanges = NewCode("err.level_ranges")
	// ErrUnknownScale reports an indicator on a scale the pack does not define.
	ErrUnknownScale = NewCode("err.unknown_scale")
	// ErrUnknownPack reports an instrument id that is not known.
	ErrUnknownPack = NewCode("err.unknown_pack")
	// ErrExternalIndex reports an external index definition that cannot
	// convert values: no decimal values in the pack, an empty scale or a
	// band without width.
	ErrExternalIndex = NewCode("err.external_index")
	// ErrCrosswalk reports a crosswalk that names no instrument, or links
	// an indicator twice.
	ErrCrosswalk = NewCode("err.crosswalk")
)

// PackError is a pack validation failure at a named place of the pack.
type PackError struct {
	// Place names where the problem is, e.g. "aspect 3" or "indicator 12 level 4".
	Place string
	// Err is one of the pack sentinels above.
	Err error
	// Detail says what is wrong at Place; it may be empty.
	Detail string
}

func (e *PackError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: %v", e.Place, e.Err)
	}
	return fmt.Sprintf("%s: %v: %s", e.Place, e.Err, e.Detail)
}

func (e *PackError) Unwrap() error { return e.Err }

// Errors of answer files and answer values.
var (
	// ErrAnswersSyntax reports an answers file that cannot be read as CSV or JSON.
	ErrAnswersSyntax = NewCode("err.answers_syntax")
	// ErrAnswersHeader reports a CSV header without the required columns.
	ErrAnswersHeader = NewCode("err.answers_header")
	// ErrNotNumber reports a value that is not a number.
	ErrNotNumber = NewCode("err.not_number")
	// ErrUnknownIndicator reports an indicator number the instrument lacks.
	ErrUnknownIndicator = NewCode("err.unknown_indicator")
	// ErrLevelRange reports a value outside 1–5.
	ErrLevelRange = NewCode("err.level_range")
	// ErrNotWholeLevel reports a decimal value for an instrument that rates
	// in whole levels only.
	ErrNotWholeLevel = NewCode("err.not_whole_level")
	// ErrDuplicateIndicator reports an indicator answered twice.
	ErrDuplicateIndicator = NewCode("err.duplicate_indicator")
	// ErrInstrumentMismatch reports answers meant for another instrument.
	ErrInstrumentMismatch = NewCode("err.instrument_mismatch")
	// ErrNotExternal reports an external index value for an indicator that
	// takes none.
	ErrNotExternal = NewCode("err.not_external")
	// ErrExternalRange reports an external index value outside the index's
	// scale.
	ErrExternalRange = NewCode("err.external_range")
	// ErrExternalMismatch reports an answer whose level differs from the
	// conversion of its external index value.
	ErrExternalMismatch = NewCode("err.external_mismatch")
	// ErrExternalSource reports an external index value without its source,
	// or a source or date without an external value.
	ErrExternalSource = NewCode("err.external_source")
	// ErrNotSector reports a sector service name for an indicator that is
	// not a Layanan Publik Sektor indicator.
	ErrNotSector = NewCode("err.not_sector")
)

// AnswerError is a problem at a line of an answers file, or of a trend
// file (ParseTrend).
type AnswerError struct {
	File string
	Line int
	Err  error
	// Detail gives the offending value; it may be empty.
	Detail string
}

func (e *AnswerError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Detail == "" {
		return fmt.Sprintf("%s: %v", loc, e.Err)
	}
	return fmt.Sprintf("%s: %v: %s", loc, e.Err, e.Detail)
}

func (e *AnswerError) Unwrap() error { return e.Err }

// Errors of the target planner.
var (
	// ErrTargetRange reports a target outside the index range 1,00–5,00.
	ErrTargetRange = NewCode("err.target_range")
	// ErrNothingAnswered reports a score or plan over no answered indicator.
	ErrNothingAnswered = NewCode("err.nothing_answered")
)

// Errors of workspace files and evidence. The store returns errors that
// match these with errors.Is, so that the window and the command line can
// word them without knowing the store.
var (
	// ErrWorkspaceLocked reports a workspace another window or process has open.
	ErrWorkspaceLocked = NewCode("err.workspace_locked")
	// ErrNotWorkspace reports a file that is not a Swanilai workspace.
	ErrNotWorkspace = NewCode("err.not_workspace")
	// ErrWorkspaceDamaged reports a workspace file whose contents are damaged.
	ErrWorkspaceDamaged = NewCode("err.workspace_damaged")
	// ErrSchemaTooNew reports a workspace written by a newer Swanilai.
	ErrSchemaTooNew = NewCode("err.schema_too_new")
	// ErrWorkspaceExists reports an attempt to create a workspace over an existing file.
	ErrWorkspaceExists = NewCode("err.workspace_exists")
	// ErrEvidenceEmpty reports an evidence file of 0 bytes.
	ErrEvidenceEmpty = NewCode("err.evidence_empty")
	// ErrEvidenceIsDir reports a folder given where an evidence file is expected.
	ErrEvidenceIsDir = NewCode("err.evidence_is_dir")
	// ErrDiskFull reports that the disk has no room for the evidence.
	ErrDiskFull = NewCode("err.disk_full")
	// ErrNoFolder reports a file to be written into a folder that does not
	// exist.
	ErrNoFolder = NewCode("err.no_folder")
	// ErrEvidenceCorrupt reports stored evidence bytes that no longer match their hash.
	ErrEvidenceCorrupt = NewCode("err.evidence_corrupt")
	// ErrNoSuchEvidence reports an evidence file that is not linked.
	ErrNoSuchEvidence = NewCode("err.no_such_evidence")
)

// DestinationError words the failure to create a file at path: a missing
// folder becomes ErrNoFolder, naming the folder; other errors are returned
// as they are.
func DestinationError(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", filepath.Dir(path), ErrNoFolder)
	}
	return err
}

// FileError is a file that could not be used, named: its text is one
// plain line, and errors.Is still finds the cause (fs.ErrNotExist,
// fs.ErrPermission, ...).
type FileError struct {
	Name string
	Err  error
}

// NewFileError names the file of an os error, for people.
func NewFileError(name string, err error) error { return &FileError{Name: name, Err: err} }

func (e *FileError) Error() string {
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return e.Name + ": berkas tidak ada / file does not exist"
	case errors.Is(e.Err, fs.ErrPermission):
		return e.Name + ": tidak boleh dibaca / permission denied"
	}
	return e.Name + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }
