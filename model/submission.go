package model

import (
	"fmt"
	"time"
)

// ChainHead names one entry of a history chain: its sequence number and
// hash. The zero ChainHead is the start, before the first entry.
type ChainHead struct {
	Seq  uint64
	Hash string
}

// Continuity says how the history of a submission joins the history the
// coordinator already has from the same OPD.
type Continuity string

// The continuities a coordinator records on import.
const (
	// ContinuityComplete: the history starts at the beginning, or where the
	// previous imported submission of the OPD ended.
	ContinuityComplete Continuity = "lengkap"
	// ContinuityGap: the history starts after an export the coordinator
	// has not imported; the changes in between are not known.
	ContinuityGap Continuity = "terputus"
	// ContinuityDiverged: the history contradicts the one of the previous
	// imported submission (a workspace restored from an older copy, or
	// rewritten).
	ContinuityDiverged Continuity = "bercabang"
)

// Text says what the continuity means, in Indonesian and English.
func (c Continuity) Text() string {
	switch c {
	case ContinuityComplete:
		return "riwayat bersambung / history continues"
	case ContinuityGap:
		return "riwayat terputus: ada ekspor yang tidak diimpor / history has a gap: an export was not imported"
	case ContinuityDiverged:
		return "riwayat bercabang dari kiriman sebelumnya / history diverges from the previous submission"
	}
	return string(c)
}

// Submission is one signed submission of an OPD to its coordinator: what an
// OPD exports and what the coordinator's workspace keeps of every imported
// revision.
type Submission struct {
	// BundleID is the UUID of the bundle; Revision numbers the OPD's
	// exports from 1 and grows with each one.
	BundleID string
	Revision int
	// Created is when the OPD exported it; AppVersion the Swanilai version
	// that did.
	Created    time.Time
	AppVersion string
	// Key is the key the submission is signed with.
	Key PublicKey
	// Assessment is the OPD's assessment; its Identity is the OPD's
	// workspace, its Pack the instrument.
	Assessment *Assessment
	// Since is the head of the history at the OPD's previous export (the
	// zero ChainHead for the first) and History the entries after it.
	Since   ChainHead
	History []Change
	// Report is the SHA-256 (hex) and size of the OPD's report PDF, empty
	// when the bundle carries none.
	Report     string
	ReportSize int64
	// Manifest and Signature are the signed manifest exactly as received
	// and its minisign signature, so the submission can be verified again.
	Manifest, Signature []byte
	// AnswersReview is the OPD's revision whose review, received from the
	// coordinator, this submission answers; 0 when the OPD had received
	// none.
	AnswersReview int

	// Set by the coordinator's workspace on import.
	Imported   time.Time
	ImportedBy string
	Continuity Continuity
}

// Head returns the history head after the submission's entries.
func (s *Submission) Head() ChainHead {
	if n := len(s.History); n > 0 {
		return ChainHead{Seq: s.History[n-1].Seq, Hash: s.History[n-1].Hash}
	}
	return s.Since
}

// SubmissionInfo describes one imported revision without its contents.
type SubmissionInfo struct {
	Revision   int
	BundleID   string
	Created    time.Time
	Imported   time.Time
	ImportedBy string
	// Fingerprint is the fingerprint of the key that signed it.
	Fingerprint string
	// Answers counts the answered indicators, Links the evidence links,
	// Files the distinct evidence files and Bytes their size.
	Answers, Links, Files int
	Bytes                 int64
	Continuity            Continuity
	// AnswersReview is the revision whose review the submission answers;
	// 0 for none.
	AnswersReview int
}

// SubmittingOPD is an OPD a coordinator has imported submissions from: its
// pinned key, the keys it replaced and every imported revision, oldest
// first.
type SubmittingOPD struct {
	Instansi, Unit string
	// Key is the pinned key: a submission signed by another key is refused
	// unless the coordinator accepts the new key.
	Key      PublicKey
	PinnedAt time.Time
	PinnedBy string
	// FormerKeys are the keys pinned before Key, oldest first.
	FormerKeys []FormerKey
	Revisions  []SubmissionInfo
}

// Latest returns the newest imported revision number, 0 when none.
func (o SubmittingOPD) Latest() int {
	if n := len(o.Revisions); n > 0 {
		return o.Revisions[n-1].Revision
	}
	return 0
}

// FormerKey is a key an OPD used before, and when the coordinator accepted
// the key that replaced it.
type FormerKey struct {
	Key        PublicKey
	ReplacedAt time.Time
	ReplacedBy string
}

// Errors of exporting and importing submissions. The store returns them;
// compare with errors.Is, and use errors.As for the data the typed ones
// carry.
var (
	// ErrNotOPD reports an export from a workspace that is not an OPD's.
	ErrNotOPD = NewCode("err.not_opd")
	// ErrNoUnit reports an OPD workspace without the name of its OPD: the
	// coordinator could not tell whose submission it is.
	ErrNoUnit = NewCode("err.no_unit")
	// ErrNotCoordinator reports an import into a workspace that is not the
	// coordinator's.
	ErrNotCoordinator = NewCode("err.not_coordinator")
	// ErrKeyChanged reports a submission signed by another key than the
	// one pinned for its OPD; it comes inside a *KeyChangedError.
	ErrKeyChanged = NewCode("err.key_changed")
	// ErrReplay reports a submission whose revision is not newer than the
	// last one imported from its OPD; it comes inside a *ReplayError.
	ErrReplay = NewCode("err.replay")
	// ErrSenderMismatch reports a submission for another instansi, year or
	// instrument; it comes inside a *SenderMismatchError.
	ErrSenderMismatch = NewCode("err.sender_mismatch")
	// ErrCoordinatorOnly reports a change that only a coordinator's
	// workspace takes: the OPD registry, assignments, target levels, the
	// timeline, earlier years' results.
	ErrCoordinatorOnly = NewCode("err.coordinator_only")
	// ErrNoSubmission reports an OPD or revision that was never imported.
	ErrNoSubmission = NewCode("err.no_submission")
)

// KeyChangedError is a submission signed by another key than the one pinned
// for its OPD, or an assignment signed by another key than the one an OPD
// pinned for its coordinator. It matches ErrKeyChanged.
type KeyChangedError struct {
	Unit        string
	Pinned, Got PublicKey
	// Coordinator: the key is the coordinator's, pinned by an OPD.
	Coordinator bool
}

func (e *KeyChangedError) Error() string {
	if e.Coordinator {
		return fmt.Sprintf("%s: ditandatangani dengan kunci lain dari kunci koordinator yang tersimpan (sidik kunci tersimpan %s, bundel ini %s); terima kunci baru hanya setelah memastikannya dengan koordinator / signed with another key than the coordinator's pinned key (pinned %s, this bundle %s); accept the new key only after checking it with the coordinator",
			e.Unit, e.Pinned.Fingerprint(), e.Got.Fingerprint(), e.Pinned.Fingerprint(), e.Got.Fingerprint())
	}
	return fmt.Sprintf("%s: ditandatangani dengan kunci lain dari kunci OPD yang tersimpan (sidik kunci tersimpan %s, kiriman ini %s); terima kunci baru hanya setelah memastikannya dengan OPD / signed with another key than the OPD's pinned key (pinned %s, this bundle %s); accept the new key only after checking it with the OPD",
		e.Unit, e.Pinned.Fingerprint(), e.Got.Fingerprint(), e.Pinned.Fingerprint(), e.Got.Fingerprint())
}

// Is makes errors.Is(err, ErrKeyChanged) hold.
func (e *KeyChangedError) Is(target error) bool { return target == ErrKeyChanged }

// ReplayError is a submission whose revision is not newer than the last one
// imported from its OPD. It matches ErrReplay.
type ReplayError struct {
	Unit string
	// Have is the last imported revision, Got the bundle's.
	Have, Got int
	// Same: the very bundle was imported before.
	Same bool
}

func (e *ReplayError) Error() string {
	if e.Same {
		return fmt.Sprintf("%s: revisi %d sudah diimpor / revision %d was imported already", e.Unit, e.Got, e.Got)
	}
	return fmt.Sprintf("%s: kiriman lama atau yang sudah diimpor: revisi %d sudah ada, kiriman ini revisi %d / an older or already imported submission: revision %d is there, this bundle is revision %d",
		e.Unit, e.Have, e.Got, e.Have, e.Got)
}

// Is makes errors.Is(err, ErrReplay) hold.
func (e *ReplayError) Is(target error) bool { return target == ErrReplay }

// What a SenderMismatchError is about.
const (
	MismatchInstansi   = "instansi"
	MismatchYear       = "year"
	MismatchInstrument = "instrument"
	// MismatchUnit: an assignment for another OPD than the workspace's.
	MismatchUnit = "unit"
)

// SenderMismatchError is a submission for another instansi, year or
// instrument than the coordinator's workspace, or an assignment for
// another instansi, year, instrument or OPD than the OPD's workspace. It
// matches ErrSenderMismatch.
type SenderMismatchError struct {
	// What is MismatchInstansi, MismatchYear or MismatchInstrument.
	What string
	// Want is the workspace's value, Got the submission's.
	Want, Got string
}

func (e *SenderMismatchError) Error() string {
	if e.What == MismatchUnit {
		return fmt.Sprintf("penugasan untuk OPD lain: %s, berkas kerja ini %s / assignment for another OPD: %s, this workspace %s",
			e.Got, e.Want, e.Got, e.Want)
	}
	id := map[string]string{MismatchInstansi: "instansi", MismatchYear: "tahun", MismatchInstrument: "instrumen"}[e.What]
	return fmt.Sprintf("kiriman untuk %s lain: %s, berkas kerja ini %s / submission for another %s: %s, this workspace %s",
		id, e.Got, e.Want, e.What, e.Got, e.Want)
}

// Is makes errors.Is(err, ErrSenderMismatch) hold.
func (e *SenderMismatchError) Is(target error) bool { return target == ErrSenderMismatch }
