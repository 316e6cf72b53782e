package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// small makes w cut files into 4 KiB chunks, 3 to a transaction, so that
// small test files take many chunks and transactions.
func small(w *Workspace) *Workspace {
	w.chunkSize, w.chunksPerTx, w.purgePerTx = 4<<10, 3, 5
	return w
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func readEvidence(t testing.TB, w *Workspace, sha string) []byte {
	t.Helper()
	rd, err := w.OpenEvidence(sha)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestAttach(t *testing.T) {
	sizes := map[string]int{
		"one byte":              1,
		"exactly one chunk":     4 << 10,
		"one transaction":       3 * 4 << 10,
		"one transaction and 1": 3*4<<10 + 1,
		"many transactions":     100<<10 + 17,
	}
	for name, size := range sizes {
		t.Run(name, func(t *testing.T) {
			w := small(newTestWorkspace(t))
			data := randomBytes(uint64(size), size)
			path := writeFile(t, t.TempDir(), "1.a.Perwal-12-2022.pdf", data)
			var calls int
			var last int64
			meta := EvidenceMeta{Title: "Peraturan Wali Kota tentang Arsitektur SPBE", DocNo: "12 Tahun 2022", DocDate: model.Date{Year: 2022, Month: 3, Day: 1}, Level: 3}
			ev, res, err := w.Attach(t.Context(), "Rina", 1, path, meta, func(done, total int64) {
				calls++
				if total != int64(size) || done < last || done > total {
					t.Errorf("progress %d/%d after %d", done, total, last)
				}
				last = done
			})
			if err != nil {
				t.Fatal(err)
			}
			if res != (AttachResult{}) || ev.SHA256 != hexSum(data) || ev.Size != int64(size) || ev.Name != "1.a.Perwal-12-2022.pdf" ||
				ev.Title != meta.Title || ev.DocNo != meta.DocNo || ev.DocDate != meta.DocDate || ev.Level != 3 || ev.By != "Rina" || ev.Indicator != 1 {
				t.Fatalf("%+v %+v", ev, res)
			}
			if calls == 0 || last != int64(size) {
				t.Fatalf("progress: %d calls, last %d", calls, last)
			}
			w = small(reopen(t, w))
			if got := readEvidence(t, w, ev.SHA256); !bytes.Equal(got, data) {
				t.Fatal("bytes read back differ")
			}
			all, _ := w.Evidence(0)
			if len(all) != 1 || all[0] != ev {
				t.Fatalf("evidence %+v", all)
			}
			if c := counts(t, w); c["pending"] != 0 || c["chunks"] != (size+4<<10-1)/(4<<10) || c["blobs"] != 1 || c["links"] != 1 {
				t.Fatalf("buckets %v", c)
			}
			r := mustCheck(t, w)
			if r.Blobs != 1 || r.BlobBytes != int64(size) || r.Links != 1 || r.HistoryEntries != 1 {
				t.Fatalf("report %+v", r)
			}
		})
	}
}

func TestAttachStoresOnce(t *testing.T) {
	w := small(newTestWorkspace(t))
	dir := t.TempDir()
	data := randomBytes(7, 50<<10)
	a := writeFile(t, dir, "sk-tim.pdf", data)
	b := writeFile(t, dir, "salinan sk-tim.pdf", data)
	for i, tt := range []struct {
		no   int
		path string
		want AttachResult
	}{
		{10, a, AttachResult{}},
		{11, b, AttachResult{AlreadyStored: true}},
		{10, b, AttachResult{AlreadyStored: true, AlreadyLinked: true}},
		{12, a, AttachResult{AlreadyStored: true}},
	} {
		ev, res, err := w.Attach(t.Context(), "Rina", tt.no, tt.path, EvidenceMeta{}, nil)
		if err != nil || res != tt.want || ev.SHA256 != hexSum(data) {
			t.Fatalf("attach %d: %+v %+v %v", i, ev, res, err)
		}
	}
	c := counts(t, w)
	if c["blobs"] != 1 || c["links"] != 3 || c["chunks"] != 13 || c["pending"] != 0 {
		t.Fatalf("buckets %v", c)
	}
	ev, _ := w.Evidence(11)
	if len(ev) != 1 || ev[0].Name != "salinan sk-tim.pdf" {
		t.Fatalf("indicator 11: %+v", ev)
	}
	mustCheck(t, w)

	// Detaching frees the bytes only with the last link.
	sha := hexSum(data)
	for i, no := range []int{10, 11, 12} {
		if _, err := w.Detach("Rina", no, sha[:8]); err != nil {
			t.Fatal(err)
		}
		c := counts(t, w)
		if want := map[bool]int{true: 0, false: 1}[i == 2]; c["blobs"] != want || c["chunks"] != 13*want || c["pending"] != 0 {
			t.Fatalf("after detach %d: %v", no, c)
		}
	}
	if _, err := w.OpenEvidence(sha); !errors.Is(err, ErrNoSuchEvidence) {
		t.Fatalf("open freed evidence: %v", err)
	}
	h, _ := w.History(10)
	if len(h) != 2 || h[0].Field != model.FieldEvidenceAdded || h[1].Field != model.FieldEvidenceRemoved || h[1].Old != "sk-tim.pdf ("+sha[:12]+")" {
		t.Fatalf("history %+v", h)
	}
	mustCheck(t, w)
}

func TestDetachPrefix(t *testing.T) {
	w := newTestWorkspace(t)
	dir := t.TempDir()
	// Find two files whose hashes share the first hex digit.
	var files [][]byte
	seen := map[byte][]byte{}
	for i := uint64(0); len(files) < 2; i++ {
		d := randomBytes(i, 100)
		s := hexSum(d)[0]
		if prev, ok := seen[s]; ok {
			files = [][]byte{prev, d}
		}
		seen[s] = d
	}
	for i, d := range files {
		if _, _, err := w.Attach(t.Context(), "Rina", 20, writeFile(t, dir, string(rune('a'+i))+".pdf", d), EvidenceMeta{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	first := hexSum(files[0])
	tests := []struct {
		prefix string
		no     int
		want   error
	}{
		{first[:1], 20, ErrAmbiguousPrefix},
		{"", 20, ErrNoSuchEvidence},
		{"xyz", 20, ErrNoSuchEvidence},
		{first, 21, ErrNoSuchEvidence},
		{strings.ToUpper(first[:10]), 20, nil},
	}
	for _, tt := range tests {
		_, err := w.Detach("Rina", tt.no, tt.prefix)
		if !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
			t.Fatalf("detach %d %q: %v, want %v", tt.no, tt.prefix, err, tt.want)
		}
	}
	ev, _ := w.Evidence(20)
	if len(ev) != 1 || ev[0].SHA256 != hexSum(files[1]) {
		t.Fatalf("left %+v", ev)
	}
}

func TestUpdateEvidence(t *testing.T) {
	w := newTestWorkspace(t)
	data := randomBytes(3, 1000)
	ev, _, err := w.Attach(t.Context(), "Rina", 8, writeFile(t, t.TempDir(), "kebijakan.pdf", data), EvidenceMeta{Title: "Kebijakan"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	meta := EvidenceMeta{Title: "Kebijakan Keamanan Informasi", DocNo: "7/2024", DocDate: model.Date{Year: 2024, Month: 1, Day: 2}, ValidUntil: model.Date{Year: 2029, Month: 1, Day: 2}, Level: 4}
	got, err := w.UpdateEvidence("Budi", 8, ev.SHA256[:6], meta)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != meta.Title || got.ValidUntil != meta.ValidUntil || got.By != "Rina" || got.At != ev.At || got.Size != 1000 {
		t.Fatalf("%+v", got)
	}
	if _, err := w.UpdateEvidence("Budi", 8, ev.SHA256, meta); err != nil {
		t.Fatal(err)
	}
	h, _ := w.History(8)
	if len(h) != 2 || h[1].Field != model.FieldEvidenceChanged || h[1].By != "Budi" ||
		h[1].Old != `kebijakan.pdf (`+ev.ShortHash()+`): judul "Kebijakan"` ||
		h[1].New != `kebijakan.pdf (`+ev.ShortHash()+`): judul "Kebijakan Keamanan Informasi"; nomor 7/2024; tanggal 2024-01-02; berlaku s.d. 2029-01-02; tingkat 4` {
		t.Fatalf("history %+v", h)
	}
	for name, bad := range map[string]EvidenceMeta{
		"level 6":             {Level: 6},
		"valid before issued": {DocDate: model.Date{Year: 2024, Month: 5, Day: 1}, ValidUntil: model.Date{Year: 2024, Month: 4, Day: 30}},
	} {
		if _, err := w.UpdateEvidence("Budi", 8, ev.SHA256, bad); !errors.Is(err, ErrEvidenceMeta) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// snapshot is everything visible in a workspace, to compare before and
// after something that must leave it unchanged.
func snapshot(t testing.TB, w *Workspace) string {
	t.Helper()
	a, err := w.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	h, err := w.History(0)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range a.Evidence {
		b.WriteString(e.SHA256 + e.Name + "\n")
	}
	for _, c := range h {
		b.WriteString(c.Hash + "\n")
	}
	c := counts(t, w)
	for _, bk := range allBuckets {
		b.WriteString(string(bk.name) + ":" + string(rune('0'+c[string(bk.name)])) + "\n")
	}
	return b.String()
}

// failingReader returns its data and then an error.
type failingReader struct {
	r   io.Reader
	err error
}

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

func TestAttachRefused(t *testing.T) {
	w := small(newTestWorkspace(t))
	dir := t.TempDir()
	if _, _, err := w.Attach(t.Context(), "Rina", 1, writeFile(t, dir, "ada.pdf", randomBytes(1, 9000)), EvidenceMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, w)
	readErr := errors.New("device removed")
	tests := []struct {
		name   string
		attach func() error
		want   error
	}{
		{"missing", func() error {
			_, _, err := w.Attach(t.Context(), "Rina", 1, filepath.Join(dir, "tidak-ada.pdf"), EvidenceMeta{}, nil)
			return err
		}, os.ErrNotExist},
		{"directory", func() error {
			_, _, err := w.Attach(t.Context(), "Rina", 1, dir, EvidenceMeta{}, nil)
			return err
		}, ErrIsDirectory},
		{"empty", func() error {
			_, _, err := w.Attach(t.Context(), "Rina", 1, writeFile(t, dir, "kosong.pdf", nil), EvidenceMeta{}, nil)
			return err
		}, ErrEmptyFile},
		{"empty reader", func() error {
			_, _, err := w.AttachReader(t.Context(), "Rina", 1, "kosong.pdf", strings.NewReader(""), EvidenceMeta{}, nil)
			return err
		}, ErrEmptyFile},
		{"read error in the first transaction", func() error {
			_, _, err := w.AttachReader(t.Context(), "Rina", 1, "rusak.pdf", &failingReader{bytes.NewReader(randomBytes(2, 5000)), readErr}, EvidenceMeta{}, nil)
			return err
		}, readErr},
		{"read error after several transactions", func() error {
			_, _, err := w.AttachReader(t.Context(), "Rina", 1, "rusak.pdf", &failingReader{bytes.NewReader(randomBytes(2, 50000)), readErr}, EvidenceMeta{}, nil)
			return err
		}, readErr},
		{"unknown indicator", func() error {
			_, _, err := w.Attach(t.Context(), "Rina", 99, dir, EvidenceMeta{}, nil)
			return err
		}, model.ErrUnknownIndicator},
		{"no author", func() error {
			_, _, err := w.Attach(t.Context(), "", 1, dir, EvidenceMeta{}, nil)
			return err
		}, ErrNoAuthor},
	}
	// Root reads everything, and Windows has no mode that denies reading.
	if runtime.GOOS != "windows" && os.Geteuid() != 0 {
		unreadable := writeFile(t, dir, "rahasia.pdf", []byte("x"))
		os.Chmod(unreadable, 0)
		tests = append(tests, struct {
			name   string
			attach func() error
			want   error
		}{"unreadable", func() error {
			_, _, err := w.Attach(t.Context(), "Rina", 1, unreadable, EvidenceMeta{}, nil)
			return err
		}, os.ErrPermission})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.attach()
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if after := snapshot(t, w); after != before {
				t.Fatalf("workspace changed:\n%s\nwas\n%s", after, before)
			}
		})
	}
}

func TestAttachCancelled(t *testing.T) {
	w := small(newTestWorkspace(t))
	before := snapshot(t, w)
	ctx, cancel := context.WithCancel(t.Context())
	path := writeFile(t, t.TempDir(), "besar.pdf", randomBytes(9, 200<<10))
	var calls int
	_, _, err := w.Attach(ctx, "Rina", 1, path, EvidenceMeta{}, func(done, total int64) {
		if calls++; calls == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || calls != 3 {
		t.Fatalf("%v after %d calls", err, calls)
	}
	if after := snapshot(t, w); after != before {
		t.Fatalf("workspace changed:\n%s", after)
	}
	mustCheck(t, w)
}

func TestEvidenceCorrupt(t *testing.T) {
	w := small(newTestWorkspace(t))
	data := randomBytes(5, 20<<10)
	ev, _, err := w.Attach(t.Context(), "Rina", 33, writeFile(t, t.TempDir(), "sop.pdf", data), EvidenceMeta{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Flip one byte of the third chunk behind the store's back.
	err = w.db.Update(func(tx *bbolt.Tx) error {
		var blob blobRec
		sum, _ := parseSum(ev.SHA256)
		if _, err := getBlob(tx, sum, &blob); err != nil {
			return err
		}
		b := chunksBucket.of(tx)
		v := bytes.Clone(b.Get(chunkKey(blob.Extent, 2)))
		v[100] ^= 1
		return b.Put(chunkKey(blob.Extent, 2), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	rd, err := w.OpenEvidence(ev.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rd)
	if !errors.Is(err, ErrEvidenceCorrupt) || len(got) != len(data) {
		t.Fatalf("read %d bytes, %v", len(got), err)
	}
	r, err := w.Check(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || r.Problems[0].Kind != ProblemEvidence || !strings.Contains(r.Problems[0].Affects, "indikator 33 sop.pdf") {
		t.Fatalf("problems %v", r.Problems)
	}
}

func TestCheckFindsMissingChunk(t *testing.T) {
	w := small(newTestWorkspace(t))
	ev, _, err := w.Attach(t.Context(), "Rina", 2, writeFile(t, t.TempDir(), "peta.pdf", randomBytes(6, 30<<10)), EvidenceMeta{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = w.db.Update(func(tx *bbolt.Tx) error {
		var blob blobRec
		sum, _ := parseSum(ev.SHA256)
		getBlob(tx, sum, &blob)
		// One chunk missing, and chunks nobody owns.
		if err := chunksBucket.of(tx).Delete(chunkKey(blob.Extent, 4)); err != nil {
			return err
		}
		return chunksBucket.of(tx).Put(chunkKey(999, 0), []byte("lost"))
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.Check(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[ProblemKind]int{}
	for _, p := range r.Problems {
		kinds[p.Kind]++
	}
	// The gap is found twice: by the chunk walk and by the re-hash.
	if kinds[ProblemEvidence] != 2 || kinds[ProblemSpace] != 1 || len(r.Problems) != 3 {
		t.Fatalf("problems %v", r.Problems)
	}
	if _, err := io.ReadAll(must(w.OpenEvidence(ev.SHA256))); !errors.Is(err, ErrEvidenceCorrupt) {
		t.Fatalf("read: %v", err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestBackup(t *testing.T) {
	w := small(newTestWorkspace(t))
	if _, err := w.UpdateAnswer("Rina", 1, AnswerUpdate{Value: ptr[model.Hundredths](300)}); err != nil {
		t.Fatal(err)
	}
	data := randomBytes(11, 40<<10)
	if _, _, err := w.Attach(t.Context(), "Rina", 1, writeFile(t, t.TempDir(), "a.pdf", data), EvidenceMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "cadangan.swanilai")
	var last, total int64
	if err := w.Backup(t.Context(), dst, func(d, t int64) { last, total = d, t }); err != nil {
		t.Fatal(err)
	}
	if last != total || total == 0 {
		t.Fatalf("progress %d/%d", last, total)
	}
	// The workspace stays usable and the copy is a workspace of its own.
	if _, err := w.UpdateAnswer("Rina", 1, AnswerUpdate{Value: ptr[model.Hundredths](400)}); err != nil {
		t.Fatal(err)
	}
	b, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	a, _ := b.Answer(1)
	if a.Value != 300 || b.Identity() != w.Identity() || !bytes.Equal(readEvidence(t, b, hexSum(data)), data) {
		t.Fatalf("backup holds %+v", a)
	}
	mustCheck(t, b)
	if err := w.Backup(t.Context(), dst, nil); !errors.Is(err, ErrExists) {
		t.Fatalf("backup over a file: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	other := filepath.Join(filepath.Dir(dst), "batal.swanilai")
	if err := w.Backup(ctx, other, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled backup: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dst)); len(entries) != 1 {
		t.Fatalf("cancelled backup left %d files", len(entries))
	}
}
