package bundle

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
)

// coordinatorIdentity is the sender of the test assignments.
func coordinatorIdentity(t testing.TB) model.Identity {
	p := testPack(t)
	return model.Identity{ID: "7a0c5e2d-1b3f-4c8a-9e6d-2f4b8c0a1d35", Role: model.RoleCoordinator, Instansi: testInstansi,
		Unit: "Tim Asesor Internal", Year: testYear, InstrumentID: p.ID, InstrumentHash: p.Hash()}
}

// newAssignment returns an assignment of the test OPD by the coordinator
// whose key is k.
func newAssignment(t testing.TB, k model.PublicKey) *model.Assignment {
	p := testPack(t)
	return &model.Assignment{Code: "DISKOMINFO", Name: testUnit, Revision: 2, Instansi: testInstansi, Year: testYear,
		InstrumentID: p.ID, InstrumentHash: p.Hash(), Indicators: []int{11, 12, 45},
		Targets: map[int]model.Hundredths{11: 400, 12: 300}, TargetIndex: 420,
		Deadline: model.Date{Year: 2025, Month: 9, Day: 25}, Timeline: model.DefaultTimeline(testYear), Coordinator: k}
}

// writeAssignment returns the bundle of a signed with k.
func writeAssignment(t testing.TB, a *model.Assignment, k model.SigningKey) []byte {
	t.Helper()
	created, _ := time.Parse(time.RFC3339, testCreated)
	var buf bytes.Buffer
	err := WriteAssignment(t.Context(), &buf, a, testPack(t), AssignmentOptions{Signer: signer(t, k), Created: created.Add(1500 * time.Millisecond),
		AppVersion: "0.1.0-test", BundleID: "5d2e8f1a-3c4b-4a6d-8e9f-0a1b2c3d4e5f", Sender: coordinatorIdentity(t)})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAssignmentRoundTrip(t *testing.T) {
	k := loadKey(t, "other") // the coordinator's key
	a := newAssignment(t, k.Public)
	b := writeAssignment(t, a, k)
	if !a.Sent.Equal(time.Date(2025, 9, 20, 3, 0, 1, 0, time.UTC)) {
		t.Fatalf("sent %v: the bundle keeps whole seconds", a.Sent)
	}
	rd, err := open(t, b, model.PublicKey{})
	if err != nil {
		t.Fatal(err)
	}
	m := rd.Manifest()
	if m.Kind != KindAssignment || m.Revision != 2 || m.Sender.Unit != "Tim Asesor Internal" || !rd.Key().Equal(k.Public) || len(m.Files) != 2 {
		t.Fatalf("manifest %+v", m)
	}
	got, p, err := rd.Assignment(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if p.Hash() != testPack(t).Hash() {
		t.Fatal("the carried pack is not the instrument")
	}
	if !reflect.DeepEqual(got, a) {
		t.Fatalf("read back\n%+v\nwritten\n%+v", got, a)
	}
	if _, err := rd.Verify(t.Context(), nil, nil); !errors.Is(err, ErrKind) {
		t.Fatalf("an assignment read as a submission: %v", err)
	}
	// A submission read as an assignment.
	opd := loadKey(t, "opd")
	sub, err := open(t, newFixture(t, opd.Public, 1).write(t, opd, nil), model.PublicKey{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := sub.Assignment(t.Context()); !errors.Is(err, ErrKind) {
		t.Fatalf("a submission read as an assignment: %v", err)
	}
}

// TestAssignmentRefused reads assignment bundles changed after they were
// written: each is refused for its own fault, by the same checks as a
// submission.
func TestAssignmentRefused(t *testing.T) {
	k := loadKey(t, "other")
	valid := writeAssignment(t, newAssignment(t, k.Public), k)
	// edit changes a member and lists it again in a manifest signed with
	// signer's key.
	edit := func(member string, change func([]byte) []byte, signer model.SigningKey) []byte {
		return editMember(t, valid, member, change, signer)
	}
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
			find(es, AssignmentName).data = replaceOnce(t, find(es, AssignmentName).data, `"DISKOMINFO"`, `"BAPPEDA-01"`)
			return writeEntries(t, es)
		}(), ErrTampered},
		{"indicator not in the pack", edit(AssignmentName, replace(`  45`, `  99`), k), ErrContents},
		{"unknown field", edit(AssignmentName, replace(`"code":`, `"extra": 1, "code":`), k), ErrContents},
		{"revision differs from the manifest", edit(AssignmentName, replace(`"revision": 2`, `"revision": 3`), k), ErrContents},
		{"target out of range", edit(AssignmentName, replace(`"value": 4.00`, `"value": 7.00`), k), ErrContents},
		{"coordinator is not the signer", func() []byte {
			opd := loadKey(t, "opd")
			es := readEntries(t, writeAssignment(t, newAssignment(t, opd.Public), opd))
			e := find(es, AssignmentName)
			e.data = replaceOnce(t, e.data, PublicKeyText(opd.Public), PublicKeyText(k.Public))
			m := decodeJSON(t, find(es, ManifestName).data)
			relist(m, AssignmentName, e.data)
			return writeEntries(t, resign(t, es, encodeJSON(t, m), opd))
		}(), ErrContents},
		{"instrument changed", edit(InstrumentName, replace(`"Tata Kelola SPBE"`, `"Tata Kelola"`), k), ErrContents},
		{"evidence in an assignment", func() []byte {
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
				_, _, err = rd.Assignment(t.Context())
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestWriteAssignmentRefuses(t *testing.T) {
	k, other := loadKey(t, "other"), loadKey(t, "opd")
	created, _ := time.Parse(time.RFC3339, testCreated)
	tests := map[string]struct {
		change func(a *model.Assignment, o *AssignmentOptions)
	}{
		"signed by another key":   {func(a *model.Assignment, o *AssignmentOptions) { o.Signer = signer(t, other) }},
		"nothing assigned":        {func(a *model.Assignment, o *AssignmentOptions) { a.Indicators = nil }},
		"another instansi":        {func(a *model.Assignment, o *AssignmentOptions) { a.Instansi = "Pemerintah Kota Lain" }},
		"an OPD's workspace":      {func(a *model.Assignment, o *AssignmentOptions) { o.Sender.Role = model.RoleOPD }},
		"another instrument hash": {func(a *model.Assignment, o *AssignmentOptions) { a.InstrumentHash = hexSum([]byte("lain")) }},
		"no time":                 {func(a *model.Assignment, o *AssignmentOptions) { o.Created = time.Time{} }},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			a := newAssignment(t, k.Public)
			o := AssignmentOptions{Signer: signer(t, k), Created: created, Sender: coordinatorIdentity(t)}
			tt.change(a, &o)
			var buf bytes.Buffer
			if err := WriteAssignment(t.Context(), &buf, a, testPack(t), o); err == nil || buf.Len() != 0 {
				t.Fatalf("written: %v, %d B", err, buf.Len())
			}
		})
	}
}
