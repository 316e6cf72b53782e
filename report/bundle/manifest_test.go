package bundle

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// validManifest returns the manifest of the test OPD's first revision.
func validManifest(t testing.TB) []byte {
	t.Helper()
	key := loadKey(t, "opd")
	f := newFixture(t, key.Public, 1)
	f.write(t, key, minimalPDF)
	return f.sub.Manifest
}

// manifestTests change the valid manifest by replacing old with new.
var manifestTests = []struct {
	name     string
	old, new string
	want     error
	text     string
}{
	{name: "valid", want: nil},
	{name: "not JSON", old: "{", new: "<", want: ErrManifest},
	{name: "data after the object", old: "}\n", new: "}\n{}", want: ErrManifest},
	{name: "duplicate key inside", old: `"unit": `, new: `"unit": "x", "unit": `, want: ErrManifest, text: "twice"},
	{name: "unknown field inside", old: `"unit": `, new: `"nip": "1", "unit": `, want: ErrManifest, text: "unknown field"},
	{name: "other format", old: `"swanilai.bundle"`, new: `"swanilai.review"`, want: ErrManifest},
	{name: "version as text", old: `"version": 1`, new: `"version": "1"`, want: ErrManifest},
	{name: "version 0", old: `"version": 1`, new: `"version": 0`, want: ErrManifest},
	{name: "newer version", old: `"version": 1`, new: `"version": 3`, want: ErrVersion},
	{name: "other kind", old: `"submission"`, new: `"review"`, want: ErrManifest, text: "kind"},
	{name: "bundle id not a UUID", old: `"bundle_id": "`, new: `"bundle_id": "x`, want: ErrManifest},
	{name: "revision 0", old: `"revision": 1`, new: `"revision": 0`, want: ErrManifest},
	{name: "year", old: `"year": 2025`, new: `"year": 1999`, want: ErrManifest},
	{name: "upper-case hash", old: `"sha256": "`, new: `"sha256": "A`, want: ErrManifest},
	{name: "member out of order", old: `"path": "assessment.json"`, new: `"path": "zzz.json"`, want: ErrManifest},
	{name: "member path with ..", old: `"path": "report.pdf"`, new: `"path": "../report.pdf"`, want: ErrManifest},
	{name: "unknown member", old: `"path": "report.pdf"`, new: `"path": "notes.txt"`, want: ErrManifest},
	{name: "no assessment", old: `"path": "assessment.json"`, new: `"path": "a.json"`, want: ErrManifest},
	{name: "negative size", old: `"size": 9000`, new: `"size": -9000`, want: ErrManifest},
	{name: "size over the limit", old: `"size": 9000`, new: `"size": 1099511627777`, want: ErrManifest},
	{name: "empty unit", old: `"unit": "` + testUnit + `"`, new: `"unit": " "`, want: ErrManifest},
	{name: "control character", old: `"unit": "Dinas`, new: `"unit": "\u0007Dinas`, want: ErrManifest},
	{name: "bad public key", old: `"public_key": "RW`, new: `"public_key": "RX`, want: ErrManifest},
	{name: "no created", old: `"created": "`, new: `"created": "0001-01-01T00:00:00Z", "x": "`, want: ErrManifest},
}

func TestParseManifest(t *testing.T) {
	valid := validManifest(t)
	for _, tt := range manifestTests {
		t.Run(tt.name, func(t *testing.T) {
			data := bytes.Replace(valid, []byte(tt.old), []byte(tt.new), 1)
			if tt.old != "" && bytes.Equal(data, valid) {
				t.Fatalf("%q is not in the manifest", tt.old)
			}
			m, err := ParseManifest(data)
			if !errors.Is(err, tt.want) || (tt.text != "" && !strings.Contains(err.Error(), tt.text)) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if err == nil {
				again, err := m.marshal()
				if err != nil || !bytes.Equal(again, data) {
					t.Fatalf("a parsed manifest writes back differently: %v\n%s", err, again)
				}
			}
		})
	}
}

func TestCheckName(t *testing.T) {
	for name, ok := range map[string]bool{
		"assessment.json": true, "evidence/ab": true, "a b.pdf": true, "Laporan Ringkas.pdf": true,
		"": false, "/etc/x": false, "../x": false, "a/../x": false, "./x": false, "a//b": false, "a/": false,
		`C:\x`: false, "C:x": false, `a\b`: false, "a\x00b": false, "a\nb": false, strings.Repeat("a", 256): false, "\xff": false,
	} {
		if err := checkName(name); (err == nil) != ok {
			t.Errorf("%q: %v", name, err)
		}
	}
}

// FuzzParseManifest checks that no input makes the parser fail other than
// with its errors, and that a manifest it takes writes back to itself.
func FuzzParseManifest(f *testing.F) {
	valid := validManifest(f)
	for _, tt := range manifestTests {
		f.Add(bytes.Replace(valid, []byte(tt.old), []byte(tt.new), 1))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest(data)
		if err != nil {
			if !errors.Is(err, ErrManifest) && !errors.Is(err, ErrVersion) {
				t.Fatalf("error of no kind: %v", err)
			}
			return
		}
		again, err := m.marshal()
		if err != nil {
			t.Fatal(err)
		}
		m2, err := ParseManifest(again)
		if err != nil || !reflect.DeepEqual(m, m2) {
			t.Fatalf("written back, the manifest reads %v, %v", m2, err)
		}
	})
}
