package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// opdWithWork returns an OPD workspace, cutting files into small chunks,
// with answers, penjelasan and evidence: a 30 kB file linked to
// indicators 1 and 11, a 5 kB file on 11.
func opdWithWork(t testing.TB) *Workspace {
	t.Helper()
	w := small(newTestWorkspace(t))
	for no, fakta := range map[int]string{1: "Perwal 12/2022 (perwal.pdf)", 11: "Dokumen arsitektur (arsitektur.pdf)", 45: "Layanan perizinan"} {
		u := AnswerUpdate{Value: ptr(model.Hundredths(300)), Fakta: ptr(fakta), Analisis: ptr("Tingkat 3 terpenuhi.")}
		if no == 45 {
			u.Sector = ptr("Perizinan")
		}
		if _, err := w.UpdateAnswer("Rina", no, u); err != nil {
			t.Fatal(err)
		}
	}
	attach(t, w, 1, "perwal.pdf", randomBytes(1, 30000))
	attach(t, w, 11, "perwal.pdf", randomBytes(1, 30000))
	attach(t, w, 11, "arsitektur.pdf", randomBytes(2, 5000))
	return w
}

func attach(t testing.TB, w *Workspace, no int, name string, data []byte) model.Evidence {
	t.Helper()
	ev, _, err := w.AttachReader(t.Context(), "Rina", no, name, bytes.NewReader(data), EvidenceMeta{Title: "Dokumen " + name, Level: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// newCoordinator returns a coordinator workspace for the test OPD's
// instansi, year and instrument, as change leaves them.
func newCoordinator(t testing.TB, change func(*CreateOptions)) *Workspace {
	t.Helper()
	opts := testOptions(t)
	opts.Role, opts.Unit, opts.By = model.RoleCoordinator, "Tim Asesor Internal", "Sari"
	if change != nil {
		change(&opts)
	}
	w, err := Create(filepath.Join(t.TempDir(), "koordinator.swanilai"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// exported takes an export of w as a bundle would carry it and records it.
func exported(t testing.TB, w *Workspace) *model.Submission {
	t.Helper()
	s, err := w.BeginExport()
	if err != nil {
		t.Fatal(err)
	}
	s.BundleID, s.Created, s.AppVersion = uuid.NewString(), now(), "test"
	if err := w.RecordExport(s); err != nil {
		t.Fatal(err)
	}
	return s
}

func importFrom(t testing.TB, c, opd *Workspace, s *model.Submission, accept bool) (ImportResult, error) {
	t.Helper()
	return c.Import(t.Context(), s, ImportOptions{By: "Sari", AcceptNewKey: accept, Open: opd.OpenEvidence})
}

func TestSigningKey(t *testing.T) {
	w := newTestWorkspace(t)
	k, err := w.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Private) != 64 || k.Protected() || k.Created.IsZero() {
		t.Fatalf("key %+v", k)
	}
	a, _ := w.Assessment()
	if a.KeyFingerprint != k.Public.Fingerprint() || a.Revision != 0 {
		t.Fatalf("assessment fingerprint %q revision %d", a.KeyFingerprint, a.Revision)
	}
	sealed := model.SigningKey{Public: k.Public, Sealed: []byte("untrusted comment: minisign encrypted secret key\nRWRTY0Iy…")}
	if err := w.SetSigningKey(sealed); err != nil {
		t.Fatal(err)
	}
	w = reopen(t, w)
	got, err := w.SigningKey()
	if err != nil || !got.Protected() || got.Private != nil || !got.Public.Equal(k.Public) || !got.Created.Equal(k.Created) {
		t.Fatalf("after sealing: %+v, %v", got, err)
	}
	if err := w.SetSigningKey(k); err != nil {
		t.Fatal(err)
	}
	other, _ := newSigningKey()
	for name, bad := range map[string]model.SigningKey{
		"another key":     other,
		"another private": {Public: k.Public, Private: other.Private},
		"both forms":      {Public: k.Public, Private: k.Private, Sealed: []byte("x")},
		"neither form":    {Public: k.Public},
	} {
		if err := w.SetSigningKey(bad); err == nil {
			t.Errorf("%s: taken", name)
		}
	}
	if again, _ := w.SigningKey(); !bytes.Equal(again.Private, k.Private) {
		t.Fatal("a refused key changed the stored one")
	}
}

// TestSigningKeyOnFirstUse: a workspace made before keys existed gets one
// when it is first asked for, and keeps it.
func TestSigningKeyOnFirstUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2024.swanilai")
	f, _ := v1Fixture(t)
	writeV1(t, path, f)
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if a, _ := w.Assessment(); a.KeyFingerprint != "" {
		t.Fatalf("a migrated workspace has a key already: %s", a.KeyFingerprint)
	}
	if opds, err := w.Submitters(); err != nil || len(opds) != 0 {
		t.Fatalf("OPDs of a migrated workspace: %v, %v", opds, err)
	}
	k, err := w.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	w = reopen(t, w)
	if again, _ := w.SigningKey(); !again.Public.Equal(k.Public) {
		t.Fatal("the key changed")
	}
	mustCheck(t, w)
}

func TestExportDraft(t *testing.T) {
	w := opdWithWork(t)
	d, err := w.ExportDraft()
	if err != nil {
		t.Fatal(err)
	}
	h, _ := w.History(0)
	key, _ := w.SigningKey()
	if d.Revision != 1 || d.Since != (model.ChainHead{}) || len(d.History) != len(h) || !d.Key.Equal(key.Public) ||
		len(d.Assessment.Answers) != 3 || len(d.Assessment.Evidence) != 3 {
		t.Fatalf("draft %+v", d)
	}
	if again, _ := w.ExportDraft(); again.Revision != 1 {
		t.Fatalf("a draft took revision %d", again.Revision)
	}
	first, _ := w.BeginExport()
	second := exported(t, w)
	if first.Revision != 1 || second.Revision != 2 {
		t.Fatalf("revisions %d, %d", first.Revision, second.Revision)
	}
	// The export that never completed does not move the record back.
	if err := w.RecordExport(first); err != nil {
		t.Fatal(err)
	}
	if a, _ := w.Assessment(); a.Revision != 2 {
		t.Fatalf("last export %d", a.Revision)
	}
	if _, err := w.UpdateAnswer("Rina", 1, AnswerUpdate{Value: ptr(model.Hundredths(400))}); err != nil {
		t.Fatal(err)
	}
	next, _ := w.ExportDraft()
	if next.Revision != 3 || next.Since != second.Head() || len(next.History) != 1 || next.History[0].Field != model.FieldLevel {
		t.Fatalf("next draft: revision %d since %+v, %d entries", next.Revision, next.Since, len(next.History))
	}

	c := newCoordinator(t, nil)
	if _, err := c.ExportDraft(); !errors.Is(err, model.ErrNotOPD) {
		t.Fatalf("coordinator: %v", err)
	}
	opts := testOptions(t)
	opts.Unit = ""
	nameless, err := Create(filepath.Join(t.TempDir(), "x.swanilai"), opts)
	if err != nil {
		t.Fatal(err)
	}
	defer nameless.Close()
	if _, err := nameless.BeginExport(); !errors.Is(err, model.ErrNoUnit) {
		t.Fatalf("no unit: %v", err)
	}
}

func TestImport(t *testing.T) {
	opd := opdWithWork(t)
	c := small(newCoordinator(t, nil))
	first := exported(t, opd)
	if _, err := c.CheckImport(first, false); err != nil {
		t.Fatal(err)
	}
	res, err := importFrom(t, c, opd, first, false)
	if err != nil {
		t.Fatal(err)
	}
	if !res.NewOPD || res.KeyReplaced || res.Revision != 1 || res.Previous != 0 || res.Files != 2 || res.Stored != 2 ||
		res.StoredBytes != 35000 || res.Continuity != model.ContinuityComplete || res.Unit != "Dinas Komunikasi dan Informatika" {
		t.Fatalf("result %+v", res)
	}
	// The coordinator's copy is the OPD's, answer for answer, byte for byte.
	got, err := c.Submission("dinas  komunikasi dan INFORMATIKA", 0)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := opd.Assessment()
	a := got.Assessment
	if a.Identity != opd.Identity() || a.Revision != 1 || a.KeyFingerprint != want.KeyFingerprint || a.Pack != c.Pack() {
		t.Fatalf("identity %+v", a)
	}
	for no, w := range want.Answers {
		if g := a.Answers[no]; g != w {
			t.Errorf("answer %d\n got %+v\nwant %+v", no, g, w)
		}
	}
	if len(a.Answers) != len(want.Answers) || len(a.Evidence) != len(want.Evidence) {
		t.Fatalf("%d answers, %d links", len(a.Answers), len(a.Evidence))
	}
	for i, e := range want.Evidence {
		if a.Evidence[i] != e {
			t.Errorf("link %d\n got %+v\nwant %+v", i, a.Evidence[i], e)
		}
		if !bytes.Equal(readEvidence(t, c, e.SHA256), readEvidence(t, opd, e.SHA256)) {
			t.Errorf("%s: bytes differ", e.Name)
		}
	}
	if got.Since != first.Since || len(got.History) != len(first.History) || got.Head() != first.Head() ||
		got.ImportedBy != "Sari" || got.Continuity != model.ContinuityComplete {
		t.Fatalf("submission %+v", got)
	}
	if r := mustCheck(t, c); r.Submissions != 1 || r.Blobs != 2 {
		t.Fatalf("check %+v", r)
	}

	// Revision 2 shares the files already held and adds one.
	attach(t, opd, 12, "peta-rencana.pdf", randomBytes(3, 9000))
	second := exported(t, opd)
	res, err = importFrom(t, c, opd, second, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.NewOPD || res.Previous != 1 || res.Files != 3 || res.Stored != 1 || res.StoredBytes != 9000 || res.Continuity != model.ContinuityComplete {
		t.Fatalf("second %+v", res)
	}
	opds, err := c.Submitters()
	if err != nil || len(opds) != 1 {
		t.Fatalf("OPDs %v, %v", opds, err)
	}
	o := opds[0]
	if o.Latest() != 2 || len(o.Revisions) != 2 || !o.Key.Equal(first.Key) || o.PinnedBy != "Sari" ||
		o.Revisions[0].Files != 2 || o.Revisions[1].Files != 3 || o.Revisions[1].Bytes != 44000 || o.Revisions[1].Answers != 3 ||
		o.Revisions[1].Fingerprint != first.Key.Fingerprint() {
		t.Fatalf("OPD %+v", o)
	}
	if old, err := c.Submission(o.Unit, 1); err != nil || len(old.Assessment.Evidence) != 3 {
		t.Fatalf("revision 1: %v", err)
	}
	if _, err := c.Submission(o.Unit, 7); !errors.Is(err, model.ErrNoSubmission) {
		t.Fatalf("revision 7: %v", err)
	}
	if _, err := c.Submission("Dinas Lain", 0); !errors.Is(err, model.ErrNoSubmission) {
		t.Fatalf("another OPD: %v", err)
	}
	if r := mustCheck(t, c); r.Submissions != 2 || r.Blobs != 3 {
		t.Fatalf("check %+v", r)
	}

	// A file the coordinator links itself and then detaches stays, held by
	// the submissions.
	sha := want.Evidence[0].SHA256
	if _, _, err := c.AttachReader(t.Context(), "Sari", 1, "salinan.pdf", bytes.NewReader(readEvidence(t, opd, sha)), EvidenceMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Detach("Sari", 1, sha); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readEvidence(t, c, sha), readEvidence(t, opd, sha)) {
		t.Fatal("the coordinator's detach freed a submitted file")
	}
	mustCheck(t, c)
}

func TestImportRefused(t *testing.T) {
	opd := opdWithWork(t)
	c := newCoordinator(t, nil)
	first, second := exported(t, opd), exported(t, opd)
	if _, err := importFrom(t, c, opd, second, false); err != nil {
		t.Fatal(err)
	}
	other, _ := newSigningKey()
	resigned := func(s *model.Submission) *model.Submission {
		c := *s
		c.Key, c.Revision = other.Public, 3
		return &c
	}
	changed := func(change func(a *model.Assessment)) *model.Submission {
		s := *second
		a := *s.Assessment
		a.Answers = map[int]model.Answer{}
		for no, ans := range s.Assessment.Answers {
			a.Answers[no] = ans
		}
		change(&a)
		s.Assessment, s.Revision = &a, 3
		return &s
	}
	tests := []struct {
		name string
		c    *Workspace
		s    *model.Submission
		want error
		text string
	}{
		{name: "replay", s: first, want: model.ErrReplay, text: "revisi 2 sudah ada, kiriman ini revisi 1"},
		{name: "same revision again", s: second, want: model.ErrReplay},
		{name: "another key", s: resigned(second), want: model.ErrKeyChanged, text: other.Public.Fingerprint()},
		{name: "another instansi", s: changed(func(a *model.Assessment) { a.Identity.Instansi = "Pemerintah Kota Lain" }), want: model.ErrSenderMismatch, text: "instansi lain"},
		{name: "another year", s: changed(func(a *model.Assessment) { a.Identity.Year = 2024 }), want: model.ErrSenderMismatch, text: "tahun lain: 2024"},
		{name: "another instrument", s: changed(func(a *model.Assessment) { a.Identity.InstrumentHash = hexSum([]byte("lain")) }), want: model.ErrSenderMismatch, text: "instrumen lain"},
		{name: "into an OPD workspace", c: opd, s: second, want: model.ErrNotCoordinator},
		{name: "unknown indicator", s: changed(func(a *model.Assessment) { a.Answers[99] = model.Answer{Indicator: 99, Value: 300} }), want: ErrBadSubmission},
		{name: "level out of range", s: changed(func(a *model.Assessment) { a.Answers[1] = model.Answer{Indicator: 1, Value: 700} }), want: ErrBadSubmission},
		{name: "no unit", s: changed(func(a *model.Assessment) { a.Identity.Unit = "" }), want: model.ErrNoUnit},
		{name: "broken history", s: func() *model.Submission {
			s := changed(func(*model.Assessment) {})
			s.Since, s.History = first.Since, append([]model.Change(nil), first.History...)
			s.History[0].New = "diubah"
			return s
		}(), want: ErrBadSubmission, text: "history chain broken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := c
			if tt.c != nil {
				target = tt.c
			}
			before := snapshot(t, target)
			_, checkErr := target.CheckImport(tt.s, false)
			_, err := importFrom(t, target, opd, tt.s, false)
			if !errors.Is(err, tt.want) || !errors.Is(checkErr, tt.want) || (tt.text != "" && !strings.Contains(err.Error(), tt.text)) {
				t.Fatalf("import: %v; check: %v", err, checkErr)
			}
			if snapshot(t, target) != before {
				t.Fatal("a refused import changed the workspace")
			}
		})
	}
	// Accepted, the new key is pinned and the old one kept.
	res, err := importFrom(t, c, opd, resigned(second), true)
	if err != nil || !res.KeyReplaced {
		t.Fatalf("accepted: %+v, %v", res, err)
	}
	opds, _ := c.Submitters()
	if o := opds[0]; !o.Key.Equal(other.Public) || len(o.FormerKeys) != 1 || !o.FormerKeys[0].Key.Equal(second.Key) || o.FormerKeys[0].ReplacedBy != "Sari" {
		t.Fatalf("OPD after the new key: %+v", o)
	}
	mustCheck(t, c)
}

// TestImportFailsCleanly: an import that fails half way, however it
// fails, leaves nothing behind.
func TestImportFailsCleanly(t *testing.T) {
	opd := opdWithWork(t)
	s := exported(t, opd)
	tests := []struct {
		name string
		open func(ctx context.CancelFunc) func(string) (io.ReadCloser, error)
		want error
	}{
		{name: "reader fails", want: errBroken, open: func(context.CancelFunc) func(string) (io.ReadCloser, error) {
			return func(sha string) (io.ReadCloser, error) {
				rc, err := opd.OpenEvidence(sha)
				return readCloser{&failingReader{r: io.LimitReader(rc, 10000), err: errBroken}, rc}, err
			}
		}},
		{name: "other bytes", want: ErrEvidenceCorrupt, open: func(context.CancelFunc) func(string) (io.ReadCloser, error) {
			return func(sha string) (io.ReadCloser, error) {
				return io.NopCloser(bytes.NewReader(randomBytes(9, 30000))), nil
			}
		}},
		{name: "longer file", want: ErrEvidenceCorrupt, open: func(context.CancelFunc) func(string) (io.ReadCloser, error) {
			return func(sha string) (io.ReadCloser, error) {
				rc, err := opd.OpenEvidence(sha)
				return readCloser{io.MultiReader(rc, strings.NewReader("x")), rc}, err
			}
		}},
		{name: "cancelled", want: context.Canceled, open: func(cancel context.CancelFunc) func(string) (io.ReadCloser, error) {
			return func(sha string) (io.ReadCloser, error) {
				cancel()
				return opd.OpenEvidence(sha)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := small(newCoordinator(t, nil))
			before := snapshot(t, c)
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			_, err := c.Import(ctx, s, ImportOptions{By: "Sari", Open: tt.open(cancel)})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v", err)
			}
			if snapshot(t, c) != before {
				t.Fatal("a failed import left a trace")
			}
			mustCheck(t, c)
			if _, err := importFrom(t, c, opd, s, false); err != nil {
				t.Fatalf("after the failure the bundle does not import: %v", err)
			}
		})
	}
}

var errBroken = errors.New("kabel USB tercabut")

type readCloser struct {
	io.Reader
	io.Closer
}

// TestImportManySmallFiles: many small files are written a batch of
// chunks per transaction, not a transaction each.
func TestImportManySmallFiles(t *testing.T) {
	opd := newTestWorkspace(t)
	for i := range 40 {
		attach(t, opd, 1+i%47, fmt.Sprintf("bukti-%02d.pdf", i), randomBytes(uint64(100+i), 2000))
	}
	c := newCoordinator(t, nil)
	var last, total int64
	before := lastTxID(t, c)
	res, err := c.Import(t.Context(), exported(t, opd), ImportOptions{By: "Sari", Open: opd.OpenEvidence,
		Progress: func(done, all int64) { last, total = done, all }})
	if err != nil {
		t.Fatal(err)
	}
	txs := lastTxID(t, c) - before
	if res.Stored != 40 || last != total || total != 80000 {
		t.Fatalf("result %+v, progress %d/%d", res, last, total)
	}
	// The pending extents, the batches of half a transaction's chunks, the
	// final transaction.
	batch := c.chunksPerTx / 2
	if want := 2 + (40+batch-1)/batch; txs != want {
		t.Fatalf("%d write transactions for 40 small files", txs)
	}
	mustCheck(t, c)
}

// lastTxID returns the ID of the last write transaction of w.
func lastTxID(t testing.TB, w *Workspace) int {
	var id int
	if err := w.view(func(tx *bbolt.Tx) error {
		id = tx.ID()
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return id
}

func TestContinuity(t *testing.T) {
	var chain []model.Change
	prev := ""
	for i := range 6 {
		c := model.Change{Seq: uint64(i + 1), At: time.Unix(int64(i), 0), By: "Rina", Field: model.FieldFakta, New: fmt.Sprint(i)}
		c.Seal(prev)
		prev = c.Hash
		chain = append(chain, c)
	}
	head := func(i int) model.ChainHead { return model.ChainHead{Seq: chain[i].Seq, Hash: chain[i].Hash} }
	sub := func(since model.ChainHead, from, to int) *model.Submission {
		return &model.Submission{Since: since, History: chain[from:to]}
	}
	tests := []struct {
		name  string
		prev  model.ChainHead
		known bool
		s     *model.Submission
		want  model.Continuity
	}{
		{"first, from the start", model.ChainHead{}, false, sub(model.ChainHead{}, 0, 3), model.ContinuityComplete},
		{"first, an export missed", model.ChainHead{}, false, sub(head(1), 2, 4), model.ContinuityGap},
		{"continues", head(2), true, sub(head(2), 3, 6), model.ContinuityComplete},
		{"nothing new", head(2), true, sub(head(2), 3, 3), model.ContinuityComplete},
		{"an export missed", head(1), true, sub(head(3), 4, 6), model.ContinuityGap},
		{"overlaps", head(3), true, sub(head(1), 2, 6), model.ContinuityComplete},
		{"same start, other history", head(2), true, sub(model.ChainHead{Seq: 3, Hash: "lain"}, 3, 3), model.ContinuityDiverged},
		{"overlap disagrees", model.ChainHead{Seq: 4, Hash: "lain"}, true, sub(head(1), 2, 6), model.ContinuityDiverged},
		{"ends before the held head", head(5), true, sub(head(0), 1, 3), model.ContinuityDiverged},
	}
	for _, tt := range tests {
		if got := continuity(tt.prev, tt.known, tt.s); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestCheckCountsSubmissions: Check counts a submission's hold on a blob,
// and finds a blob whose count is wrong.
func TestCheckCountsSubmissions(t *testing.T) {
	opd := opdWithWork(t)
	c := newCoordinator(t, nil)
	s := exported(t, opd)
	if _, err := importFrom(t, c, opd, s, false); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, c)
	sum, _ := parseSum(s.Assessment.Evidence[0].SHA256)
	err := c.update(func(tx *bbolt.Tx) error {
		var b blobRec
		if _, err := getBlob(tx, sum, &b); err != nil {
			return err
		}
		b.Links++
		return putJSON(blobsBucket.of(tx), sum[:], b)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Check(t.Context(), nil)
	if err != nil || r.OK() || !strings.Contains(r.Problems[0].Detail, "tercatat 2 tautan, ada 1") {
		t.Fatalf("check: %+v, %v", r, err)
	}
}
