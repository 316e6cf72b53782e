package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// ExportDraft returns what the next export of the workspace will carry, read
// in one transaction: the assessment, the history since the last completed
// export, the revision number the export will get and the public signing
// key. It changes nothing (but makes the signing key of an older workspace
// that has none yet). Only an OPD's workspace with the name of its OPD is
// exported (model.ErrNotOPD, model.ErrNoUnit).
func (w *Workspace) ExportDraft() (*model.Submission, error) { return w.draft(false) }

// BeginExport is ExportDraft for the export about to be written: it takes
// the revision number for it. A number once taken is never handed out
// again, even when the export does not complete, so revisions only grow;
// the history of an export that does not complete is carried by the next.
func (w *Workspace) BeginExport() (*model.Submission, error) { return w.draft(true) }

func (w *Workspace) draft(take bool) (*model.Submission, error) {
	switch {
	case w.ident.Role != model.RoleOPD:
		return nil, model.ErrNotOPD
	case w.ident.Unit == "":
		return nil, model.ErrNoUnit
	}
	key, err := w.SigningKey()
	if err != nil {
		return nil, err
	}
	s := &model.Submission{Key: key.Public}
	read := func(tx *bbolt.Tx) error {
		meta := metaBucket.of(tx)
		last, err := lastExport(meta)
		if err != nil {
			return err
		}
		s.Revision = max(last.Revision, revisionTaken(meta)) + 1
		if take {
			if err := meta.Put(keyRevision, u64Key(uint64(s.Revision))); err != nil {
				return err
			}
		}
		if s.Assessment, err = w.assessment(tx); err != nil {
			return err
		}
		// The assessment as submitted is the one of this revision: its
		// report says "revisi n", not the revision before.
		s.Assessment.Revision = s.Revision
		s.Since = model.ChainHead{Seq: last.Head.Seq, Hash: last.Head.Hash}
		if s.History, err = historySince(tx, s.Since); err != nil {
			return err
		}
		// The export answers the coordinator's review the OPD holds.
		review, err := heldReview(meta)
		if review != nil {
			s.AnswersReview = review.Revision
		}
		return err
	}
	if take {
		err = w.update(read)
	} else {
		err = w.view(read)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// revisionTaken returns the last revision number an export took.
func revisionTaken(meta *bbolt.Bucket) int {
	v := meta.Get(keyRevision)
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}

// historySince returns the history entries after head, checked to follow
// on from it.
func historySince(tx *bbolt.Tx, head model.ChainHead) ([]model.Change, error) {
	var out []model.Change
	c := historyBucket.of(tx).Cursor()
	for k, v := c.Seek(u64Key(head.Seq + 1)); k != nil; k, v = c.Next() {
		var r changeRec
		if err := json.Unmarshal(v, &r); err != nil {
			return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_history_entry", "Key", hexOf(k))
		}
		out = append(out, r.model())
	}
	if err := model.VerifyChain(out, head.Hash, head.Seq+1); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDamaged, err)
	}
	return out, nil
}

// RecordExport notes that the bundle of s, a draft from BeginExport, is
// complete: the next export carries the history after s's, and the
// workspace keeps what s sent (Exported). An export that completes after a
// newer one does not move the record back.
func (w *Workspace) RecordExport(s *model.Submission) error {
	return w.update(func(tx *bbolt.Tx) error {
		meta := metaBucket.of(tx)
		last, err := lastExport(meta)
		if err != nil {
			return err
		}
		if err := putJSON(exportsBucket.of(tx), u64Key(uint64(s.Revision)), submissionToRec(s, now(), "", "")); err != nil {
			return err
		}
		if s.Revision <= last.Revision {
			return nil
		}
		head := s.Head()
		return putJSON(meta, keyLastExport, exportRec{Revision: s.Revision, BundleID: s.BundleID, Created: s.Created,
			Head: headRec{Seq: head.Seq, Hash: head.Hash}})
	})
}

// lastExport reads the record of the last completed export; the zero
// record when there was none.
func lastExport(meta *bbolt.Bucket) (exportRec, error) {
	var rec exportRec
	if meta.Get(keyLastExport) == nil {
		return rec, nil
	}
	if err := getJSON(meta, keyLastExport, &rec); err != nil {
		return rec, model.Wrapf(err, ErrDamaged, "err.store.detail_last_export")
	}
	return rec, nil
}
