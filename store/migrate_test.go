package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/store/migration2"
)

// v1Fixture is a version-1 workspace: three stored files, one of which no
// answer links, answers with links inside, and two history entries.
func v1Fixture(t testing.TB) (migration2.FileV1, [][]byte) {
	p := spbe(t)
	canonical, err := p.CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	blobs := [][]byte{randomBytes(1, 10000), randomBytes(2, 300), randomBytes(3, 5000)}
	at := time.Date(2024, 9, 3, 10, 0, 0, 0, time.UTC)
	var history []migration2.ChangeV1
	prev := ""
	for i, c := range []model.Change{
		{At: at, By: "Rina", Indicator: 1, Field: model.FieldLevel, New: "3"},
		{At: at.Add(time.Minute), By: "Rina", Indicator: 45, Field: model.FieldSector, New: "Perizinan"},
	} {
		c.Seq = uint64(i + 1)
		c.Seal(prev)
		prev = c.Hash
		history = append(history, migration2.ChangeV1{Seq: c.Seq, At: c.At, By: c.By, Indicator: c.Indicator, Field: c.Field, Old: c.Old, New: c.New, Prev: c.Prev, Hash: c.Hash})
	}
	return migration2.FileV1{
		Identity: migration2.IdentityV1{ID: "6f1c2a8e-0d7b-4a55-9c1e-3b8f2d4e5a61", Role: "opd", Instansi: "Pemerintah Kota Pekalongan",
			Unit: "Dinas Komunikasi dan Informatika", Year: 2024, InstrumentID: p.ID, InstrumentHash: p.Hash(), Created: at},
		Pack: canonical,
		Answers: map[int]migration2.AnswerV1{
			1: {Value: 300, Fakta: "Perwal 12/2022 (a.pdf)", Analisis: "Tingkat 3 terpenuhi", By: "Rina", At: at, Evidence: []migration2.LinkV1{
				{SHA256: hexSum(blobs[0]), Name: "a.pdf", Title: "Perwal Arsitektur SPBE", DocNo: "12/2022", DocDate: "2022-03-01", Level: 3, By: "Rina", At: at},
				{SHA256: hexSum(blobs[1]), Name: "b.pdf", By: "Rina", At: at},
			}},
			// An answer that held nothing but a link.
			2:  {By: "Rina", At: at, Evidence: []migration2.LinkV1{{SHA256: hexSum(blobs[0]), Name: "salinan a.pdf", By: "Budi", At: at}}},
			45: {Value: 200, Sector: "Perizinan", By: "Rina", At: at},
		},
		Blobs:     blobs,
		ChunkSize: 4096,
		History:   history,
	}, blobs
}

func writeV1(t testing.TB, path string, f migration2.FileV1) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := migration2.WriteV1(db, f); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// rawVersion reads the schema version and whether the links bucket exists,
// straight from the file.
func rawVersion(t testing.TB, path string) (uint64, bool) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v uint64
	var links bool
	db.View(func(tx *bbolt.Tx) error {
		v = binary.BigEndian.Uint64(tx.Bucket(metaBucket.name).Get(keyVersion))
		links = tx.Bucket(linksBucket.name) != nil
		return nil
	})
	return v, links
}

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2024.swanilai")
	f, blobs := v1Fixture(t)
	writeV1(t, path, f)
	v1, _ := os.ReadFile(path)

	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	// The backup beside the file is the version-1 file, byte for byte in
	// content: bbolt's copy of the same pages.
	bak := path + ".v1.bak"
	if v, links := rawVersion(t, bak); v != 1 || links {
		t.Fatalf("backup has version %d, links bucket %v", v, links)
	}
	if b, _ := os.ReadFile(bak); len(b) == 0 || len(b) > len(v1) {
		t.Fatalf("backup %d bytes, original %d", len(b), len(v1))
	}

	id := w.Identity()
	if id.ID != f.Identity.ID || id.Year != 2024 || id.InstrumentHash != spbe(t).Hash() {
		t.Fatalf("identity %+v", id)
	}
	a, err := w.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answers) != 2 || a.Answers[1].Value != 300 || a.Answers[1].Fakta != "Perwal 12/2022 (a.pdf)" || a.Answers[45].Sector != "Perizinan" {
		t.Fatalf("answers %+v", a.Answers)
	}
	if len(a.Evidence) != 3 {
		t.Fatalf("evidence %+v", a.Evidence)
	}
	e := a.EvidenceFor(1)
	if len(e) != 2 || e[0].Name != "a.pdf" || e[0].Title != "Perwal Arsitektur SPBE" || e[0].DocDate != (model.Date{Year: 2022, Month: 3, Day: 1}) ||
		e[0].Level != 3 || e[0].Size != 10000 || e[1].Name != "b.pdf" {
		t.Fatalf("indicator 1 evidence %+v", e)
	}
	if e := a.EvidenceFor(2); len(e) != 1 || e[0].By != "Budi" || e[0].SHA256 != hexSum(blobs[0]) {
		t.Fatalf("indicator 2 evidence %+v", e)
	}
	if !bytes.Equal(readEvidence(t, w, hexSum(blobs[0])), blobs[0]) {
		t.Fatal("bytes of a.pdf")
	}
	// The file nobody linked is gone, chunks and all.
	if _, err := w.OpenEvidence(hexSum(blobs[2])); !errors.Is(err, ErrNoSuchEvidence) {
		t.Fatalf("unlinked file: %v", err)
	}
	if c := counts(t, w); c["blobs"] != 2 || c["chunks"] != 4 || c["pending"] != 0 || c["links"] != 3 {
		t.Fatalf("buckets %v", c)
	}
	h, _ := w.History(0)
	if len(h) != 2 || h[1].New != "Perizinan" {
		t.Fatalf("history %+v", h)
	}
	r := mustCheck(t, w)
	if r.Blobs != 2 || r.Links != 3 || r.HistoryEntries != 2 {
		t.Fatalf("report %+v", r)
	}
	// The links count: detaching one of the two links of a.pdf keeps it.
	if _, err := w.Detach("Rina", 2, hexSum(blobs[0])); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readEvidence(t, w, hexSum(blobs[0])), blobs[0]) {
		t.Fatal("a.pdf freed with a link left")
	}
	// Opening the migrated file again makes no second backup.
	os.Remove(bak)
	w = reopen(t, w)
	if _, err := os.Stat(bak); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("backup made for a current file")
	}
	mustCheck(t, w)
}

func TestMigrationFailureLeavesFileUnchanged(t *testing.T) {
	steps := map[string]func(tx *bbolt.Tx) error{
		"error": func(tx *bbolt.Tx) error {
			if err := migration2.Migrate(tx); err != nil {
				return err
			}
			return errors.New("langkah gagal")
		},
		"panic": func(tx *bbolt.Tx) error {
			if err := migration2.Migrate(tx); err != nil {
				return err
			}
			panic("langkah panik")
		},
	}
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	for name, step := range steps {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "2024.swanilai")
			f, _ := v1Fixture(t)
			writeV1(t, path, f)
			migrations = append([]migration{{version: 2, name: name, migrate: step}}, saved[1:]...)
			if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "langkah") {
				t.Fatalf("open: %v", err)
			}
			if v, links := rawVersion(t, path); v != 1 || links {
				t.Fatalf("after a failed migration: version %d, links bucket %v", v, links)
			}
			migrations = saved
			w, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			mustCheck(t, w)
		})
	}
}

func TestPlanMigration(t *testing.T) {
	step := func(v uint64) migration {
		return migration{version: v, name: "x", migrate: func(*bbolt.Tx) error { return nil }}
	}
	steps := []migration{step(2), step(3), step(5)}
	tests := []struct {
		name     string
		from, to uint64
		want     []uint64
		wantErr  error
		errText  string
	}{
		{name: "current", from: 3, to: 3},
		{name: "one step", from: 1, to: 2, want: []uint64{2}},
		{name: "two steps", from: 1, to: 3, want: []uint64{2, 3}},
		{name: "too new", from: 4, to: 3, wantErr: ErrSchemaTooNew},
		{name: "missing step", from: 3, to: 5, errText: "no migration to schema 4"},
		{name: "beyond the steps", from: 5, to: 6, errText: "no migration to schema 6"},
		{name: "version 0", from: 0, to: 2, wantErr: ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := planMigration(steps, tt.from, tt.to)
			switch {
			case tt.wantErr != nil || tt.errText != "":
				if (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) || (tt.errText != "" && (err == nil || !strings.Contains(err.Error(), tt.errText))) {
					t.Fatalf("got %v", err)
				}
				return
			case err != nil:
				t.Fatal(err)
			}
			var got []uint64
			for _, s := range plan {
				got = append(got, s.version)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("plan %v, want %v", got, tt.want)
			}
		})
	}
	// The real list plans every version up to the current one.
	if plan, err := planMigration(migrations, 1, schemaVersion); err != nil || len(plan) != int(schemaVersion-1) {
		t.Fatalf("real plan %d steps, %v", len(plan), err)
	}
}

func TestSchemaTooNew(t *testing.T) {
	w := newTestWorkspace(t)
	w.Close()
	db, err := bbolt.Open(w.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(metaBucket.name).Put(keyVersion, u64Key(schemaVersion+1)) })
	db.Close()
	_, err = Open(w.Path())
	var se *SchemaError
	if !errors.Is(err, ErrSchemaTooNew) || !errors.As(err, &se) || se.Version != schemaVersion+1 || se.Supported != schemaVersion {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "update Swanilai") {
		t.Fatalf("message %q", err)
	}
}
