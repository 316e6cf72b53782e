package model

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"
)

// Fields a Change can name.
const (
	FieldLevel           = "level"
	FieldFakta           = "fakta"
	FieldAnalisis        = "analisis"
	FieldSector          = "sektor"
	FieldEvidenceAdded   = "bukti+"
	FieldEvidenceRemoved = "bukti-"
	FieldReconfirmed     = "konfirmasi"
	// FieldExternal: the external index value an answer is converted from.
	FieldExternal = "eksternal"
	// FieldEvidenceChanged: the details of an evidence link (title,
	// document number, dates, level) changed.
	FieldEvidenceChanged = "bukti~"
	// FieldOfficials and FieldTargetIndex concern the whole workspace
	// (Indicator 0): the officials named in reports, the target index.
	FieldOfficials   = "pejabat"
	FieldTargetIndex = "target"
	// FieldTargetLevel: the target level of one indicator.
	FieldTargetLevel = "target-tingkat"
	// FieldOPD (Indicator 0): an OPD of the coordinator's registry added,
	// changed or removed; its text is "CODE — name (contact)".
	FieldOPD = "opd"
	// FieldAssigned: the OPDs that answer an indicator; Old and New name
	// the code of the OPD taken off or put on.
	FieldAssigned = "penugasan"
	// FieldAssignmentSent (Indicator 0): the coordinator made an
	// assignment bundle; FieldAssignmentReceived: an OPD took one.
	FieldAssignmentSent     = "penugasan-dikirim"
	FieldAssignmentReceived = "penugasan-diterima"
	// FieldTimeline (Indicator 0): the deadline of one stage of the year.
	FieldTimeline = "jadwal"
	// FieldTrend (Indicator 0): an earlier year's official result.
	FieldTrend = "tren"
	// FieldCoordinatorKey (Indicator 0): the coordinator's key an OPD
	// pinned from an assignment, or the one that replaced it.
	FieldCoordinatorKey = "kunci-koordinator"
	// FieldReview: the coordinator's decision on one OPD's answer to an
	// indicator; Old and New are Decision.Text after the OPD's code and
	// revision.
	FieldReview = "reviu"
	// FieldReviewSent (Indicator 0): the coordinator made a review
	// bundle; FieldReviewReceived: an OPD took one. Their text is
	// Review.Summary.
	FieldReviewSent     = "reviu-dikirim"
	FieldReviewReceived = "reviu-diterima"
)

// Change is one entry of a workspace's append-only history: who changed
// which field of which indicator, when, from what to what. Each entry is
// chained to the one before by hash, so an entry changed, removed or
// inserted afterwards breaks the chain.
type Change struct {
	// Seq numbers the entries from 1 without gaps.
	Seq uint64
	At  time.Time
	By  string
	// Indicator is 0 for changes that concern the whole workspace.
	Indicator int
	Field     string
	Old, New  string
	// Prev is the Hash of the entry before (empty for the first); Hash is
	// the SHA-256 over Prev and this entry, see Seal.
	Prev, Hash string
}

// ErrChainBroken reports a history whose hash chain does not hold.
var ErrChainBroken = NewCode("err.chain_broken")

// digest is the hash of the entry's canonical encoding: a JSON array of
// its fields in a fixed order, the time in UTC with nanoseconds.
func (c *Change) digest() string {
	b, _ := json.Marshal([]any{c.Seq, c.At.UTC().Format(time.RFC3339Nano), c.By, c.Indicator, c.Field, c.Old, c.New, c.Prev})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Seal links c after the entry whose hash is prev and computes its Hash.
func (c *Change) Seal(prev string) {
	c.Prev = prev
	c.Hash = c.digest()
}

// VerifyChain checks that changes form an unbroken chain that starts after
// the entry with hash prev (empty for a history from the beginning) with
// sequence number first. It names the first entry that breaks the chain.
func VerifyChain(changes []Change, prev string, first uint64) error {
	for i := range changes {
		c := &changes[i]
		want := first + uint64(i)
		switch {
		case c.Seq != want:
			return Errorf(ErrChainBroken, "err.chain_broken.moved", "Want", want, "Seq", c.Seq)
		case c.Prev != prev:
			return Errorf(ErrChainBroken, "err.chain_broken.unlinked", "Seq", c.Seq)
		case c.digest() != c.Hash:
			return Errorf(ErrChainBroken, "err.chain_broken.altered", "Seq", c.Seq)
		}
		prev = c.Hash
	}
	return nil
}
