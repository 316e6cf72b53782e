package store

import (
	"encoding/json"
	"errors"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// appendChanges seals changes after the last history entry and writes them,
// in the caller's transaction: a change and its history entry are written
// together or not at all.
func appendChanges(tx *bbolt.Tx, changes []model.Change) error {
	b := historyBucket.of(tx)
	prev := ""
	if k, v := b.Cursor().Last(); k != nil {
		var last changeRec
		if err := json.Unmarshal(v, &last); err != nil {
			return model.Wrapf(err, ErrDamaged, "err.store.detail_last_history_entry")
		}
		prev = last.Hash
	}
	for i := range changes {
		c := &changes[i]
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		c.Seq = seq
		c.Seal(prev)
		prev = c.Hash
		if err := putJSON(b, u64Key(seq), changeToRec(*c)); err != nil {
			return err
		}
	}
	return nil
}

// record runs fn in a write transaction and appends the history entries it
// returns, sealed after the last one. When fn returns none, the transaction
// is rolled back: a change that changes nothing writes nothing.
func (w *Workspace) record(fn func(tx *bbolt.Tx) ([]model.Change, error)) error {
	err := w.update(func(tx *bbolt.Tx) error {
		changes, err := fn(tx)
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			return errNoChange
		}
		return appendChanges(tx, changes)
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

// History returns the history entries of indicator no in order, or every
// entry when no is 0.
func (w *Workspace) History(no int) ([]model.Change, error) {
	var out []model.Change
	err := w.view(func(tx *bbolt.Tx) error {
		return historyBucket.of(tx).ForEach(func(k, v []byte) error {
			var r changeRec
			if err := json.Unmarshal(v, &r); err != nil {
				return model.Wrapf(err, ErrDamaged, "err.store.detail_history_entry", "Key", hexOf(k))
			}
			if no == 0 || r.Indicator == no {
				out = append(out, r.model())
			}
			return nil
		})
	})
	return out, err
}

func changeToRec(c model.Change) changeRec {
	return changeRec{Seq: c.Seq, At: c.At, By: c.By, Indicator: c.Indicator, Field: c.Field, Old: c.Old, New: c.New, Prev: c.Prev, Hash: c.Hash}
}

func (r changeRec) model() model.Change {
	return model.Change{Seq: r.Seq, At: r.At, By: r.By, Indicator: r.Indicator, Field: r.Field, Old: r.Old, New: r.New, Prev: r.Prev, Hash: r.Hash}
}
