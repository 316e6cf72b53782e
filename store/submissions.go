package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"maps"
	"slices"
	"strconv"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// ErrBadSubmission reports a submission whose contents the workspace cannot
// keep: an indicator the instrument lacks, a level out of range, a broken
// history chain. A bundle that verified never carries one.
var ErrBadSubmission = model.NewCode("err.store.bad_submission")

// ImportOptions are the inputs of Import besides the submission.
type ImportOptions struct {
	// By names who imports, for the record.
	By string
	// AcceptNewKey accepts a submission signed by another key than the one
	// pinned for its OPD, and pins the new key. Set it only after the
	// OPD has confirmed the new key's fingerprint.
	AcceptNewKey bool
	// Open opens the bytes of the evidence file or report PDF with the
	// given SHA-256 (hex). Import opens only the files the workspace does
	// not hold yet, each once, and checks the bytes against their SHA-256
	// and size.
	Open func(sha string) (io.ReadCloser, error)
	// Progress, when not nil, is called with the bytes stored so far and
	// the total to store.
	Progress func(done, total int64)
}

// ImportResult says what an import found and did.
type ImportResult struct {
	Unit     string
	Revision int
	// NewOPD: the first submission of this OPD; its key is pinned now.
	NewOPD bool
	// KeyRegistered: the first submission of an OPD whose key the
	// registry holds from before (PutOPD), signed by that key.
	KeyRegistered bool
	// KeyReplaced: signed by another key than the pinned one (or than the
	// one registered in advance), accepted with ImportOptions.AcceptNewKey;
	// the new key is pinned now.
	KeyReplaced bool
	// Key is the key the submission is signed with.
	Key model.PublicKey
	// Previous is the revision imported before from this OPD (0: none).
	Previous   int
	Continuity model.Continuity
	// Files counts the distinct files (evidence and report) of the
	// submission, Stored those copied into the workspace now and
	// StoredBytes their size; the others were held already.
	Files, Stored int
	StoredBytes   int64
}

// CheckImport tells, without changing anything, whether s could be
// imported: it returns the same errors Import returns for the submission,
// and what Import would find but for the files and the continuity of the
// history. s may be the header of a bundle, without its contents, so that a
// refused bundle costs nothing more; a window uses it to show the
// fingerprint of a key about to be pinned (ImportResult.NewOPD).
func (w *Workspace) CheckImport(s *model.Submission, acceptNewKey bool) (ImportResult, error) {
	if _, err := w.checkSubmission(s); err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err := w.view(func(tx *bbolt.Tx) (err error) {
		res, _, _, err = w.admit(tx, s, acceptNewKey)
		return err
	})
	return res, err
}

// Import keeps the submission s, verified by its bundle's reader, in the
// coordinator's workspace: its answers, evidence links, history and signed
// manifest, and the bytes of every evidence file and of the report it
// carries. Bytes are stored once per SHA-256 and shared with everything else
// in the workspace, so a file the workspace holds already (from an earlier
// revision, another OPD or the coordinator's own links) is not copied again.
//
// The first submission of an OPD pins the key it is signed with; when the
// registry holds a key for the OPD from before (PutOPD), it must be that
// one. Import refuses a submission for another instansi, year or instrument
// (*model.SenderMismatchError), one signed by another key than its OPD's
// pinned key unless opts.AcceptNewKey (*model.KeyChangedError), and one
// whose revision is not newer than the last one imported from its OPD
// (*model.ReplayError). These are checked before anything is written.
//
// The new bytes are written in bounded transactions into the pending area
// and the submission is made visible by one final transaction: everything
// or nothing. A cancelled ctx, a failing reader or a full disk leave the
// workspace as it was (pending bytes are removed at once, or by the next
// Open after a crash).
func (w *Workspace) Import(ctx context.Context, s *model.Submission, opts ImportOptions) (ImportResult, error) {
	by, err := author(opts.By)
	if err != nil {
		return ImportResult{}, err
	}
	files, err := w.checkSubmission(s)
	if err != nil {
		return ImportResult{}, err
	}
	var missing []string
	var total int64
	err = w.view(func(tx *bbolt.Tx) error {
		if _, _, _, err := w.admit(tx, s, opts.AcceptNewKey); err != nil {
			return err
		}
		for _, sha := range slices.Sorted(maps.Keys(files)) {
			sum, _ := parseSum(sha)
			if blobsBucket.of(tx).Get(sum[:]) == nil {
				missing = append(missing, sha)
				total += files[sha]
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	if err := w.checkSpace(total); err != nil {
		return ImportResult{}, err
	}
	st := &stager{w: w, progress: opts.Progress, total: total}
	defer st.abandon()
	if err := st.register(missing); err != nil {
		return ImportResult{}, err
	}
	for _, sha := range missing {
		if err := st.stage(ctx, sha, files[sha], opts.Open); err != nil {
			return ImportResult{}, err
		}
	}
	if err := st.finish(); err != nil {
		return ImportResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = w.update(func(tx *bbolt.Tx) error {
		var opd opdRec
		var exists bool
		var err error
		if res, opd, exists, err = w.admit(tx, s, opts.AcceptNewKey); err != nil {
			return err
		}
		res.Continuity = continuity(model.ChainHead{Seq: opd.Head.Seq, Hash: opd.Head.Hash}, exists, s)
		res.Files = len(files)
		for _, sha := range slices.Sorted(maps.Keys(files)) {
			stored, err := st.commitBlob(tx, sha, files[sha])
			if err != nil {
				return err
			}
			if stored {
				res.Stored++
				res.StoredBytes += files[sha]
			}
		}
		at := now()
		if !exists {
			if opd.No, err = opdsBucket.of(tx).NextSequence(); err != nil {
				return err
			}
			opd.Instansi, opd.Unit = s.Assessment.Identity.Instansi, s.Assessment.Identity.Unit
			opd.Key, opd.PinnedAt, opd.PinnedBy = publicKeyToRec(s.Key), at, by
		} else if res.KeyReplaced {
			opd.Former = append(opd.Former, formerKeyRec{Key: opd.Key, ReplacedAt: at, ReplacedBy: by})
			opd.Key, opd.PinnedAt, opd.PinnedBy = publicKeyToRec(s.Key), at, by
		}
		head := s.Head()
		opd.Latest, opd.Head = s.Revision, headRec{Seq: head.Seq, Hash: head.Hash}
		opd.Created, opd.Answered, opd.Evidenced = s.Created.UTC(), answeredOf(s.Assessment), evidencedOf(s.Assessment)
		if err := putJSON(opdsBucket.of(tx), opdKey(opd.Unit), opd); err != nil {
			return err
		}
		return putJSON(submissionsBucket.of(tx), submissionKey(opd.No, s.Revision), submissionToRec(s, at, by, res.Continuity))
	})
	if err != nil {
		return ImportResult{}, err
	}
	st.committed()
	return res, nil
}

// Holds reports, for each SHA-256 (hex) of shas, whether the workspace
// stores the file's bytes: an import copies only the others. A bundle
// reader uses it to check the members the workspace holds already, while
// Import checks the others as it stores them.
func (w *Workspace) Holds(shas []string) (map[string]bool, error) {
	out := make(map[string]bool, len(shas))
	err := w.view(func(tx *bbolt.Tx) error {
		b := blobsBucket.of(tx)
		for _, sha := range shas {
			sum, ok := parseSum(sha)
			out[sha] = ok && b.Get(sum[:]) != nil
		}
		return nil
	})
	return out, err
}

// answeredOf returns the indicators a answers, in order.
func answeredOf(a *model.Assessment) []int {
	var out []int
	for no, ans := range a.Answers {
		if ans.Value != model.Unanswered {
			out = append(out, no)
		}
	}
	slices.Sort(out)
	return out
}

// evidencedOf returns the indicators a links evidence to, in order.
func evidencedOf(a *model.Assessment) []int {
	var out []int
	for _, e := range a.Evidence {
		if !slices.Contains(out, e.Indicator) {
			out = append(out, e.Indicator)
		}
	}
	slices.Sort(out)
	return out
}

// admit applies the import rules to s against the workspace in tx and
// returns what an import would find, with the OPD's record and whether it
// exists.
func (w *Workspace) admit(tx *bbolt.Tx, s *model.Submission, acceptNewKey bool) (res ImportResult, opd opdRec, exists bool, err error) {
	id := s.Assessment.Identity
	switch {
	case w.ident.Role != model.RoleCoordinator:
		return res, opd, false, model.ErrNotCoordinator
	case !sameName(id.Instansi, w.ident.Instansi):
		return res, opd, false, &model.SenderMismatchError{What: model.MismatchInstansi, Want: w.ident.Instansi, Got: id.Instansi}
	case id.Year != w.ident.Year:
		return res, opd, false, &model.SenderMismatchError{What: model.MismatchYear, Want: strconv.Itoa(w.ident.Year), Got: strconv.Itoa(id.Year)}
	case id.InstrumentHash != w.ident.InstrumentHash:
		return res, opd, false, &model.SenderMismatchError{What: model.MismatchInstrument,
			Want: instrumentText(w.ident.InstrumentID, w.ident.InstrumentHash), Got: instrumentText(id.InstrumentID, id.InstrumentHash)}
	}
	res = ImportResult{Unit: id.Unit, Revision: s.Revision, Key: s.Key}
	opd, exists, err = submitter(tx, id.Unit)
	if err != nil {
		return res, opd, exists, err
	}
	if !exists {
		res.NewOPD = true
		reg, found, err := registryByName(tx, id.Unit)
		if err != nil || !found || reg.Key == nil {
			return res, opd, false, err
		}
		registered, err := reg.Key.model()
		switch {
		case err != nil:
			return res, opd, false, err
		case registered.Equal(s.Key):
			res.KeyRegistered = true
		case !acceptNewKey:
			return res, opd, false, &model.KeyChangedError{Unit: id.Unit, Pinned: registered, Got: s.Key}
		default:
			res.KeyReplaced = true
		}
		return res, opd, false, nil
	}
	pinned, err := opd.Key.model()
	if err != nil {
		return res, opd, true, err
	}
	if !pinned.Equal(s.Key) {
		if !acceptNewKey {
			return res, opd, true, &model.KeyChangedError{Unit: opd.Unit, Pinned: pinned, Got: s.Key}
		}
		res.KeyReplaced = true
	}
	if s.Revision <= opd.Latest {
		e := &model.ReplayError{Unit: opd.Unit, Have: opd.Latest, Got: s.Revision}
		if v := submissionsBucket.of(tx).Get(submissionKey(opd.No, s.Revision)); v != nil {
			var held struct {
				BundleID string `json:"bundle_id"`
			}
			e.Same = json.Unmarshal(v, &held) == nil && held.BundleID == s.BundleID
		}
		return res, opd, true, e
	}
	res.Previous = opd.Latest
	return res, opd, true, nil
}

// sameName compares two names of an instansi or OPD the way people mean
// them: regardless of capitals and spacing.
func sameName(a, b string) bool { return bytes.Equal(opdKey(a), opdKey(b)) }

func instrumentText(id, hash string) string {
	if len(hash) > 12 {
		hash = hash[:12]
	}
	return id + " (sha256 " + hash + ")"
}

// continuity says how s's history joins prev, the head of the history the
// coordinator holds from the OPD (known says whether it holds any).
func continuity(prev model.ChainHead, known bool, s *model.Submission) model.Continuity {
	since := s.Since
	switch {
	case !known && since.Seq == 0, known && since == prev:
		return model.ContinuityComplete
	case !known, since.Seq > prev.Seq:
		return model.ContinuityGap
	case since.Seq == prev.Seq:
		return model.ContinuityDiverged
	}
	// The submission starts before the head the coordinator holds: it
	// must pass through that head.
	for _, c := range s.History {
		if c.Seq == prev.Seq {
			if c.Hash == prev.Hash {
				return model.ContinuityComplete
			}
			break
		}
	}
	return model.ContinuityDiverged
}

// checkSubmission checks that s holds what the workspace can keep and
// returns the size of each distinct file (evidence and report) by SHA-256.
// In this order: a submission at all, with a bundle id and a key; the name
// of its OPD and instansi (model.ErrNoUnit); its contents against the
// workspace's instrument (model.ValidateSubmission, whose doc gives the
// order of its checks); then the workspace's own limits on its texts,
// evidence details and file names. The registry, the pinned key and replays
// are admit's.
func (w *Workspace) checkSubmission(s *model.Submission) (map[string]int64, error) {
	bad := func(format string, a ...any) (map[string]int64, error) {
		return nil, fmt.Errorf("%w: %s", ErrBadSubmission, fmt.Sprintf(format, a...))
	}
	switch {
	case s == nil || s.Assessment == nil:
		return bad("kosong / empty")
	case s.BundleID == "" || len(s.Key.Key) != 32:
		return bad("tanpa ID bundel atau kunci / no bundle id or key")
	}
	id := s.Assessment.Identity
	if id.Unit == "" || checkText("unit", id.Unit) != nil || checkText("instansi", id.Instansi) != nil {
		return nil, model.ErrNoUnit
	}
	files, err := model.ValidateSubmission(w.pack, s)
	if err != nil {
		return bad("%v", err)
	}
	if err := checkSubmittedTexts(s.Assessment); err != nil {
		return bad("%v", err)
	}
	return files, nil
}

// checkSubmittedTexts checks the texts of a's answers and the details and
// names of its evidence links against what the workspace keeps of its own
// (checkText, EvidenceMeta).
func checkSubmittedTexts(a *model.Assessment) error {
	for _, no := range slices.Sorted(maps.Keys(a.Answers)) {
		ans := a.Answers[no]
		for _, t := range []string{ans.Fakta, ans.Analisis, ans.Sector, ans.By} {
			if err := checkText(fmt.Sprintf("indikator %d", no), t); err != nil {
				return err
			}
		}
	}
	for _, e := range a.Evidence {
		meta := EvidenceMeta{Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate, ValidUntil: e.ValidUntil, Level: e.Level}
		if err := meta.check(); err != nil {
			return err
		}
		if cleanName(e.Name) != e.Name || e.Name == "" || checkText("nama berkas / file name", e.Name) != nil || checkText("oleh / by", e.By) != nil {
			return model.Detailf("err.store.bad_file_name", "Name", strconv.Quote(e.Name))
		}
	}
	return nil
}

// stager writes the bytes of new files into pending extents, several files
// and half of chunksPerTx chunks per transaction, so that many small files
// do not each cost a transaction and a big one never makes a big one. A
// full batch is committed in the background while the next is read and
// hashed: reading and hashing overlap with the disk's sync. At most one
// commit is in flight, so the two batches together hold what one batch of
// chunksPerTx chunks would.
type stager struct {
	w        *Workspace
	progress func(done, total int64)
	total    int64
	done     int64
	// extents holds the pending extent of each file and, once written,
	// its chunk count.
	extents map[string]*stagedFile
	// batch holds the queued chunks, in the buffers bufs; spareBatch and
	// spareBufs are the ones of the commit in flight.
	batch, spareBatch []stagedChunk
	bufs, spareBufs   [][]byte
	// inflight receives the result of the commit in flight; nil when none.
	inflight chan error
	kept     bool
}

type stagedFile struct {
	extent uint64
	chunks uint32
	// used: the final transaction took the extent as the file's blob.
	used bool
}

type stagedChunk struct {
	extent uint64
	index  uint32
	data   []byte
}

// register makes a pending extent for each file, in one transaction.
func (st *stager) register(shas []string) error {
	st.extents = map[string]*stagedFile{}
	if len(shas) == 0 {
		return nil
	}
	return st.w.update(func(tx *bbolt.Tx) error {
		p := pendingBucket.of(tx)
		for _, sha := range shas {
			ext, err := p.NextSequence()
			if err != nil {
				return err
			}
			if err := putJSON(p, u64Key(ext), pendingRec{Started: now(), Reason: "import", Name: sha}); err != nil {
				return err
			}
			st.extents[sha] = &stagedFile{extent: ext}
		}
		return nil
	})
}

// stage reads the file sha of the given size from open and queues its
// chunks, writing a batch whenever it is full.
func (st *stager) stage(ctx context.Context, sha string, size int64, open func(string) (io.ReadCloser, error)) error {
	f := st.extents[sha]
	rc, err := open(sha)
	if err != nil {
		return model.Within(err, "err.store.evidence_sha", "SHA", model.ShortSHA(sha))
	}
	defer rc.Close()
	h := sha256.New()
	// One byte more than the size, to tell a longer file.
	r := io.LimitReader(rc, size+1)
	var n int64
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		if len(st.batch) == st.batchSize() {
			if err := st.flush(); err != nil {
				return err
			}
		}
		buf := st.buffer()
		m, err := io.ReadFull(r, buf)
		if m > 0 {
			h.Write(buf[:m])
			n += int64(m)
			st.batch = append(st.batch, stagedChunk{extent: f.extent, index: f.chunks, data: buf[:m]})
			f.chunks++
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return model.Within(err, "err.store.evidence_sha", "SHA", model.ShortSHA(sha))
		}
	}
	if n != size || !sumIs(h, sha) {
		return model.Within(ErrEvidenceCorrupt, "err.store.evidence_sha", "SHA", model.ShortSHA(sha))
	}
	if st.progress != nil {
		st.done += size
		st.progress(st.done, st.total)
	}
	return nil
}

func sumIs(h hash.Hash, sha string) bool { return hex.EncodeToString(h.Sum(nil)) == sha }

// buffer returns a free chunk buffer: the one after the queued chunks.
// bbolt keeps a value only until its transaction ends, so a buffer is
// reused only once the commit of its chunks is done.
func (st *stager) buffer() []byte {
	if st.bufs == nil {
		st.bufs = make([][]byte, st.batchSize())
	}
	i := len(st.batch)
	if st.bufs[i] == nil {
		st.bufs[i] = make([]byte, st.w.chunkSize)
	}
	return st.bufs[i]
}

// batchSize is the number of chunks of one batch.
func (st *stager) batchSize() int { return max(1, st.w.chunksPerTx/2) }

// flush starts the commit of the queued chunks in the background, after
// the commit before it is done, and swaps in the other buffers. It returns
// the error of the commit before.
func (st *stager) flush() error {
	if err := st.wait(); err != nil {
		return err
	}
	if len(st.batch) == 0 {
		return nil
	}
	batch, done := st.batch, make(chan error, 1)
	st.inflight = done
	go func() {
		err := st.w.update(func(tx *bbolt.Tx) error {
			c := chunksBucket.of(tx)
			for _, ch := range batch {
				if err := c.Put(chunkKey(ch.extent, ch.index), ch.data); err != nil {
					return err
				}
			}
			return nil
		})
		st.w.release()
		done <- err
	}()
	st.batch, st.spareBatch = st.spareBatch[:0], batch
	st.bufs, st.spareBufs = st.spareBufs, st.bufs
	return nil
}

// wait waits for the commit in flight and returns its error.
func (st *stager) wait() error {
	if st.inflight == nil {
		return nil
	}
	err := <-st.inflight
	st.inflight = nil
	return err
}

// finish commits the queued chunks and waits until every chunk is written.
func (st *stager) finish() error {
	if err := st.flush(); err != nil {
		return err
	}
	return st.wait()
}

// commitBlob makes file sha a reference of a submission in tx: one more
// reference to the blob when the workspace holds it, else the staged
// extent becomes its blob. It reports whether the bytes were stored now.
func (st *stager) commitBlob(tx *bbolt.Tx, sha string, size int64) (stored bool, err error) {
	sum, _ := parseSum(sha)
	var blob blobRec
	found, err := getBlob(tx, sum, &blob)
	if err != nil {
		return false, err
	}
	if found {
		blob.Links++
		return false, putJSON(blobsBucket.of(tx), sum[:], blob)
	}
	f := st.extents[sha]
	if f == nil {
		// Held when the import began, removed since.
		return false, fmt.Errorf("%w; %s", model.Within(ErrNoSuchEvidence, "err.store.evidence_sha", "SHA", model.ShortSHA(sha)), model.Bilingual("err.store.import_again", nil))
	}
	f.used = true
	if err := pendingBucket.of(tx).Delete(u64Key(f.extent)); err != nil {
		return false, err
	}
	return true, putJSON(blobsBucket.of(tx), sum[:], blobRec{Size: size, Extent: f.extent, Chunks: f.chunks, Links: 1})
}

// committed notes that the final transaction succeeded: only the extents it
// did not take are removed.
func (st *stager) committed() {
	st.kept = true
	st.abandon()
}

// abandon removes the pending extents: all of them when the import did not
// complete, the unused ones when it did, once the commit in flight is done.
// Best effort: what is left is removed by the next Open.
func (st *stager) abandon() {
	_ = st.wait()
	for sha, f := range st.extents {
		if !st.kept || !f.used {
			_ = st.w.purgeExtent(f.extent)
		}
		delete(st.extents, sha)
	}
}

// Submitters lists every OPD the coordinator's workspace has imported
// submissions from, ordered by unit name, each with its pinned key and its
// revisions. Registry lists the OPDs the coordinator expects.
func (w *Workspace) Submitters() ([]model.SubmittingOPD, error) {
	var out []model.SubmittingOPD
	err := w.view(func(tx *bbolt.Tx) error {
		return opdsBucket.of(tx).ForEach(func(k, v []byte) error {
			var rec opdRec
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("%w: OPD %q: %v", ErrDamaged, k, err)
			}
			o, err := rec.model()
			if err != nil {
				return err
			}
			c := submissionsBucket.of(tx).Cursor()
			prefix := u64Key(rec.No)
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				var s submissionRec
				if err := json.Unmarshal(v, &s); err != nil {
					return model.Wrapf(err, ErrDamaged, "err.store.detail_submission_key", "Key", hexOf(k))
				}
				o.Revisions = append(o.Revisions, s.info())
			}
			out = append(out, o)
			return nil
		})
	})
	return out, err
}

// Submission reads revision rev of the submissions of the OPD unit, or its
// latest when rev is 0, as the coordinator imported it; its evidence and
// report bytes read through OpenEvidence. It reports model.ErrNoSubmission
// for an OPD or a revision never imported.
func (w *Workspace) Submission(unit string, rev int) (*model.Submission, error) {
	var s *model.Submission
	err := w.view(func(tx *bbolt.Tx) error {
		v := opdsBucket.of(tx).Get(opdKey(unit))
		if v == nil {
			return fmt.Errorf("%q: %w", unit, model.ErrNoSubmission)
		}
		var opd opdRec
		if err := json.Unmarshal(v, &opd); err != nil {
			return fmt.Errorf("%w: OPD %q: %v", ErrDamaged, unit, err)
		}
		if rev == 0 {
			rev = opd.Latest
		}
		v = submissionsBucket.of(tx).Get(submissionKey(opd.No, rev))
		if v == nil {
			return model.Within(model.ErrNoSubmission, "err.store.unit_revision", "Unit", opd.Unit, "Revision", rev)
		}
		var rec submissionRec
		if err := json.Unmarshal(v, &rec); err != nil {
			return model.Wrapf(err, ErrDamaged, "err.store.detail_submission_of", "Unit", opd.Unit, "Revision", rev)
		}
		var err error
		s, err = rec.model(w.pack)
		return err
	})
	return s, err
}

func submissionToRec(s *model.Submission, at time.Time, by string, c model.Continuity) submissionRec {
	a := s.Assessment
	rec := submissionRec{BundleID: s.BundleID, Revision: s.Revision, Created: s.Created, AppVersion: s.AppVersion,
		Key: publicKeyToRec(s.Key), Identity: identityToRec(a.Identity), Officials: officialsToRec(a.Officials),
		TargetIndex: int64(a.TargetIndex), Answers: []submittedAnswer{}, Evidence: []submittedLink{},
		Report: s.Report, ReportSize: s.ReportSize, Since: headRec{Seq: s.Since.Seq, Hash: s.Since.Hash},
		History: []changeRec{}, Manifest: s.Manifest, Signature: string(s.Signature),
		Imported: at, ImportedBy: by, Continuity: string(c), AnswersReview: s.AnswersReview}
	for no, v := range a.Targets {
		if rec.Targets == nil {
			rec.Targets = map[int]int64{}
		}
		rec.Targets[no] = int64(v)
	}
	for _, no := range slices.Sorted(maps.Keys(a.Answers)) {
		rec.Answers = append(rec.Answers, submittedAnswer{Indicator: no, answerRec: answerToRec(a.Answers[no])})
	}
	for _, e := range a.Evidence {
		meta := EvidenceMeta{Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate, ValidUntil: e.ValidUntil, Level: e.Level}
		rec.Evidence = append(rec.Evidence, submittedLink{Indicator: e.Indicator, SHA256: e.SHA256, Size: e.Size, linkRec: linkToRec(e.Name, meta, e.By, e.At)})
	}
	for _, c := range s.History {
		rec.History = append(rec.History, changeToRec(c))
	}
	return rec
}

func answerToRec(a model.Answer) answerRec {
	return answerRec{Value: int64(a.Value), Fakta: a.Fakta, Analisis: a.Analisis, Sector: a.Sector, By: a.By, At: a.At,
		Reconfirm: a.Reconfirm, External: externalToRec(a.External)}
}

// files returns the distinct SHA-256s the submission holds a reference to.
func (r submissionRec) files() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range r.Evidence {
		if !seen[e.SHA256] {
			seen[e.SHA256] = true
			out = append(out, e.SHA256)
		}
	}
	if r.Report != "" && !seen[r.Report] {
		out = append(out, r.Report)
	}
	return out
}

func (r submissionRec) info() model.SubmissionInfo {
	info := model.SubmissionInfo{Revision: r.Revision, BundleID: r.BundleID, Created: r.Created, Imported: r.Imported,
		ImportedBy: r.ImportedBy, Links: len(r.Evidence), Continuity: model.Continuity(r.Continuity), AnswersReview: r.AnswersReview}
	if k, err := r.Key.model(); err == nil {
		info.Fingerprint = k.Fingerprint()
	}
	for _, a := range r.Answers {
		if a.Value != 0 {
			info.Answers++
		}
	}
	sizes := map[string]int64{}
	for _, e := range r.Evidence {
		sizes[e.SHA256] = e.Size
	}
	info.Files = len(sizes)
	for _, n := range sizes {
		info.Bytes += n
	}
	return info
}

func (r submissionRec) model(p *model.Pack) (*model.Submission, error) {
	key, err := r.Key.model()
	if err != nil {
		return nil, err
	}
	id := r.Identity.model()
	a := &model.Assessment{Identity: id, Pack: p, Officials: r.Officials.model(), Answers: map[int]model.Answer{},
		TargetIndex: model.Hundredths(r.TargetIndex), Revision: r.Revision, KeyFingerprint: key.Fingerprint()}
	for no, v := range r.Targets {
		if a.Targets == nil {
			a.Targets = map[int]model.Hundredths{}
		}
		a.Targets[no] = model.Hundredths(v)
	}
	for _, ans := range r.Answers {
		a.Answers[ans.Indicator] = ans.answerRec.model(ans.Indicator)
	}
	for _, e := range r.Evidence {
		sum, ok := parseSum(e.SHA256)
		if !ok {
			return nil, model.Errorf(ErrDamaged, "err.store.detail_submission_sha", "Unit", id.Unit, "Revision", r.Revision, "SHA", strconv.Quote(e.SHA256))
		}
		a.Evidence = append(a.Evidence, e.linkRec.model(e.Indicator, sum, e.Size))
	}
	model.SortEvidence(a.Evidence)
	s := &model.Submission{BundleID: r.BundleID, Revision: r.Revision, Created: r.Created, AppVersion: r.AppVersion, Key: key,
		Assessment: a, Since: model.ChainHead{Seq: r.Since.Seq, Hash: r.Since.Hash}, Report: r.Report, ReportSize: r.ReportSize,
		Manifest: r.Manifest, Signature: []byte(r.Signature), Imported: r.Imported, ImportedBy: r.ImportedBy,
		Continuity: model.Continuity(r.Continuity), AnswersReview: r.AnswersReview}
	for _, c := range r.History {
		s.History = append(s.History, c.model())
	}
	return s, nil
}

func (r opdRec) model() (model.SubmittingOPD, error) {
	key, err := r.Key.model()
	if err != nil {
		return model.SubmittingOPD{}, err
	}
	o := model.SubmittingOPD{Instansi: r.Instansi, Unit: r.Unit, Key: key, PinnedAt: r.PinnedAt, PinnedBy: r.PinnedBy}
	for _, f := range r.Former {
		k, err := f.Key.model()
		if err != nil {
			return model.SubmittingOPD{}, err
		}
		o.FormerKeys = append(o.FormerKeys, model.FormerKey{Key: k, ReplacedAt: f.ReplacedAt, ReplacedBy: f.ReplacedBy})
	}
	return o, nil
}

// submissionRefs counts, for each blob, the imported submissions that hold
// a reference to it, for Check.
func submissionRefs(tx *bbolt.Tx, r *CheckReport) map[[32]byte]int {
	refs := map[[32]byte]int{}
	_ = submissionsBucket.of(tx).ForEach(func(k, v []byte) error {
		r.Submissions++
		var rec submissionRec
		if len(k) != 16 || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemSubmission, fmt.Sprintf("kiriman / submission %x", k), "tidak terbaca / unreadable")
			return nil
		}
		for _, sha := range rec.files() {
			sum, ok := parseSum(sha)
			if !ok {
				r.add(ProblemSubmission, fmt.Sprintf("kiriman / submission %s %d", rec.Identity.Unit, rec.Revision), "SHA-256 %q tidak sah / invalid", sha)
				continue
			}
			refs[sum]++
		}
		return nil
	})
	return refs
}
