package bundle

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/swanilai/swanilai/model"
)

// readerErrors are the errors Open and Verify may return; anything else
// from a bundle is a defect.
var readerErrors = []error{ErrNotBundle, ErrNested, ErrTooManyMembers, ErrNoSignature, ErrSignatureFormat, ErrUnknownKey,
	ErrWrongKey, ErrBadSignature, ErrManifest, ErrVersion, ErrKeyMismatch, ErrBadName, ErrNotRegular, ErrDuplicate,
	ErrUnlisted, ErrMissing, ErrUnsupported, ErrSize, ErrTampered, ErrContents, model.ErrSenderMismatch}

func knownError(err error) bool {
	for _, e := range readerErrors {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// verifyAll opens and verifies b, and reads every file back through
// OpenFile; it fails the test on an error of no known kind.
func verifyAll(t *testing.T, b []byte) {
	rd, err := Open(bytes.NewReader(b), int64(len(b)), OpenOptions{})
	var s *model.Submission
	if err == nil {
		s, err = rd.Verify(t.Context(), testPack(t), nil)
	}
	if err != nil {
		if !knownError(err) {
			t.Fatalf("error of no kind: %v", err)
		}
		return
	}
	// A verified bundle holds every file its links name, intact.
	for _, e := range s.Assessment.Evidence {
		rc, err := rd.OpenFile(e.SHA256)
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil || n != e.Size {
			t.Fatalf("%.12s: %d of %d bytes, %v", e.SHA256, n, e.Size, err)
		}
	}
}

// FuzzOpen feeds whole files to the reader; the seeds are the hostile
// corpus but for its two large files.
func FuzzOpen(f *testing.F) {
	entries, err := os.ReadDir(filepath.Join("testdata", "hostile"))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", "hostile", e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		if len(b) < 256<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) { verifyAll(t, b) })
}

// FuzzSignedBundle signs whatever manifest it is given, so that the
// fuzzer gets past the signature to the manifest, the member checks and
// assessment.json.
func FuzzSignedBundle(f *testing.F) {
	key := loadKey(f, "opd")
	valid := readEntries(f, newFixture(f, key.Public, 1).write(f, key, minimalPDF))
	manifest, contents := find(valid, ManifestName).data, find(valid, AssessmentName).data
	f.Add(manifest, contents)
	for _, tt := range manifestTests {
		f.Add(bytes.Replace(manifest, []byte(tt.old), []byte(tt.new), 1), contents)
	}
	f.Add(manifest, bytes.Replace(contents, []byte(`"indicator": 45`), []byte(`"indicator": 99`), 1))
	f.Add(manifest, bytes.Replace(contents, []byte(`"value": 3.00`), []byte(`"value": 7.00`), 1))
	f.Fuzz(func(t *testing.T, manifest, contents []byte) {
		es := append([]entry(nil), valid...)
		find(es, AssessmentName).data = contents
		es = resign(t, es, manifest, key)
		verifyAll(t, writeEntries(t, es))
	})
}
