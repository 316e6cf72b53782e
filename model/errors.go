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
	ErrPackSyntax = errors.New("paket instrumen rusak / malformed instrument pack")
	// ErrPackFormat reports a JSON file that is not an instrument pack.
	ErrPackFormat = errors.New("bukan paket instrumen Swanilai / not a Swanilai instrument pack")
	// ErrPackVersion reports a pack written for a newer format version.
	ErrPackVersion = errors.New("versi format paket instrumen tidak didukung / instrument pack format version not supported")
	// ErrPackStatus reports an unknown status value.
	ErrPackStatus = errors.New("status paket tidak dikenal / unknown pack status")
	// ErrUnknownField reports a field the pack format does not define.
	ErrUnknownField = errors.New("kolom tidak dikenal dalam paket instrumen / unknown field in instrument pack")
	// ErrWeightSum reports weights (bobot) that do not add up.
	ErrWeightSum = errors.New("jumlah bobot tidak sesuai / weights do not add up")
	// ErrLevelCount reports an indicator or scale without exactly five levels
	// numbered 1 to 5.
	ErrLevelCount = errors.New("tidak tepat lima tingkat / not exactly five levels")
	// ErrEmptyCriteria reports a level without kriteria.
	ErrEmptyCriteria = errors.New("tingkat tanpa kriteria / level without criteria")
	// ErrEmptyText reports a required text left empty.
	ErrEmptyText = errors.New("teks wajib kosong / required text is empty")
	// ErrDuplicateNumber reports a number used twice.
	ErrDuplicateNumber = errors.New("nomor ganda / duplicate number")
	// ErrBandGap reports predikat bands that leave part of [1, 5] uncovered,
	// and likewise level ranges or external index bands over their span.
	ErrBandGap = errors.New("rentang berlubang / bands leave a gap")
	// ErrBandOverlap reports predikat bands, level ranges or external index
	// bands that overlap, or a band that is empty.
	ErrBandOverlap = errors.New("rentang tumpang tindih / bands overlap")
	// ErrLevelRanges reports level ranges that do not fit the pack's values:
	// ranges on a scale of whole levels, decimal values without a range for
	// every level, or a range that does not hold its own level.
	ErrLevelRanges = errors.New("rentang nilai tingkat tidak sesuai / level ranges do not fit")
	// ErrUnknownScale reports an indicator on a scale the pack does not define.
	ErrUnknownScale = errors.New("skala tingkat tidak dikenal / unknown level scale")
	// ErrUnknownPack reports an instrument id that is not known.
	ErrUnknownPack = errors.New("instrumen tidak dikenal / unknown instrument")
	// ErrExternalIndex reports an external index definition that cannot
	// convert values: no decimal values in the pack, an empty scale or a
	// band without width.
	ErrExternalIndex = errors.New("definisi indeks eksternal tidak sah / invalid external index definition")
	// ErrCrosswalk reports a crosswalk that names no instrument, or links
	// an indicator twice.
	ErrCrosswalk = errors.New("padanan indikator tidak sah / invalid indicator crosswalk")
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
	ErrAnswersSyntax = errors.New("berkas jawaban rusak / malformed answers file")
	// ErrAnswersHeader reports a CSV header without the required columns.
	ErrAnswersHeader = errors.New("baris judul salah / wrong header")
	// ErrNotNumber reports a value that is not a number.
	ErrNotNumber = errors.New("bukan angka / not a number")
	// ErrUnknownIndicator reports an indicator number the instrument lacks.
	ErrUnknownIndicator = errors.New("indikator tidak ada / no such indicator")
	// ErrLevelRange reports a value outside 1–5.
	ErrLevelRange = errors.New("tingkat di luar 1–5 / level out of range")
	// ErrNotWholeLevel reports a decimal value for an instrument that rates
	// in whole levels only.
	ErrNotWholeLevel = errors.New("tingkat harus bilangan bulat / not a whole level")
	// ErrDuplicateIndicator reports an indicator answered twice.
	ErrDuplicateIndicator = errors.New("indikator dijawab dua kali / indicator answered twice")
	// ErrInstrumentMismatch reports answers meant for another instrument.
	ErrInstrumentMismatch = errors.New("jawaban untuk instrumen lain / answers are for another instrument")
	// ErrNotExternal reports an external index value for an indicator that
	// takes none.
	ErrNotExternal = errors.New("indikator ini tidak memakai nilai indeks eksternal / indicator takes no external index value")
	// ErrExternalRange reports an external index value outside the index's
	// scale.
	ErrExternalRange = errors.New("nilai indeks eksternal di luar skalanya / external index value out of range")
	// ErrExternalMismatch reports an answer whose level differs from the
	// conversion of its external index value.
	ErrExternalMismatch = errors.New("tingkat tidak sesuai konversi nilai indeks eksternal / level does not match the external index conversion")
	// ErrExternalSource reports an external index value without its source,
	// or a source or date without an external value.
	ErrExternalSource = errors.New("nilai indeks eksternal harus disertai sumbernya / an external index value needs its source")
	// ErrNotSector reports a sector service name for an indicator that is
	// not a Layanan Publik Sektor indicator.
	ErrNotSector = errors.New("indikator ini tidak memakai nama layanan sektor / indicator takes no sector service name")
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
	ErrTargetRange = errors.New("target harus antara 1,00 dan 5,00 / target must lie between 1,00 and 5,00")
	// ErrNothingAnswered reports a score or plan over no answered indicator.
	ErrNothingAnswered = errors.New("belum ada indikator yang dijawab / no indicator is answered")
)

// Errors of workspace files and evidence. The store returns errors that
// match these with errors.Is, so that the window and the command line can
// word them without knowing the store.
var (
	// ErrWorkspaceLocked reports a workspace another window or process has open.
	ErrWorkspaceLocked = errors.New("berkas kerja sedang dibuka di tempat lain / workspace is already open")
	// ErrNotWorkspace reports a file that is not a Swanilai workspace.
	ErrNotWorkspace = errors.New("bukan berkas kerja Swanilai / not a Swanilai workspace")
	// ErrWorkspaceDamaged reports a workspace file whose contents are damaged.
	ErrWorkspaceDamaged = errors.New("berkas kerja rusak / workspace is damaged")
	// ErrSchemaTooNew reports a workspace written by a newer Swanilai.
	ErrSchemaTooNew = errors.New("berkas kerja dibuat oleh Swanilai yang lebih baru / workspace was written by a newer Swanilai")
	// ErrWorkspaceExists reports an attempt to create a workspace over an existing file.
	ErrWorkspaceExists = errors.New("berkas sudah ada / file already exists")
	// ErrEvidenceEmpty reports an evidence file of 0 bytes.
	ErrEvidenceEmpty = errors.New("berkas kosong (0 byte) / file is empty (0 bytes)")
	// ErrEvidenceIsDir reports a folder given where an evidence file is expected.
	ErrEvidenceIsDir = errors.New("ini folder, bukan berkas / is a directory, not a file")
	// ErrDiskFull reports that the disk has no room for the evidence.
	ErrDiskFull = errors.New("ruang disk tidak cukup / not enough disk space")
	// ErrNoFolder reports a file to be written into a folder that does not
	// exist.
	ErrNoFolder = errors.New("folder tujuan tidak ada / the destination folder does not exist")
	// ErrEvidenceCorrupt reports stored evidence bytes that no longer match their hash.
	ErrEvidenceCorrupt = errors.New("isi bukti dukung tidak cocok dengan SHA-256-nya / evidence bytes do not match their SHA-256")
	// ErrNoSuchEvidence reports an evidence file that is not linked.
	ErrNoSuchEvidence = errors.New("bukti dukung tidak ditemukan / no such evidence")
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
