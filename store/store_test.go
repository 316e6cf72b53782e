package store

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

func spbe(t testing.TB) *model.Pack {
	t.Helper()
	p, err := model.BuiltinPack(model.DefaultPackID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func testOptions(t testing.TB) CreateOptions {
	return CreateOptions{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Dinas Komunikasi dan Informatika", Year: 2025, Pack: spbe(t), By: "Rina"}
}

// newTestWorkspace creates a workspace in a temporary directory; it is
// closed when the test ends.
func newTestWorkspace(t testing.TB) *Workspace {
	t.Helper()
	w, err := Create(filepath.Join(t.TempDir(), "kerja.swanilai"), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// reopen closes w and opens its file again.
func reopen(t testing.TB, w *Workspace) *Workspace {
	t.Helper()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w2, err := Open(w.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w2.Close() })
	return w2
}

// randomBytes returns n bytes that depend only on seed.
func randomBytes(seed uint64, n int) []byte {
	var s [32]byte
	s[0], s[1] = byte(seed), byte(seed>>8)
	b := make([]byte, n)
	rand.NewChaCha8(s).Read(b)
	return b
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustCheck(t testing.TB, w *Workspace) *CheckReport {
	t.Helper()
	r, err := w.Check(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Fatalf("check found problems: %v", r.Problems)
	}
	return r
}

// counts returns how many keys each bucket holds.
func counts(t testing.TB, w *Workspace) map[string]int {
	t.Helper()
	out := map[string]int{}
	err := w.view(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			out[string(b.name)] = b.of(tx).Stats().KeyN
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func TestCreateAndOpen(t *testing.T) {
	w := newTestWorkspace(t)
	id := w.Identity()
	if id.ID == "" || id.Role != model.RoleOPD || id.Instansi != "Pemerintah Kota Pekalongan" || id.Year != 2025 ||
		id.InstrumentID != model.DefaultPackID || id.InstrumentHash != spbe(t).Hash() || id.Created.IsZero() {
		t.Fatalf("identity %+v", id)
	}
	w2 := reopen(t, w)
	if w2.Identity() != id || w2.Pack().Hash() != id.InstrumentHash {
		t.Fatalf("reopened identity %+v", w2.Identity())
	}
	if _, err := Create(w2.Path(), testOptions(t)); !errors.Is(err, ErrExists) {
		t.Fatalf("create over an existing file: %v", err)
	}
	// No temporary file is left beside the workspace.
	entries, _ := os.ReadDir(filepath.Dir(w2.Path()))
	if len(entries) != 1 {
		t.Fatalf("directory holds %d files", len(entries))
	}
	mustCheck(t, w2)
}

func TestCreateOptionsRefused(t *testing.T) {
	good := testOptions(t)
	tests := map[string]func(o *CreateOptions){
		"role":     func(o *CreateOptions) { o.Role = "walikota" },
		"instansi": func(o *CreateOptions) { o.Instansi = "  " },
		"year":     func(o *CreateOptions) { o.Year = 25 },
		"pack":     func(o *CreateOptions) { o.Pack = nil },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			o := good
			change(&o)
			path := filepath.Join(t.TempDir(), "x.swanilai")
			if _, err := Create(path, o); !errors.Is(err, ErrBadIdentity) {
				t.Fatalf("got %v", err)
			}
			if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
				t.Fatal("a refused workspace left a file")
			}
		})
	}
}

func TestOpenLocked(t *testing.T) {
	w := newTestWorkspace(t)
	start := time.Now()
	_, err := Open(w.Path())
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("second open took %v", d)
	}
	if !strings.Contains(err.Error(), "workspace is already open") {
		t.Fatalf("message %q", err)
	}
	// Once the first lets go, the file opens.
	reopen(t, w)
}

func TestClosed(t *testing.T) {
	w := newTestWorkspace(t)
	w.Close()
	if _, err := w.Answer(1); !errors.Is(err, ErrClosed) {
		t.Fatalf("answer after close: %v", err)
	}
	if _, err := w.UpdateAnswer("Rina", 1, AnswerUpdate{Value: ptr[model.Hundredths](300)}); !errors.Is(err, ErrClosed) {
		t.Fatalf("update after close: %v", err)
	}
}

func TestOpenMissing(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "none.swanilai"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v", err)
	}
}

func TestUpdateAnswer(t *testing.T) {
	w := newTestWorkspace(t)
	tests := []struct {
		name    string
		no      int
		u       AnswerUpdate
		wantErr error
		// want is the answer afterwards; fields is the history fields the
		// update adds.
		want   model.Answer
		fields []string
	}{
		{name: "level", no: 12, u: AnswerUpdate{Value: ptr[model.Hundredths](300)},
			want: model.Answer{Indicator: 12, Value: 300}, fields: []string{model.FieldLevel}},
		{name: "same level is no change", no: 12, u: AnswerUpdate{Value: ptr[model.Hundredths](300)},
			want: model.Answer{Indicator: 12, Value: 300}},
		{name: "penjelasan", no: 12, u: AnswerUpdate{Fakta: ptr("Perwal 12/2022 (1.a.Perwal.pdf)"), Analisis: ptr("Memenuhi kriteria tingkat 3")},
			want: model.Answer{Indicator: 12, Value: 300, Fakta: "Perwal 12/2022 (1.a.Perwal.pdf)", Analisis: "Memenuhi kriteria tingkat 3"}, fields: []string{model.FieldFakta, model.FieldAnalisis}},
		{name: "raise and keep texts", no: 12, u: AnswerUpdate{Value: ptr[model.Hundredths](400), Fakta: ptr("Perwal 12/2022 (1.a.Perwal.pdf)")},
			want: model.Answer{Indicator: 12, Value: 400, Fakta: "Perwal 12/2022 (1.a.Perwal.pdf)", Analisis: "Memenuhi kriteria tingkat 3"}, fields: []string{model.FieldLevel}},
		{name: "sector service", no: 45, u: AnswerUpdate{Value: ptr[model.Hundredths](200), Sector: ptr("Layanan Perizinan")},
			want: model.Answer{Indicator: 45, Value: 200, Sector: "Layanan Perizinan"}, fields: []string{model.FieldLevel, model.FieldSector}},
		{name: "sector on another indicator", no: 3, u: AnswerUpdate{Sector: ptr("x")}, wantErr: ErrNotSector},
		{name: "level 7", no: 3, u: AnswerUpdate{Value: ptr[model.Hundredths](700)}, wantErr: model.ErrLevelRange},
		{name: "level 2,5", no: 3, u: AnswerUpdate{Value: ptr[model.Hundredths](250)}, wantErr: model.ErrNotWholeLevel},
		{name: "indicator 48", no: 48, u: AnswerUpdate{Value: ptr[model.Hundredths](300)}, wantErr: model.ErrUnknownIndicator},
		{name: "text too long", no: 3, u: AnswerUpdate{Fakta: ptr(strings.Repeat("x", maxText+1))}, wantErr: ErrTextTooLong},
		{name: "clear", no: 45, u: AnswerUpdate{Value: ptr(model.Unanswered), Sector: ptr("")},
			want: model.Answer{Indicator: 45}, fields: []string{model.FieldLevel, model.FieldSector}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, err := w.History(0)
			if err != nil {
				t.Fatal(err)
			}
			got, err := w.UpdateAnswer("Rina", tt.no, tt.u)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			stored, err := w.Answer(tt.no)
			if err != nil {
				t.Fatal(err)
			}
			for _, a := range []model.Answer{got, stored} {
				a.By, a.At = "", time.Time{}
				if a != tt.want {
					t.Fatalf("answer %+v, want %+v", a, tt.want)
				}
			}
			after, _ := w.History(0)
			var fields []string
			for _, c := range after[len(before):] {
				if c.By != "Rina" || c.Indicator != tt.no {
					t.Fatalf("entry %+v", c)
				}
				fields = append(fields, c.Field)
			}
			if strings.Join(fields, ",") != strings.Join(tt.fields, ",") {
				t.Fatalf("history fields %v, want %v", fields, tt.fields)
			}
		})
	}
	if _, err := w.UpdateAnswer(" ", 1, AnswerUpdate{Value: ptr[model.Hundredths](100)}); !errors.Is(err, ErrNoAuthor) {
		t.Fatalf("no author: %v", err)
	}
	// An answer cleared of everything is gone; the history keeps it.
	a, _ := w.Assessment()
	if _, ok := a.Answers[45]; ok || len(a.Answers) != 1 {
		t.Fatalf("answers %v", a.Answers)
	}
	h, _ := w.History(12)
	if len(h) != 4 || h[0].Old != "" || h[0].New != "3" || h[3].Old != "3" || h[3].New != "4" {
		t.Fatalf("history of 12: %+v", h)
	}
	mustCheck(t, reopen(t, w))
}

func TestHistoryChain(t *testing.T) {
	w := newTestWorkspace(t)
	for i := range 10 {
		if _, err := w.UpdateAnswer("Rina", i%3+1, AnswerUpdate{Value: ptr(model.Hundredths(100 * (i%5 + 1)))}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.SetOfficials("Rina", model.Officials{HeadName: "Drs. Budi", HeadNIP: "19700101", Place: "Pekalongan"}); err != nil {
		t.Fatal(err)
	}
	if err := w.SetTargetIndex("Rina", 350); err != nil {
		t.Fatal(err)
	}
	all, err := w.History(0)
	if err != nil {
		t.Fatal(err)
	}
	if err := model.VerifyChain(all, "", 1); err != nil {
		t.Fatal(err)
	}
	last := all[len(all)-2:]
	if last[0].Field != model.FieldOfficials || last[0].New != "kepala: Drs. Budi, 19700101; tempat: Pekalongan" ||
		last[1].Field != model.FieldTargetIndex || last[1].New != "3,50" {
		t.Fatalf("workspace entries %+v", last)
	}
	a, _ := w.Assessment()
	if a.Officials.HeadName != "Drs. Budi" || a.TargetIndex != 350 {
		t.Fatalf("assessment %+v", a)
	}
	if err := w.SetTargetIndex("Rina", 600); !errors.Is(err, model.ErrTargetRange) {
		t.Fatalf("target 6: %v", err)
	}

	// Tampering with one stored entry breaks the chain, and Check says so.
	err = w.db.Update(func(tx *bbolt.Tx) error {
		b := historyBucket.of(tx)
		v := bytes.Replace(b.Get(u64Key(3)), []byte(`"new":"`), []byte(`"new":"5`), 1)
		return b.Put(u64Key(3), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.Check(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || r.Problems[0].Kind != ProblemHistory || !strings.Contains(r.Problems[0].Detail, "entri 3 diubah") {
		t.Fatalf("problems %v", r.Problems)
	}
}

func TestReconfirm(t *testing.T) {
	w := newTestWorkspace(t)
	if _, err := w.UpdateAnswer("Rina", 5, AnswerUpdate{Value: ptr[model.Hundredths](300)}); err != nil {
		t.Fatal(err)
	}
	err := w.db.Update(func(tx *bbolt.Tx) error {
		var rec answerRec
		if _, err := getAnswer(tx, 5, &rec); err != nil {
			return err
		}
		rec.Reconfirm = true
		return putAnswer(tx, 5, rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Setting the same level is no change; confirming is.
	a, err := w.UpdateAnswer("Budi", 5, AnswerUpdate{Value: ptr[model.Hundredths](300)})
	if err != nil || !a.Reconfirm {
		t.Fatalf("%+v %v", a, err)
	}
	a, err = w.UpdateAnswer("Budi", 5, AnswerUpdate{Value: ptr[model.Hundredths](300), Confirm: true})
	if err != nil || a.Reconfirm || a.By != "Budi" {
		t.Fatalf("%+v %v", a, err)
	}
	h, _ := w.History(5)
	if len(h) != 2 || h[1].Field != model.FieldReconfirmed {
		t.Fatalf("history %+v", h)
	}
}

func TestExternalValue(t *testing.T) {
	p, err := model.BuiltinPack("pemdi-8-2026")
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	opts.Pack, opts.Year = p, 2026
	w, err := Create(filepath.Join(t.TempDir(), "pemdi.swanilai"), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	sdi := &model.ExternalValue{Value: 6875, Source: "Hasil Evaluasi SDI 2025, Bappenas", Date: model.Date{Year: 2026, Month: 2, Day: 10}}
	got, err := w.UpdateAnswer("Rina", 5, AnswerUpdate{External: sdi})
	if err != nil {
		t.Fatal(err)
	}
	if got.Value != 375 || got.External == nil || *got.External != *sdi {
		t.Fatalf("stored %+v / %+v", got, got.External)
	}
	// A level that does not match the conversion is refused.
	if _, err := w.UpdateAnswer("Rina", 5, AnswerUpdate{External: sdi, Value: ptr[model.Hundredths](400)}); !errors.Is(err, model.ErrExternalMismatch) {
		t.Fatalf("mismatch: %v", err)
	}
	w = reopen(t, w)
	if a, _ := w.Answer(5); a.External == nil || a.External.Value != 6875 || a.External.Date != sdi.Date {
		t.Fatalf("after reopening: %+v", a)
	}
	// Choosing a level directly drops the external value, in the history.
	if got, err = w.UpdateAnswer("Rina", 5, AnswerUpdate{Value: ptr[model.Hundredths](200), ClearExternal: true}); err != nil || got.External != nil || got.Value != 200 {
		t.Fatalf("clear: %+v %v", got, err)
	}
	h, err := w.History(5)
	if err != nil {
		t.Fatal(err)
	}
	var fields []string
	for _, c := range h {
		fields = append(fields, c.Field+":"+c.New)
	}
	want := []string{"level:3,75", "eksternal:68,75 (Hasil Evaluasi SDI 2025, Bappenas)", "level:2", "eksternal:"}
	if strings.Join(fields, "|") != strings.Join(want, "|") {
		t.Fatalf("history %v", fields)
	}
	mustCheck(t, w)
}
