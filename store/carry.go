package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// CreateFrom starts a new year: it creates newPath as Create does and
// carries over from the workspace at oldPath its answers, each marked to be
// re-confirmed (model.Answer.Reconfirm), its evidence links with their
// details, and its officials.
//
// A coordinator's new year from last year's coordinator workspace carries
// instead the registry of OPDs (without their keys: every workspace, and so
// every year, has its own), the timeline moved by the years between them,
// the earlier years' results with last year's own index added when it
// covered every indicator and the trend lacks that year, and the
// officials. Its answers are this year's to consolidate and are not
// carried, and it may change the instrument. The bytes of each evidence file are copied
// into the new file once, however many links it has, checked against their
// SHA-256 on the way; progress counts those bytes. The instrument must be
// the same as last year's (ErrInstrumentChanged); a nil opts.Pack takes last
// year's. The old file is opened as Open opens it (an older schema is
// migrated first) and otherwise only read. Nothing appears at newPath
// unless everything was carried over; a cancelled ctx leaves nothing
// behind.
func CreateFrom(ctx context.Context, oldPath, newPath string, opts CreateOptions, progress func(done, total int64)) (*Workspace, error) {
	by, err := author(opts.By)
	if err != nil {
		return nil, err
	}
	if err := refuseExisting(newPath); err != nil {
		return nil, err
	}
	old, err := Open(oldPath)
	if err != nil {
		return nil, err
	}
	defer old.Close()
	if opts.Pack == nil {
		opts.Pack = old.Pack()
	}
	coordinator := opts.Role == model.RoleCoordinator && old.Identity().Role == model.RoleCoordinator
	if opts.Pack.ID != old.Pack().ID && !coordinator {
		return nil, fmt.Errorf("%w: %s → %s", ErrInstrumentChanged, old.Pack().ID, opts.Pack.ID)
	}
	a, err := old.Assessment()
	if err != nil {
		return nil, err
	}
	if coordinator {
		return create(newPath, opts, func(w *Workspace) error { return w.carryCoordinator(old, a, by) })
	}
	return create(newPath, opts, func(w *Workspace) error {
		return w.carry(ctx, old, a, by, progress)
	})
}

// carry copies a into the new workspace w: first the evidence bytes, in
// bounded transactions, then everything else in one transaction.
func (w *Workspace) carry(ctx context.Context, old *Workspace, a *model.Assessment, by string, progress func(done, total int64)) error {
	type blob struct {
		rec   blobRec
		links int
	}
	blobs := map[string]*blob{}
	var order []string
	var total int64
	var links []model.Evidence
	for _, e := range a.Evidence {
		if w.pack.Indicator(e.Indicator) == nil {
			continue
		}
		links = append(links, e)
		if b := blobs[e.SHA256]; b != nil {
			b.links++
			continue
		}
		blobs[e.SHA256] = &blob{rec: blobRec{Size: e.Size}, links: 1}
		order = append(order, e.SHA256)
		total += e.Size
	}
	var done int64
	for _, sha := range order {
		b := blobs[sha]
		if err := w.copyBlob(ctx, old, sha, &b.rec, func(n int64) {
			if progress != nil {
				progress(done+n, total)
			}
		}); err != nil {
			return err
		}
		done += b.rec.Size
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return w.update(func(tx *bbolt.Tx) error {
		at := now()
		var changes []model.Change
		for _, no := range slices.Sorted(maps.Keys(a.Answers)) {
			ans := a.Answers[no]
			if w.pack.Indicator(no) == nil || w.pack.CheckValue(no, ans.Value) != nil {
				continue
			}
			rec := answerRec{Value: int64(ans.Value), Fakta: ans.Fakta, Analisis: ans.Analisis, Sector: ans.Sector, By: by, At: at, Reconfirm: true, External: externalToRec(ans.External)}
			if err := putAnswer(tx, no, rec); err != nil {
				return err
			}
			add := func(field, v string) {
				if v != "" {
					changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: field, New: v})
				}
			}
			add(model.FieldLevel, levelText(ans.Value))
			add(model.FieldFakta, ans.Fakta)
			add(model.FieldAnalisis, ans.Analisis)
			add(model.FieldSector, ans.Sector)
			add(model.FieldReconfirmed, "perlu dikonfirmasi (dibawa dari "+strconv.Itoa(a.Identity.Year)+")")
		}
		for _, e := range links {
			sum, _ := parseSum(e.SHA256)
			meta := EvidenceMeta{Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate, ValidUntil: e.ValidUntil, Level: e.Level}
			if err := putJSON(linksBucket.of(tx), linkKey(e.Indicator, sum), linkToRec(e.Name, meta, e.By, e.At)); err != nil {
				return err
			}
			changes = append(changes, model.Change{At: at, By: by, Indicator: e.Indicator, Field: model.FieldEvidenceAdded, New: linkName(e)})
		}
		for sha, b := range blobs {
			sum, _ := parseSum(sha)
			b.rec.Links = b.links
			if err := putJSON(blobsBucket.of(tx), sum[:], b.rec); err != nil {
				return err
			}
		}
		if a.Officials != (model.Officials{}) {
			if err := putJSON(metaBucket.of(tx), keyOfficials, officialsToRec(a.Officials)); err != nil {
				return err
			}
		}
		return appendChanges(tx, changes)
	})
}

// copyBlob streams one blob from old into a new extent of w, in bounded
// transactions, and fills in rec's extent and chunk count. The reader
// checks the bytes against their SHA-256; so does this copy.
func (w *Workspace) copyBlob(ctx context.Context, old *Workspace, sha string, rec *blobRec, progress func(n int64)) error {
	rd, err := old.OpenEvidence(sha)
	if err != nil {
		return err
	}
	defer rd.Close()
	up := upload{w: w, r: rd, source: sha, h: sha256.New(), bufs: make([][]byte, w.chunksPerTx)}
	err = w.update(func(tx *bbolt.Tx) (err error) {
		rec.Extent, err = pendingBucket.of(tx).NextSequence()
		return err
	})
	for eof := false; err == nil && !eof; {
		if err = ctx.Err(); err != nil {
			break
		}
		var batch [][]byte
		if batch, eof, err = up.read(); err != nil {
			break
		}
		err = w.update(func(tx *bbolt.Tx) error { return putChunks(tx, rec.Extent, rec.Chunks, batch) })
		w.release()
		rec.Chunks += uint32(len(batch))
		progress(up.n)
	}
	if err != nil {
		return model.Within(err, "err.store.evidence_sha", "SHA", model.ShortSHA(sha))
	}
	if got := up.sum(); hex.EncodeToString(got[:]) != sha || up.n != rec.Size {
		return model.Within(ErrEvidenceCorrupt, "err.store.evidence_sha", "SHA", model.ShortSHA(sha))
	}
	return nil
}

// carryCoordinator carries last year's coordinator workspace old, whose
// assessment is a, into the new coordinator workspace w (see CreateFrom).
func (w *Workspace) carryCoordinator(old *Workspace, a *model.Assessment, by string) error {
	var regs []registryRec
	var tl model.Timeline
	var results []model.YearResult
	err := old.view(func(tx *bbolt.Tx) (err error) {
		if err = forRegistry(tx, func(r registryRec) error {
			regs = append(regs, r)
			return nil
		}); err != nil {
			return err
		}
		if tl, err = old.timeline(tx); err != nil {
			return err
		}
		results, err = trend(metaBucket.of(tx))
		return err
	})
	if err != nil {
		return err
	}
	score, err := a.Score()
	if err != nil {
		return err
	}
	if r, ok := model.ResultOf(a.Identity.Year, score); ok && !slices.ContainsFunc(results, func(y model.YearResult) bool { return y.Year == r.Year }) {
		results = model.MergeTrend(results, []model.YearResult{r})
	}
	if old.Pack().ID != w.pack.ID {
		// Domain indices of another instrument are not this one's.
		for i := range results {
			results[i].Domains = nil
		}
	}
	if err := model.CheckTrend(results, w.pack); err != nil {
		return err
	}
	return w.update(func(tx *bbolt.Tx) error {
		at := now()
		var changes []model.Change
		for _, r := range regs {
			r.Key = nil
			if err := putJSON(registryBucket.of(tx), []byte(r.Code), r); err != nil {
				return err
			}
			changes = append(changes, model.Change{At: at, By: by, Field: model.FieldOPD, New: registryText(r)})
		}
		c, err := w.putTimeline(tx, by, tl.Shift(w.ident.Year-a.Identity.Year))
		if err != nil {
			return err
		}
		changes = append(changes, c...)
		if c, err = putTrend(tx, by, results); err != nil {
			return err
		}
		changes = append(changes, c...)
		if a.Officials != (model.Officials{}) {
			if err := putJSON(metaBucket.of(tx), keyOfficials, officialsToRec(a.Officials)); err != nil {
				return err
			}
		}
		return appendChanges(tx, changes)
	})
}
