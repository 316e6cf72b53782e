package bundle

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
)

func open(t testing.TB, b []byte, key model.PublicKey) (*Reader, error) {
	t.Helper()
	return Open(bytes.NewReader(b), int64(len(b)), OpenOptions{Key: key})
}

func TestRoundTrip(t *testing.T) {
	key := loadKey(t, "opd")
	f := newFixture(t, key.Public, 2)
	want := *f.sub.Assessment
	b := f.write(t, key, minimalPDF)

	for name, given := range map[string]model.PublicKey{"named key": {}, "given key": key.Public} {
		t.Run(name, func(t *testing.T) {
			rd, err := open(t, b, given)
			if err != nil {
				t.Fatal(err)
			}
			if rd.KeyGiven() != !given.IsZero() || !rd.Key().Equal(key.Public) {
				t.Fatalf("key %v given %v", rd.Key(), rd.KeyGiven())
			}
			var last, total int64
			got, err := rd.Verify(t.Context(), testPack(t), func(done, all int64) { last, total = done, all })
			if err != nil {
				t.Fatal(err)
			}
			if last != total || total == 0 {
				t.Errorf("progress ended at %d of %d", last, total)
			}
			a := got.Assessment
			if !reflect.DeepEqual(a.Identity, withUTC(want.Identity)) || a.Officials != want.Officials || a.TargetIndex != want.TargetIndex ||
				!maps.Equal(a.Targets, want.Targets) || a.Pack != testPack(t) || a.Revision != 2 {
				t.Errorf("assessment\n got %+v\nwant %+v", a, want)
			}
			for no, w := range want.Answers {
				g := a.Answers[no]
				if g.Value != w.Value || g.Fakta != w.Fakta || g.Analisis != w.Analisis || g.Sector != w.Sector || g.By != w.By || !g.At.Equal(w.At) {
					t.Errorf("answer %d: got %+v, want %+v", no, g, w)
				}
			}
			if len(a.Answers) != len(want.Answers) || len(a.Evidence) != len(want.Evidence) {
				t.Fatalf("%d answers, %d links", len(a.Answers), len(a.Evidence))
			}
			for i, w := range want.Evidence {
				g := a.Evidence[i]
				g.At, w.At = g.At.UTC(), w.At.UTC()
				if g != w {
					t.Errorf("link %d: got %+v, want %+v", i, g, w)
				}
			}
			if got.Since != f.sub.Since || len(got.History) != 3 || got.History[2].Hash != f.sub.History[2].Hash {
				t.Errorf("history since %+v: %d entries", got.Since, len(got.History))
			}
			if got.Revision != 2 || got.BundleID != f.sub.BundleID || !got.Created.Equal(f.sub.Created) || got.AppVersion != "0.1.0-test" ||
				got.Report != hexSum(minimalPDF) || got.ReportSize != int64(len(minimalPDF)) || !bytes.Equal(got.Manifest, f.sub.Manifest) {
				t.Errorf("submission %+v", got)
			}
			// Every file reads back through OpenFile, checked.
			for sha, data := range f.files {
				rc, err := rd.OpenFile(sha)
				if err != nil {
					t.Fatal(err)
				}
				back, err := io.ReadAll(rc)
				rc.Close()
				if err != nil || !bytes.Equal(back, data) {
					t.Errorf("%.12s: %d bytes back, %v", sha, len(back), err)
				}
			}
			if rc, err := rd.OpenFile(hexSum(minimalPDF)); err != nil {
				t.Error(err)
			} else {
				rc.Close()
			}
		})
	}
}

func withUTC(id model.Identity) model.Identity {
	id.Created = id.Created.UTC()
	return id
}

func TestWriteIsDeterministicAndStreamsEvidence(t *testing.T) {
	key := loadKey(t, "opd")
	a := newFixture(t, key.Public, 1).write(t, key, nil)
	b := newFixture(t, key.Public, 1).write(t, key, nil)
	if !bytes.Equal(a, b) {
		t.Fatal("the same submission made two different bundles")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if strings.HasPrefix(f.Name, EvidencePrefix) && f.Method != zip.Store {
			t.Errorf("%s compressed with method %d: evidence is stored as it is", f.Name, f.Method)
		}
	}
	// The manifest and its signature come last, after the members they list.
	if n := len(names); n != 6 || names[0] != AssessmentName || names[n-2] != ManifestName || names[n-1] != SignatureName {
		t.Errorf("members %v", names)
	}
}

func TestWriteRefuses(t *testing.T) {
	key, other := loadKey(t, "opd"), loadKey(t, "other")
	created := time.Date(2025, 9, 20, 3, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		change func(f *fixture, o *WriteOptions)
		want   error
		text   string
	}{
		{name: "coordinator", change: func(f *fixture, _ *WriteOptions) { f.sub.Assessment.Identity.Role = model.RoleCoordinator }, want: model.ErrNotOPD},
		{name: "no unit", change: func(f *fixture, _ *WriteOptions) { f.sub.Assessment.Identity.Unit = " " }, want: model.ErrNoUnit},
		{name: "other signer", change: func(_ *fixture, o *WriteOptions) { o.Signer = signer(t, other) }, text: "is not the submission's"},
		{name: "no time", change: func(_ *fixture, o *WriteOptions) { o.Created = time.Time{} }, text: "no creation time"},
		{name: "evidence differs", change: func(f *fixture, _ *WriteOptions) {
			for sha := range f.files {
				f.files[sha] = append([]byte("x"), f.files[sha][1:]...)
			}
		}, text: "bytes differ from their SHA-256"},
		{name: "evidence missing", change: func(f *fixture, _ *WriteOptions) { clear(f.files) }, want: model.ErrNoSuchEvidence},
		{name: "report fails", change: func(_ *fixture, o *WriteOptions) {
			o.Report = func(io.Writer) error { return errors.New("font hilang") }
		}, text: "font hilang"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, key.Public, 1)
			opts := WriteOptions{Signer: signer(t, key), Created: created, Evidence: f.open}
			tt.change(f, &opts)
			_, err := Write(t.Context(), io.Discard, f.sub, opts)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || (tt.text != "" && !strings.Contains(err.Error(), tt.text)) {
				t.Fatalf("got %v", err)
			}
		})
	}
}

func TestWriteCancelled(t *testing.T) {
	key := loadKey(t, "opd")
	f := newFixture(t, key.Public, 1)
	ctx, cancel := context.WithCancel(t.Context())
	opts := WriteOptions{Signer: signer(t, key), Created: time.Now(), Evidence: f.open,
		// Cancel once the first evidence bytes are out.
		Progress: func(done, total int64) {
			if done > 10000 {
				cancel()
			}
		}}
	if _, err := Write(ctx, io.Discard, f.sub, opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
}

func TestWriteFile(t *testing.T) {
	key := loadKey(t, "opd")
	dir := t.TempDir()
	path := dir + "/kiriman.swanilai.zip"
	f := newFixture(t, key.Public, 1)
	opts := WriteOptions{Signer: signer(t, key), Created: time.Now(), Evidence: f.open}

	// A failing commit leaves nothing behind.
	if _, err := WriteFile(t.Context(), path, f.sub, opts, func(*model.Submission) error { return errors.New("disk penuh") }); err == nil {
		t.Fatal("commit error lost")
	}
	if left := dirNames(t, dir); len(left) != 0 {
		t.Fatalf("left behind: %v", left)
	}
	var committed *model.Submission
	sum, err := WriteFile(t.Context(), path, f.sub, opts, func(s *model.Submission) error {
		committed = s
		if names := dirNames(t, dir); len(names) != 1 || !strings.HasSuffix(names[0], ".tmp") {
			t.Errorf("at commit the directory holds %v, want only the temporary file", names)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if committed != f.sub || sum.Size == 0 || sum.Files != 3 || sum.Links != 4 || sum.Answered != 3 || sum.Indicators != 47 || sum.Report {
		t.Errorf("summary %+v", sum)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"kiriman.swanilai.zip"}) {
		t.Errorf("directory holds %v", names)
	}
}

func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestOpenSized: OpenSized leaves the hash to its caller but still stops
// at the declared size; OpenFile checks both.
func TestOpenSized(t *testing.T) {
	read := func(name string, sized bool) error {
		b, err := os.ReadFile("testdata/hostile/" + name)
		if err != nil {
			t.Fatal(err)
		}
		rd, err := open(t, b, model.PublicKey{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rd.manifest.Files {
			sha, ok := strings.CutPrefix(f.Path, EvidencePrefix)
			if !ok {
				continue
			}
			openFile := rd.OpenFile
			if sized {
				openFile = rd.OpenSized
			}
			rc, err := openFile(sha)
			if err != nil {
				t.Fatal(err)
			}
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
			if err != nil {
				return err
			}
		}
		return nil
	}
	if err := read("03-tampered-member.zip", false); !errors.Is(err, ErrTampered) {
		t.Errorf("OpenFile of a changed file: %v", err)
	}
	if err := read("03-tampered-member.zip", true); err != nil {
		t.Errorf("OpenSized of a changed file of the right size: %v", err)
	}
	for _, sized := range []bool{false, true} {
		if err := read("15-zip-bomb.zip", sized); !errors.Is(err, ErrSize) {
			t.Errorf("sized %v, the bomb: %v", sized, err)
		}
	}
	b, _ := os.ReadFile("testdata/hostile/valid-1.zip")
	rd, _ := open(t, b, model.PublicKey{})
	if _, err := rd.OpenSized(strings.Repeat("0", 64)); !errors.Is(err, model.ErrNoSuchEvidence) {
		t.Errorf("a file the bundle lacks: %v", err)
	}
}
