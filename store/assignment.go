package store

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// This file is the OPD's side of an assignment: the workspace takes the
// assignment its coordinator signed, pins the coordinator's key and shows
// the targets and deadlines it brings.

// ReceiveOptions are the inputs of ReceiveAssignment besides the
// assignment.
type ReceiveOptions struct {
	// By names who takes the assignment, for the record.
	By string
	// AcceptNewKey accepts an assignment signed by another key than the
	// coordinator's pinned key, and pins the new one. Set it only after
	// the coordinator has confirmed the new key's fingerprint.
	AcceptNewKey bool
}

// ReceiveResult says what taking an assignment found and did.
type ReceiveResult struct {
	// NewKey: the first assignment; the coordinator's key is pinned now.
	NewKey bool
	// KeyReplaced: signed by another key than the pinned one, accepted
	// with ReceiveOptions.AcceptNewKey; the new key is pinned now.
	KeyReplaced bool
	// Key is the coordinator's key the assignment is signed with.
	Key model.PublicKey
	// Previous is the assignment it replaces; nil for the first.
	Previous *model.Assignment
}

// CheckAssignment tells, without changing anything, whether a could be
// taken: it returns the same errors and result as ReceiveAssignment. A
// window shows the fingerprint of a key about to be pinned with it
// (ReceiveResult.NewKey).
func (w *Workspace) CheckAssignment(a model.Assignment, acceptNewKey bool) (ReceiveResult, error) {
	if err := w.checkAssignment(&a); err != nil {
		return ReceiveResult{}, err
	}
	var res ReceiveResult
	err := w.view(func(tx *bbolt.Tx) (err error) {
		res, _, err = w.admitAssignment(tx, &a, acceptNewKey)
		return err
	})
	return res, err
}

// ReceiveAssignment takes the assignment a, verified by its bundle's reader,
// into an OPD's workspace: it keeps it (Assignment), makes its target levels
// and target index the workspace's (Assessment().Targets) and its timeline
// the workspace's (Timeline), and pins the coordinator's key on the first
// assignment, so that the coordinator's later bundles are trusted by it.
//
// It refuses, before writing anything, an assignment for another instansi,
// year, instrument or OPD (*model.SenderMismatchError), one signed by
// another key than the pinned one unless opts.AcceptNewKey
// (*model.KeyChangedError), and one not newer than the assignment held
// (*model.AssignmentReplayError): a newer assignment replaces an older one.
func (w *Workspace) ReceiveAssignment(a model.Assignment, opts ReceiveOptions) (ReceiveResult, error) {
	by, err := author(opts.By)
	if err != nil {
		return ReceiveResult{}, err
	}
	if err := w.checkAssignment(&a); err != nil {
		return ReceiveResult{}, err
	}
	var res ReceiveResult
	err = w.update(func(tx *bbolt.Tx) error {
		var pin pinnedKeyRec
		var err error
		if res, pin, err = w.admitAssignment(tx, &a, opts.AcceptNewKey); err != nil {
			return err
		}
		at := now()
		meta := metaBucket.of(tx)
		old := ""
		if res.Previous != nil {
			old = res.Previous.Summary()
		}
		changes := []model.Change{{At: at, By: by, Field: model.FieldAssignmentReceived, Old: old, New: a.Summary()}}
		if res.NewKey || res.KeyReplaced {
			oldKey := ""
			if res.KeyReplaced {
				k, _ := pin.Key.model()
				oldKey = k.Fingerprint()
				pin.Former = append(pin.Former, formerKeyRec{Key: pin.Key, ReplacedAt: at, ReplacedBy: by})
			}
			pin.Key, pin.PinnedAt, pin.PinnedBy = publicKeyToRec(a.Coordinator), at, by
			if err := putJSON(meta, keyCoordinatorKey, pin); err != nil {
				return err
			}
			changes = append(changes, model.Change{At: at, By: by, Field: model.FieldCoordinatorKey, Old: oldKey, New: a.Coordinator.Fingerprint()})
		}
		held := heldAssignmentRec{Code: a.Code, Name: a.Name, Revision: a.Revision, Instansi: a.Instansi, Year: a.Year,
			InstrumentID: a.InstrumentID, InstrumentHash: a.InstrumentHash, Indicators: a.Indicators, TargetIndex: int64(a.TargetIndex),
			Deadline: a.Deadline.String(), Timeline: timelineToRecs(a.Timeline), Coordinator: publicKeyToRec(a.Coordinator),
			Sent: a.Sent.UTC(), Received: at, ReceivedBy: by}
		for no, v := range a.Targets {
			if held.Targets == nil {
				held.Targets = map[int]int64{}
			}
			held.Targets[no] = int64(v)
		}
		if err := putJSON(meta, keyAssignment, held); err != nil {
			return err
		}
		oldTargets, err := targets(tx)
		if err != nil {
			return err
		}
		c, err := putTargets(tx, by, oldTargets, a.Targets)
		if err != nil {
			return err
		}
		changes = append(changes, c...)
		if a.TargetIndex != 0 {
			if c, err = putTargetIndex(meta, by, a.TargetIndex); err != nil {
				return err
			}
			changes = append(changes, c...)
		}
		if len(a.Timeline) > 0 {
			if c, err = w.putTimeline(tx, by, a.Timeline); err != nil {
				return err
			}
			changes = append(changes, c...)
		}
		return appendChanges(tx, changes)
	})
	if err != nil {
		return ReceiveResult{}, err
	}
	return res, nil
}

// checkAssignment checks that a holds what the workspace can take, against
// its instrument, and puts its indicators in instrument order.
func (w *Workspace) checkAssignment(a *model.Assignment) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", model.ErrBadAssignment, fmt.Sprintf(format, args...))
	}
	code, err := model.NormalizeCode(a.Code)
	switch {
	case err != nil || code != a.Code:
		return bad("kode / code %q", a.Code)
	case strings.TrimSpace(a.Name) == "" || checkText("OPD", a.Name) != nil || checkText("instansi", a.Instansi) != nil:
		return bad("nama / name %q", a.Name)
	case a.Revision < 1 || a.Sent.IsZero():
		return bad("tanpa nomor atau waktu / without number or time")
	case len(a.Coordinator.Key) != 32:
		return bad("tanpa kunci koordinator / without the coordinator's key")
	case a.TargetIndex != 0 && (a.TargetIndex < 100 || a.TargetIndex > 500):
		return bad("%v: %s", model.ErrTargetRange, a.TargetIndex.ID())
	}
	for i, no := range a.Indicators {
		if _, err := w.indicator(no); err != nil {
			return bad("%v", err)
		}
		if slices.Contains(a.Indicators[:i], no) {
			return bad("indikator %d dua kali / twice", no)
		}
	}
	for no, v := range a.Targets {
		if err := w.pack.CheckValue(no, v); err != nil || v == model.Unanswered {
			return bad("target indikator %d: %v", no, err)
		}
	}
	if err := a.Timeline.Check(); err != nil {
		return bad("%v", err)
	}
	a.Indicators = w.inOrder(a.Indicators)
	return nil
}

// admitAssignment applies the rules of ReceiveAssignment to a against the
// workspace in tx, and returns the result with the pinned key's record.
func (w *Workspace) admitAssignment(tx *bbolt.Tx, a *model.Assignment, acceptNewKey bool) (ReceiveResult, pinnedKeyRec, error) {
	var pin pinnedKeyRec
	id := w.ident
	switch {
	case id.Role != model.RoleOPD:
		return ReceiveResult{}, pin, model.ErrOPDOnly
	case !sameName(a.Instansi, id.Instansi):
		return ReceiveResult{}, pin, &model.SenderMismatchError{What: model.MismatchInstansi, Want: id.Instansi, Got: a.Instansi}
	case a.Year != id.Year:
		return ReceiveResult{}, pin, &model.SenderMismatchError{What: model.MismatchYear, Want: strconv.Itoa(id.Year), Got: strconv.Itoa(a.Year)}
	case a.InstrumentHash != id.InstrumentHash:
		return ReceiveResult{}, pin, &model.SenderMismatchError{What: model.MismatchInstrument,
			Want: instrumentText(id.InstrumentID, id.InstrumentHash), Got: instrumentText(a.InstrumentID, a.InstrumentHash)}
	case !model.SameUnit(a.Name, id.Unit):
		return ReceiveResult{}, pin, &model.SenderMismatchError{What: model.MismatchUnit, Want: id.Unit, Got: a.Name + " (" + a.Code + ")"}
	}
	res := ReceiveResult{Key: a.Coordinator}
	meta := metaBucket.of(tx)
	if meta.Get(keyCoordinatorKey) == nil {
		res.NewKey = true
	} else {
		if err := getJSON(meta, keyCoordinatorKey, &pin); err != nil {
			return res, pin, model.Wrapf(err, ErrDamaged, "err.store.detail_coordinator_key")
		}
		pinned, err := pin.Key.model()
		if err != nil {
			return res, pin, err
		}
		if !pinned.Equal(a.Coordinator) {
			if !acceptNewKey {
				return res, pin, &model.KeyChangedError{Unit: a.Instansi, Pinned: pinned, Got: a.Coordinator, Coordinator: true}
			}
			res.KeyReplaced = true
		}
	}
	held, err := heldAssignment(meta)
	if err != nil {
		return res, pin, err
	}
	if held != nil && !a.Newer(held) {
		return res, pin, &model.AssignmentReplayError{Have: held, Got: a}
	}
	res.Previous = held
	return res, pin, nil
}

// putTargetIndex sets the target index in meta and returns the history
// entry of the change; nothing when it is the same.
func putTargetIndex(meta *bbolt.Bucket, by string, h model.Hundredths) ([]model.Change, error) {
	old, err := targetIndex(meta)
	if err != nil || old == h {
		return nil, err
	}
	if h == 0 {
		err = meta.Delete(keyTargetIndex)
	} else {
		err = meta.Put(keyTargetIndex, []byte(strconv.FormatInt(int64(h), 10)))
	}
	text := func(h model.Hundredths) string {
		if h == 0 {
			return ""
		}
		return h.ID()
	}
	return []model.Change{{At: now(), By: by, Field: model.FieldTargetIndex, Old: text(old), New: text(h)}}, err
}

// Assignment returns the assignment an OPD's workspace received last; nil
// when it has none.
func (w *Workspace) Assignment() (*model.Assignment, error) {
	var a *model.Assignment
	err := w.view(func(tx *bbolt.Tx) (err error) {
		a, err = heldAssignment(metaBucket.of(tx))
		return err
	})
	return a, err
}

func heldAssignment(meta *bbolt.Bucket) (*model.Assignment, error) {
	if meta.Get(keyAssignment) == nil {
		return nil, nil
	}
	var r heldAssignmentRec
	if err := getJSON(meta, keyAssignment, &r); err != nil {
		return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_assignment")
	}
	key, err := r.Coordinator.model()
	if err != nil {
		return nil, err
	}
	deadline, err := model.ParseDate(r.Deadline)
	if err != nil {
		return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_assignment")
	}
	tl, err := timelineOf(r.Timeline)
	if err != nil {
		return nil, err
	}
	a := &model.Assignment{Code: r.Code, Name: r.Name, Revision: r.Revision, Instansi: r.Instansi, Year: r.Year,
		InstrumentID: r.InstrumentID, InstrumentHash: r.InstrumentHash, Indicators: r.Indicators, TargetIndex: model.Hundredths(r.TargetIndex),
		Deadline: deadline, Timeline: tl, Coordinator: key, Sent: r.Sent}
	for _, no := range slices.Sorted(maps.Keys(r.Targets)) {
		if a.Targets == nil {
			a.Targets = map[int]model.Hundredths{}
		}
		a.Targets[no] = model.Hundredths(r.Targets[no])
	}
	return a, nil
}

// CoordinatorKey returns the coordinator's key an OPD's workspace pinned
// from its assignments, and when; the zero key when none was received.
// Bundles the coordinator signs later are checked against it.
func (w *Workspace) CoordinatorKey() (model.PublicKey, time.Time, error) {
	var k model.PublicKey
	var at time.Time
	err := w.view(func(tx *bbolt.Tx) error {
		meta := metaBucket.of(tx)
		if meta.Get(keyCoordinatorKey) == nil {
			return nil
		}
		var pin pinnedKeyRec
		if err := getJSON(meta, keyCoordinatorKey, &pin); err != nil {
			return model.Wrapf(err, ErrDamaged, "err.store.detail_coordinator_key")
		}
		var err error
		k, err = pin.Key.model()
		at = pin.PinnedAt
		return err
	})
	return k, at, err
}
