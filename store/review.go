package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// This file is the coordinator's side of a review: every imported revision
// of an OPD, the decision on each answer of its latest revision, the
// decisions that stand because the answer did not change since, and the
// review bundles going back.

// reviewee finds the OPD code of the registry and the record of its
// submissions; found is false when nothing was imported from it yet. An
// OPD the registry lacks is model.ErrNoSuchOPD.
func reviewee(tx *bbolt.Tx, code string) (opd opdRec, found bool, err error) {
	code, err = model.NormalizeCode(code)
	if err != nil {
		return opd, false, err
	}
	r, ok, err := getRegistry(tx, code)
	if err != nil {
		return opd, false, err
	}
	if !ok {
		return opd, false, fmt.Errorf("%s: %w", code, model.ErrNoSuchOPD)
	}
	return submitter(tx, r.Name)
}

// Revisions lists the imported revisions of the OPD code, oldest first;
// none before its first submission. An OPD the registry lacks is
// model.ErrNoSuchOPD.
func (w *Workspace) Revisions(code string) ([]int, error) {
	var out []int
	err := w.view(func(tx *bbolt.Tx) error {
		opd, found, err := reviewee(tx, code)
		if err != nil || !found {
			return err
		}
		prefix := u64Key(opd.No)
		c := submissionsBucket.of(tx).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if len(k) != 16 {
				return model.Errorf(ErrDamaged, "err.store.detail_submission_key", "Key", hexOf(k))
			}
			out = append(out, int(binary.BigEndian.Uint64(k[8:])))
		}
		return nil
	})
	return out, err
}

// Submitted returns revision rev of the OPD code's submissions as the OPD
// sent it: its answers, evidence links and targets, with Revision set. It
// reports model.ErrNoSubmission for a revision never imported.
func (w *Workspace) Submitted(code string, rev int) (*model.Assessment, error) {
	var a *model.Assessment
	err := w.view(func(tx *bbolt.Tx) error {
		opd, found, err := reviewee(tx, code)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s: %w", code, model.ErrNoSubmission)
		}
		rec, err := getSubmission(tx, opd, rev)
		if err != nil {
			return err
		}
		s, err := rec.model(w.pack)
		if err != nil {
			return err
		}
		a = s.Assessment
		return nil
	})
	return a, err
}

// getSubmission reads revision rev of opd's submissions.
func getSubmission(tx *bbolt.Tx, opd opdRec, rev int) (submissionRec, error) {
	var rec submissionRec
	v := submissionsBucket.of(tx).Get(submissionKey(opd.No, rev))
	if v == nil {
		return rec, model.Within(model.ErrNoSubmission, "err.store.unit_revision", "Unit", opd.Unit, "Revision", rev)
	}
	if err := json.Unmarshal(v, &rec); err != nil {
		return rec, model.Wrapf(err, ErrDamaged, "err.store.detail_submission_of", "Unit", opd.Unit, "Revision", rev)
	}
	return rec, nil
}

// Decisions returns the decisions on the latest revision of the OPD code,
// in instrument order: those made on it, and those made on an earlier
// revision on an answer that did not change since (model.Carried over
// model.Compare of each revision with the one before), so that an accepted
// answer sent again unchanged stays accepted and a revision request on an
// answer still unchanged stays open. A decision keeps the revision it was
// made on. None before the OPD's first submission.
func (w *Workspace) Decisions(code string) ([]model.Decision, error) {
	var out []model.Decision
	err := w.view(func(tx *bbolt.Tx) error {
		opd, found, err := reviewee(tx, code)
		if err != nil || !found {
			return err
		}
		out, _, err = w.decisions(tx, opd)
		return err
	})
	return out, err
}

// decisions returns the decisions standing on opd's latest revision, and
// that revision's assessment.
func (w *Workspace) decisions(tx *bbolt.Tx, opd opdRec) ([]model.Decision, *model.Assessment, error) {
	var standing []model.Decision
	var prev *model.Assessment
	prefix := u64Key(opd.No)
	c := submissionsBucket.of(tx).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var rec submissionRec
		if err := json.Unmarshal(v, &rec); err != nil {
			return nil, nil, model.Wrapf(err, ErrDamaged, "err.store.detail_submission_unit_key", "Unit", opd.Unit, "Key", hexOf(k))
		}
		s, err := rec.model(w.pack)
		if err != nil {
			return nil, nil, err
		}
		if prev != nil {
			standing = model.Carried(standing, model.Compare(w.pack, prev, s.Assessment))
		} else {
			standing = nil
		}
		made, err := decisionsMade(tx, opd.No, rec.Revision)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range made {
			standing = append(slices.DeleteFunc(standing, func(o model.Decision) bool { return o.Indicator == d.Indicator }), d)
		}
		prev = s.Assessment
	}
	order := map[int]int{}
	for i, no := range w.pack.IndicatorNumbers() {
		order[no] = i
	}
	slices.SortFunc(standing, func(a, b model.Decision) int { return order[a.Indicator] - order[b.Indicator] })
	return standing, prev, nil
}

// decisionsMade reads the decisions made on revision rev of OPD number
// opd, by indicator.
func decisionsMade(tx *bbolt.Tx, opd uint64, rev int) ([]model.Decision, error) {
	var out []model.Decision
	prefix := submissionKey(opd, rev)
	c := decisionsBucket.of(tx).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var rec decisionRec
		if len(k) != 20 || json.Unmarshal(v, &rec) != nil {
			return nil, model.Errorf(ErrDamaged, "err.store.detail_decision_key", "Key", hexOf(k))
		}
		out = append(out, rec.model(int(binary.BigEndian.Uint32(k[16:])), rev))
	}
	return out, nil
}

func (r decisionRec) model(no, rev int) model.Decision {
	return model.Decision{Indicator: no, Verdict: model.Verdict(r.Verdict), Level: model.Hundredths(r.Level), Fakta: r.Fakta,
		Analisis: r.Analisis, Justifikasi: r.Justifikasi, MissingEvidence: r.Missing, Revision: rev, By: r.By, At: r.At}
}

func decisionToRec(d model.Decision) decisionRec {
	return decisionRec{Verdict: string(d.Verdict), Level: int64(d.Level), Fakta: d.Fakta, Analisis: d.Analisis,
		Justifikasi: d.Justifikasi, Missing: d.MissingEvidence, By: d.By, At: d.At}
}

// checkDecision checks d against the instrument and its texts against the
// workspace's limits, and tidies it: the level belongs to an adjustment
// only, the notes lose surrounding white space.
func (w *Workspace) checkDecision(d *model.Decision) error {
	if d.Verdict != model.VerdictAdjusted {
		d.Level = model.Unanswered
	}
	for _, t := range []*string{&d.Fakta, &d.Analisis, &d.Justifikasi, &d.MissingEvidence} {
		*t = strings.TrimSpace(*t)
		if err := checkText(fmt.Sprintf("indikator %d", d.Indicator), *t); err != nil {
			return err
		}
	}
	return d.Check(w.pack)
}

// SetDecision records by's decision d on the answer of the OPD code to
// indicator d.Indicator in its latest revision, and appends it to the
// history with who, when, the verdict and the note. d is checked first
// (model.Decision.Check: an adjustment or a revision request needs a note).
// d.Revision, when not 0, is the revision the coordinator looked at: a
// newer one imported meanwhile refuses the decision (model.ErrNotLatest).
// An indicator the revision does not answer takes no decision
// (model.ErrNotReviewable), but for a revision request on an indicator
// assigned to the OPD. A decision that says what stands already changes
// nothing.
func (w *Workspace) SetDecision(by, code string, d model.Decision) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if code, err = model.NormalizeCode(code); err != nil {
		return err
	}
	if err := w.checkDecision(&d); err != nil {
		return err
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		opd, found, err := reviewee(tx, code)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("%s: %w", code, model.ErrNoSubmission)
		}
		if d.Revision != 0 && d.Revision != opd.Latest {
			return nil, fmt.Errorf("%s: %w", code,
				model.Within(model.ErrNotLatest, "err.store.decision_not_latest", "Revision", d.Revision, "Latest", opd.Latest))
		}
		standing, latest, err := w.decisions(tx, opd)
		if err != nil {
			return nil, err
		}
		if latest.Answers[d.Indicator].Value == model.Unanswered {
			as, _, err := getAssignment(tx, code)
			if err != nil {
				return nil, err
			}
			if d.Verdict != model.VerdictRevise || !slices.Contains(as.Indicators, d.Indicator) {
				return nil, fmt.Errorf("%s revisi %d, indikator %d: %w", code, opd.Latest, d.Indicator, model.ErrNotReviewable)
			}
		}
		old := ""
		for _, o := range standing {
			if o.Indicator == d.Indicator {
				if o.Same(d) {
					return nil, nil
				}
				old = fmt.Sprintf("%s revisi %d: %s", code, o.Revision, o.Text())
			}
		}
		at := now()
		d.Revision, d.By, d.At = opd.Latest, by, at
		if err := putJSON(decisionsBucket.of(tx), decisionKey(opd.No, opd.Latest, d.Indicator), decisionToRec(d)); err != nil {
			return nil, err
		}
		return []model.Change{{At: at, By: by, Indicator: d.Indicator, Field: model.FieldReview, Old: old,
			New: fmt.Sprintf("%s revisi %d: %s", code, opd.Latest, d.Text())}}, nil
	})
}

// decisionOn returns the decision standing on the answer of the OPD named
// unit to indicator no in its latest revision, and whether there is one.
func (w *Workspace) decisionOn(tx *bbolt.Tx, unit string, no int) (model.Decision, bool, error) {
	opd, found, err := submitter(tx, unit)
	if err != nil || !found {
		return model.Decision{}, false, err
	}
	standing, _, err := w.decisions(tx, opd)
	if err != nil {
		return model.Decision{}, false, err
	}
	for _, d := range standing {
		if d.Indicator == no {
			return d, true, nil
		}
	}
	return model.Decision{}, false, nil
}

// ReviewFor returns what the review bundle of the OPD code would carry now:
// the decisions standing on its latest revision (Decisions), for the OPD
// as its workspace names itself, with the coordinator's instansi and year.
// Sent and By are left for the bundle writer. An OPD without a submission
// is model.ErrNoSubmission, one without a decision model.ErrNoDecisions.
func (w *Workspace) ReviewFor(code string) (*model.Review, error) {
	if err := w.coordinatorOnly(); err != nil {
		return nil, err
	}
	code, err := model.NormalizeCode(code)
	if err != nil {
		return nil, err
	}
	r := &model.Review{Code: code, Instansi: w.ident.Instansi, Year: w.ident.Year}
	err = w.view(func(tx *bbolt.Tx) error {
		opd, found, err := reviewee(tx, code)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s: %w", code, model.ErrNoSubmission)
		}
		standing, latest, err := w.decisions(tx, opd)
		if err != nil {
			return err
		}
		if len(standing) == 0 {
			return fmt.Errorf("%s revisi %d: %w", code, opd.Latest, model.ErrNoDecisions)
		}
		r.Unit, r.Revision, r.Decisions = latest.Identity.Unit, opd.Latest, standing
		return nil
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// RecordReview notes that by made the review bundle of r, made from
// ReviewFor and sent (r.Sent set by the bundle writer): the workspace keeps
// the review as sent (ReviewsSent) and the history says so.
func (w *Workspace) RecordReview(by string, r *model.Review) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if r == nil || r.Sent.IsZero() || r.Revision < 1 {
		return model.Errorf(model.ErrBadReview, "err.store.review_without_time")
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		opd, found, err := reviewee(tx, r.Code)
		if err != nil {
			return nil, err
		}
		if !found || r.Revision > opd.Latest {
			return nil, fmt.Errorf("%s revisi %d: %w", r.Code, r.Revision, model.ErrNoSubmission)
		}
		b := reviewsBucket.of(tx)
		seq, err := b.NextSequence()
		if err != nil {
			return nil, err
		}
		at := now()
		if err := putJSON(b, binary.BigEndian.AppendUint64(u64Key(opd.No), seq), reviewToRec(r, at, by)); err != nil {
			return nil, err
		}
		return []model.Change{{At: at, By: by, Field: model.FieldReviewSent, New: r.Summary()}}, nil
	})
}

// ReviewsSent returns the review bundles made for the OPD code, oldest
// first, each as it was sent.
func (w *Workspace) ReviewsSent(code string) ([]*model.Review, error) {
	var out []*model.Review
	err := w.view(func(tx *bbolt.Tx) error {
		opd, found, err := reviewee(tx, code)
		if err != nil || !found {
			return err
		}
		prefix := u64Key(opd.No)
		c := reviewsBucket.of(tx).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			var rec reviewRec
			if err := json.Unmarshal(v, &rec); err != nil {
				return model.Wrapf(err, ErrDamaged, "err.store.detail_review_key", "Key", hexOf(k))
			}
			out = append(out, rec.model())
		}
		return nil
	})
	return out, err
}

func reviewToRec(r *model.Review, at time.Time, by string) reviewRec {
	rec := reviewRec{Code: r.Code, Unit: r.Unit, Instansi: r.Instansi, Year: r.Year, Revision: r.Revision, Decisions: []reviewedRec{},
		Sent: r.Sent.UTC(), By: r.By, Recorded: at, RecordedBy: by}
	for _, d := range r.Decisions {
		rec.Decisions = append(rec.Decisions, reviewedRec{Indicator: d.Indicator, Revision: d.Revision, decisionRec: decisionToRec(d)})
	}
	return rec
}

func (r reviewRec) model() *model.Review {
	out := &model.Review{Code: r.Code, Unit: r.Unit, Instansi: r.Instansi, Year: r.Year, Revision: r.Revision, Sent: r.Sent, By: r.By}
	for _, d := range r.Decisions {
		out.Decisions = append(out.Decisions, d.decisionRec.model(d.Indicator, d.Revision))
	}
	return out
}

// checkReviews checks the review decisions, the review bundles made and
// the one received, and the exports kept, record by record.
func (w *Workspace) checkReviews(tx *bbolt.Tx, r *CheckReport) {
	subs := submissionsBucket.of(tx)
	_ = decisionsBucket.of(tx).ForEach(func(k, v []byte) error {
		var rec decisionRec
		if len(k) != 20 || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemReview, fmt.Sprintf("keputusan reviu / review decision %x", k), "tidak terbaca / unreadable")
			return nil
		}
		no, rev := int(binary.BigEndian.Uint32(k[16:])), int(binary.BigEndian.Uint64(k[8:16]))
		affects := fmt.Sprintf("indikator %d, keputusan reviu atas revisi %d / indicator %d, review decision on revision %d", no, rev, no, rev)
		if subs.Get(k[:16]) == nil {
			r.add(ProblemReview, affects, "kirimannya tidak tersimpan / its submission is not stored")
		}
		if err := rec.model(no, rev).Check(w.pack); err != nil {
			r.add(ProblemReview, affects, "%v", err)
		}
		return nil
	})
	_ = reviewsBucket.of(tx).ForEach(func(k, v []byte) error {
		var rec reviewRec
		if len(k) != 16 || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemReview, fmt.Sprintf("reviu dikirim / review sent %x", k), "tidak terbaca / unreadable")
		}
		return nil
	})
	_ = exportsBucket.of(tx).ForEach(func(k, v []byte) error {
		affects := fmt.Sprintf("ekspor / export %x", k)
		var rec submissionRec
		if len(k) != 8 || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemReview, affects, "tidak terbaca / unreadable")
			return nil
		}
		if _, err := rec.model(w.pack); err != nil {
			r.add(ProblemReview, affects, "%v", err)
		}
		return nil
	})
	if _, err := heldReview(metaBucket.of(tx)); err != nil {
		r.add(ProblemReview, "reviu diterima / received review", "%v", err)
	}
}
