package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// This file is the OPD's side of a review: the workspace takes the review
// its coordinator signed, keeps what it sent in each export to tell what
// it changed since the revision reviewed, and says in its next export
// which review that export answers.

// ReviewResult says what taking a review found and did.
type ReviewResult struct {
	// Previous is the review it replaces; nil for the first.
	Previous *model.Review
	// Latest is the OPD's latest export; Stale reports that the review is
	// of an older revision than that one (model.Review.Stale): it is kept,
	// and a window says so.
	Latest int
	Stale  bool
}

// ReceiveReview takes the review r, verified by its bundle's reader and
// signed by key, into an OPD's workspace: it keeps it (Review), and the
// next export says it answers it.
//
// It refuses, before writing anything, a review signed by another key than
// the coordinator's key the workspace pinned from its assignment
// (*model.KeyChangedError; a new coordinator key comes with an
// assignment), any review when no key is pinned (model.ErrNoCoordinatorKey),
// a review for another instansi, year or OPD (*model.SenderMismatchError),
// one of a revision the OPD never exported or with decisions the
// instrument does not allow (model.ErrBadReview), and one not newer than
// the review held (*model.ReviewReplayError): the same review twice
// changes nothing. A review of an older revision than the OPD's latest
// export is kept, with ReviewResult.Stale.
func (w *Workspace) ReceiveReview(by string, r *model.Review, key model.PublicKey) (ReviewResult, error) {
	by, err := author(by)
	if err != nil {
		return ReviewResult{}, err
	}
	if err := w.checkReview(r); err != nil {
		return ReviewResult{}, err
	}
	var res ReviewResult
	err = w.update(func(tx *bbolt.Tx) error {
		if res, err = w.admitReview(tx, r, key); err != nil {
			return err
		}
		at := now()
		old := ""
		if res.Previous != nil {
			old = res.Previous.Summary()
		}
		if err := putJSON(metaBucket.of(tx), keyReview, reviewToRec(r, at, by)); err != nil {
			return err
		}
		return appendChanges(tx, []model.Change{{At: at, By: by, Field: model.FieldReviewReceived, Old: old, New: r.Summary()}})
	})
	if err != nil {
		return ReviewResult{}, err
	}
	return res, nil
}

// checkReview checks that r holds what the workspace can take, against its
// instrument, and puts its decisions in instrument order.
func (w *Workspace) checkReview(r *model.Review) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", model.ErrBadReview, fmt.Sprintf(format, args...))
	}
	if r == nil {
		return bad("kosong / empty")
	}
	code, err := model.NormalizeCode(r.Code)
	switch {
	case err != nil || code != r.Code:
		return bad("kode / code %q", r.Code)
	case strings.TrimSpace(r.Unit) == "" || checkText("OPD", r.Unit) != nil || checkText("instansi", r.Instansi) != nil || checkText("oleh / by", r.By) != nil:
		return bad("OPD %q", r.Unit)
	case r.Revision < 1 || r.Sent.IsZero():
		return bad("tanpa revisi atau waktu / without revision or time")
	}
	for i := range r.Decisions {
		d := &r.Decisions[i]
		if d.Revision < 1 || d.Revision > r.Revision || checkText("oleh / by", d.By) != nil {
			return bad("indikator %d: revisi / revision %d", d.Indicator, d.Revision)
		}
		if err := w.checkDecision(d); err != nil {
			return bad("%v", err)
		}
		if slices.ContainsFunc(r.Decisions[:i], func(o model.Decision) bool { return o.Indicator == d.Indicator }) {
			return bad("indikator %d dua kali / twice", d.Indicator)
		}
	}
	order := map[int]int{}
	for i, no := range w.pack.IndicatorNumbers() {
		order[no] = i
	}
	slices.SortFunc(r.Decisions, func(a, b model.Decision) int { return order[a.Indicator] - order[b.Indicator] })
	return nil
}

// admitReview applies the rules of ReceiveReview to r against the
// workspace in tx.
func (w *Workspace) admitReview(tx *bbolt.Tx, r *model.Review, key model.PublicKey) (ReviewResult, error) {
	var res ReviewResult
	id := w.ident
	switch {
	case id.Role != model.RoleOPD:
		return res, model.ErrReviewOPDOnly
	case !sameName(r.Instansi, id.Instansi):
		return res, &model.SenderMismatchError{What: model.MismatchInstansi, Want: id.Instansi, Got: r.Instansi}
	case r.Year != id.Year:
		return res, &model.SenderMismatchError{What: model.MismatchYear, Want: strconv.Itoa(id.Year), Got: strconv.Itoa(r.Year)}
	case !model.SameUnit(r.Unit, id.Unit):
		return res, &model.SenderMismatchError{What: model.MismatchUnit, Want: id.Unit, Got: r.Unit + " (" + r.Code + ")"}
	}
	meta := metaBucket.of(tx)
	if meta.Get(keyCoordinatorKey) == nil {
		return res, model.ErrNoCoordinatorKey
	}
	var pin pinnedKeyRec
	if err := getJSON(meta, keyCoordinatorKey, &pin); err != nil {
		return res, model.Wrapf(err, ErrDamaged, "err.store.detail_coordinator_key")
	}
	pinned, err := pin.Key.model()
	if err != nil {
		return res, err
	}
	if !pinned.Equal(key) {
		return res, &model.KeyChangedError{Unit: r.Instansi, Pinned: pinned, Got: key, Coordinator: true}
	}
	last, err := lastExport(meta)
	if err != nil {
		return res, err
	}
	if r.Revision > last.Revision {
		return res, model.Errorf(model.ErrBadReview, "err.store.review_beyond_sent",
			"Revision", r.Revision, "Sent", last.Revision)
	}
	held, err := heldReview(meta)
	if err != nil {
		return res, err
	}
	if !r.Newer(held) {
		return res, &model.ReviewReplayError{Have: held, Got: r}
	}
	res.Previous, res.Latest, res.Stale = held, last.Revision, r.Stale(last.Revision)
	return res, nil
}

// Review returns the latest review the OPD's workspace received from its
// coordinator; nil when it has none.
func (w *Workspace) Review() (*model.Review, error) {
	var r *model.Review
	err := w.view(func(tx *bbolt.Tx) (err error) {
		r, err = heldReview(metaBucket.of(tx))
		return err
	})
	return r, err
}

func heldReview(meta *bbolt.Bucket) (*model.Review, error) {
	if meta.Get(keyReview) == nil {
		return nil, nil
	}
	var rec reviewRec
	if err := getJSON(meta, keyReview, &rec); err != nil {
		return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_review")
	}
	return rec.model(), nil
}

// Exported returns the assessment as the OPD's workspace exported it in
// revision rev: its answers, evidence links (the details, not the bytes),
// targets and officials, with Revision set. It returns nil for a revision
// the workspace does not know: never exported, or exported before it kept
// its exports (schema 5).
func (w *Workspace) Exported(rev int) (*model.Assessment, error) {
	var a *model.Assessment
	err := w.view(func(tx *bbolt.Tx) error {
		var rec submissionRec
		v := exportsBucket.of(tx).Get(u64Key(uint64(rev)))
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &rec); err != nil {
			return model.Wrapf(err, ErrDamaged, "err.store.detail_export_of", "Revision", rev)
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
