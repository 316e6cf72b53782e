package bundle

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
)

// newReview returns the coordinator's review of revision 2 of the test
// OPD: one answer accepted, one adjusted, one to revise.
func newReview(t testing.TB) *model.Review {
	created, _ := time.Parse(time.RFC3339, testCreated)
	at := created.Add(24 * time.Hour)
	return &model.Review{Code: "DISKOMINFO", Unit: testUnit, Instansi: testInstansi, Year: testYear, Revision: 2, By: "Sari",
		Decisions: []model.Decision{
			{Indicator: 1, Verdict: model.VerdictAccepted, Revision: 1, By: "Sari", At: at.Add(-time.Hour)},
			{Indicator: 11, Verdict: model.VerdictAdjusted, Level: 200, Fakta: "Notulen tanpa tanda tangan.",
				Analisis: "Kriteria tingkat 3 belum terpenuhi.\nTingkat 2 terpenuhi.", Justifikasi: "Tingkat 2 (Terkelola).", Revision: 2, By: "Sari", At: at},
			{Indicator: 45, Verdict: model.VerdictRevise, MissingEvidence: "SK layanan perizinan", Revision: 2, By: "Sari", At: at},
		}}
}

// writeReview returns the bundle of r signed with k.
func writeReview(t testing.TB, r *model.Review, k model.SigningKey) []byte {
	t.Helper()
	created, _ := time.Parse(time.RFC3339, testCreated)
	var buf bytes.Buffer
	err := WriteReview(t.Context(), &buf, r, ReviewOptions{Signer: signer(t, k), Created: created.Add(48*time.Hour + 700*time.Millisecond),
		AppVersion: "0.1.0-test", BundleID: "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f", Sender: coordinatorIdentity(t)})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReviewRoundTrip(t *testing.T) {
	k := loadKey(t, "other") // the coordinator's key
	r := newReview(t)
	b := writeReview(t, r, k)
	if !r.Sent.Equal(time.Date(2025, 9, 22, 3, 0, 0, 0, time.UTC)) {
		t.Fatalf("sent %v: the bundle keeps whole seconds", r.Sent)
	}
	rd, err := open(t, b, k.Public)
	if err != nil {
		t.Fatal(err)
	}
	m := rd.Manifest()
	if m.Kind != KindReview || m.Revision != 2 || m.Sender.Unit != "Tim Asesor Internal" || len(m.Files) != 1 || m.Files[0].Path != ReviewName {
		t.Fatalf("manifest %+v", m)
	}
	if !strings.Contains(rd.TrustedComment(), "swanilai review revisi 2: Tim Asesor Internal, "+testInstansi) {
		t.Fatalf("trusted comment %q", rd.TrustedComment())
	}
	got, err := rd.Review(t.Context(), testPack(t))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Fatalf("read back\n%+v\nwritten\n%+v", got, r)
	}
	// Read against another instrument, or as another kind.
	other, _ := model.BuiltinPack(model.DefaultPackID)
	if _, err := rd.Review(t.Context(), other); !errors.Is(err, model.ErrSenderMismatch) {
		t.Fatalf("against another instrument: %v", err)
	}
	if _, err := rd.Verify(t.Context(), nil, nil); !errors.Is(err, ErrKind) {
		t.Fatalf("a review read as a submission: %v", err)
	}
	if _, _, err := rd.Assignment(t.Context()); !errors.Is(err, ErrKind) {
		t.Fatalf("a review read as an assignment: %v", err)
	}
	a, err := open(t, writeAssignment(t, newAssignment(t, k.Public), k), model.PublicKey{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Review(t.Context(), testPack(t)); !errors.Is(err, ErrKind) {
		t.Fatalf("an assignment read as a review: %v", err)
	}
	// Checked against another key than the coordinator's.
	if _, err := open(t, b, loadKey(t, "opd").Public); !errors.Is(err, ErrWrongKey) {
		t.Fatalf("another key: %v", err)
	}
}

// TestReviewRefused reads review bundles changed after they were written:
// each is refused for its own fault.
func TestReviewRefused(t *testing.T) {
	k := loadKey(t, "other")
	valid := writeReview(t, newReview(t), k)
	edit := func(change func([]byte) []byte) []byte { return editMember(t, valid, ReviewName, change, k) }
	replace := func(old, new string) func([]byte) []byte {
		return func(b []byte) []byte { return replaceOnce(t, b, old, new) }
	}
	tests := []struct {
		name string
		b    []byte
		want error
	}{
		{"member changed", func() []byte {
			es := readEntries(t, valid)
			find(es, ReviewName).data = replaceOnce(t, find(es, ReviewName).data, `"level": 2.00`, `"level": 4.00`)
			return writeEntries(t, es)
		}(), ErrTampered},
		{"indicator not in the pack", edit(replace(`"indicator": 45`, `"indicator": 99`)), ErrContents},
		{"an indicator twice", edit(replace(`"indicator": 45`, `"indicator": 11`)), ErrContents},
		{"unknown verdict", edit(replace(`"verdict": "diterima"`, `"verdict": "mungkin"`)), ErrContents},
		{"a level for an accepted answer", edit(replace(`"level": 0.00`, `"level": 3.00`)), ErrContents},
		{"adjusted without a note", edit(func(b []byte) []byte {
			for _, f := range []string{`"analisis": "Kriteria tingkat 3 belum terpenuhi.\nTingkat 2 terpenuhi."`, `"justifikasi": "Tingkat 2 (Terkelola)."`} {
				b = replaceOnce(t, b, f, strings.SplitN(f, ":", 2)[0]+`: ""`)
			}
			return b
		}), ErrContents},
		{"a decision on a later revision", edit(replace(`"revision": 1`, `"revision": 3`)), ErrContents},
		{"revision differs from the manifest", edit(replace(`"revision": 2,`+"\n"+` "decisions"`, `"revision": 1,`+"\n"+` "decisions"`)), ErrContents},
		{"unknown field", edit(replace(`"code":`, `"extra": 1, "code":`)), ErrContents},
		{"an unreadable code", edit(replace(`"DISKOMINFO"`, `"dinas kominfo"`)), ErrContents},
		{"no decisions", edit(func(b []byte) []byte {
			i, j := bytes.Index(b, []byte(`"decisions": [`)), bytes.Index(b, []byte(`"sent"`))
			return append(append(b[:i:i], `"decisions": [],`+"\n "...), b[j:]...)
		}), ErrContents},
		{"evidence in a review", func() []byte {
			es := readEntries(t, valid)
			data := []byte("lampiran")
			es = append(es, entry{name: EvidencePrefix + hexSum(data), data: data})
			m := decodeJSON(t, find(es, ManifestName).data)
			relist(m, EvidencePrefix+hexSum(data), data)
			return writeEntries(t, resign(t, es, encodeJSON(t, m), k))
		}(), ErrManifest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd, err := open(t, tt.b, model.PublicKey{})
			if err == nil {
				_, err = rd.Review(t.Context(), testPack(t))
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestWriteReviewRefuses(t *testing.T) {
	k := loadKey(t, "other")
	created, _ := time.Parse(time.RFC3339, testCreated)
	tests := map[string]func(r *model.Review, o *ReviewOptions){
		"no decisions":       func(r *model.Review, o *ReviewOptions) { r.Decisions = nil },
		"another instansi":   func(r *model.Review, o *ReviewOptions) { r.Instansi = "Pemerintah Kota Lain" },
		"another year":       func(r *model.Review, o *ReviewOptions) { r.Year = 2024 },
		"an OPD's workspace": func(r *model.Review, o *ReviewOptions) { o.Sender.Role = model.RoleOPD },
		"no revision":        func(r *model.Review, o *ReviewOptions) { r.Revision = 0 },
		"no signer":          func(r *model.Review, o *ReviewOptions) { o.Signer = nil },
		"no time":            func(r *model.Review, o *ReviewOptions) { o.Created = time.Time{} },
	}
	for name, change := range tests {
		t.Run(name, func(t *testing.T) {
			r := newReview(t)
			o := ReviewOptions{Signer: signer(t, k), Created: created, Sender: coordinatorIdentity(t)}
			change(r, &o)
			var buf bytes.Buffer
			if err := WriteReview(t.Context(), &buf, r, o); err == nil || buf.Len() != 0 {
				t.Fatalf("written: %v, %d B", err, buf.Len())
			}
		})
	}
}

// TestAnswersReview: a submission says which review it answers, and a
// reader refuses one that answers the review of its own revision or a
// later one.
func TestAnswersReview(t *testing.T) {
	k := loadKey(t, "opd")
	f := newFixture(t, k.Public, 2)
	f.sub.AnswersReview = 1
	b := f.write(t, k, nil)
	rd, err := open(t, b, k.Public)
	if err != nil {
		t.Fatal(err)
	}
	s, err := rd.Verify(t.Context(), testPack(t), nil)
	if err != nil || s.AnswersReview != 1 {
		t.Fatalf("answers review %d, %v", s.AnswersReview, err)
	}
	answersOwn := editMember(t, b, AssessmentName, func(d []byte) []byte {
		return replaceOnce(t, d, `"answers_review": 1`, `"answers_review": 2`)
	}, k)
	rd, err = open(t, answersOwn, k.Public)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rd.Verify(t.Context(), testPack(t), nil); !errors.Is(err, ErrContents) {
		t.Fatalf("answers the review of its own revision: %v", err)
	}
	// A submission that answers none leaves the field out, as before.
	if plain := newFixture(t, k.Public, 2).write(t, k, nil); bytes.Contains(plain, []byte("answers_review")) {
		t.Fatal("answers_review written for a submission that answers no review")
	}
}

// FuzzReview signs whatever review.json it is given, so that the fuzzer
// reaches the review's decoder: it returns a known error, or a review each
// of whose decisions the instrument allows.
func FuzzReview(f *testing.F) {
	k := loadKey(f, "other")
	valid := readEntries(f, writeReview(f, newReview(f), k))
	contents := find(valid, ReviewName).data
	f.Add(contents)
	for _, tt := range [][2]string{{`"indicator": 45`, `"indicator": 99`}, {`"level": 2.00`, `"level": 2.50`}, {`"verdict": "diterima"`, `"verdict": ""`},
		{`"revision": 1`, `"revision": -1`}, {`"sent"`, `"sent_at"`}} {
		f.Add(bytes.Replace(contents, []byte(tt[0]), []byte(tt[1]), 1))
	}
	f.Fuzz(func(t *testing.T, contents []byte) {
		es := append([]entry(nil), valid...)
		find(es, ReviewName).data = contents
		m := decodeJSON(t, find(es, ManifestName).data)
		relist(m, ReviewName, contents)
		b := writeEntries(t, resign(t, es, encodeJSON(t, m), k))
		rd, err := Open(bytes.NewReader(b), int64(len(b)), OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		r, err := rd.Review(t.Context(), testPack(t))
		if err != nil {
			if !knownError(err) {
				t.Fatalf("error of no kind: %v", err)
			}
			return
		}
		for _, d := range r.Decisions {
			if err := d.Check(testPack(t)); err != nil {
				t.Fatalf("a decision read back the instrument does not allow: %v", err)
			}
		}
	})
}
