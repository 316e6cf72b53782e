package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aead.dev/minisign"

	"github.com/swanilai/swanilai/model"
)

// update regenerates the committed bundles: go test ./report/bundle -run 'Corpus|Interop' -update
var update = flag.Bool("update", false, "rewrite the bundles under testdata/hostile and testdata/interop")

// corpusCase is one bundle of the hostile corpus under testdata/hostile.
// The command tests import every one of them into a coordinator workspace
// and check that the file stays the same, byte for byte.
type corpusCase struct {
	name string
	make func(t testing.TB) []byte
	// key: open with the OPD's key given, as `verify --pubkey` does.
	key bool
	// want is the error Open or Verify (with the test pack) returns; nil
	// for a bundle that is valid on its own and is refused on import.
	want error
}

// Valid bundles of the corpus: revisions 1 and 2 of the test OPD. The
// command tests import valid-2 first, so that a coordinator has pinned the
// OPD's key and holds revision 2; the bad bundles are made from revision
// hostileRev, which that coordinator would import, so that each is refused
// for its own fault.
const (
	validFirst  = "valid-1.zip"
	validSecond = "valid-2.zip"
	hostileRev  = 3
)

func corpus() []corpusCase {
	valid := func(rev int) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			key := loadKey(t, "opd")
			return newFixture(t, key.Public, rev).write(t, key, minimalPDF)
		}
	}
	edit := func(rev int, change func(t testing.TB, es []entry) []entry) func(t testing.TB) []byte {
		return func(t testing.TB) []byte { return writeEntries(t, change(t, readEntries(t, valid(rev)(t)))) }
	}
	other := func(rev int, change func(a *model.Assessment)) func(t testing.TB) []byte {
		return func(t testing.TB) []byte {
			key := loadKey(t, "opd")
			f := newFixture(t, key.Public, rev)
			change(f.sub.Assessment)
			return f.write(t, key, minimalPDF)
		}
	}
	extra := func(name string, data []byte, mode fs.FileMode) func(t testing.TB, es []entry) []entry {
		return func(t testing.TB, es []entry) []entry {
			return append(es, entry{name: name, data: data, mode: mode})
		}
	}
	resigned := func(rev int, change func(t testing.TB, m map[string]any, es []entry) []entry) func(t testing.TB) []byte {
		return edit(rev, func(t testing.TB, es []entry) []entry {
			m := decodeJSON(t, find(es, ManifestName).data)
			es = change(t, m, es)
			return resign(t, es, encodeJSON(t, m), loadKey(t, "opd"))
		})
	}
	notulen := func(es []entry) *entry { // the 5000-byte evidence file whose bytes change with the revision
		for i := range es {
			if strings.HasPrefix(es[i].name, EvidencePrefix) && len(es[i].data) == 5000 {
				return &es[i]
			}
		}
		return nil
	}
	evidenceOf := func(es []entry, size int) *entry {
		for i := range es {
			if strings.HasPrefix(es[i].name, EvidencePrefix) && len(es[i].data) == size {
				return &es[i]
			}
		}
		panic("no such evidence")
	}
	return []corpusCase{
		{name: validFirst, make: valid(1)},
		{name: validSecond, make: valid(2)},
		{name: "01-wrong-key.zip", key: true, want: ErrWrongKey, make: func(t testing.TB) []byte {
			key := loadKey(t, "other")
			return newFixture(t, key.Public, 3).write(t, key, minimalPDF)
		}},
		{name: "02-tampered-manifest.zip", want: ErrBadSignature, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			m := find(es, ManifestName)
			m.data = replaceOnce(t, m.data, `"revision": 3,`, `"revision": 9,`)
			return es
		})},
		{name: "03-tampered-member.zip", want: ErrTampered, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			e := evidenceOf(es, 9000)
			e.data = bytes.Clone(e.data)
			e.data[100] ^= 1
			return es
		})},
		{name: "04-swapped-member.zip", want: ErrTampered, make: func(t testing.TB) []byte {
			es, from := readEntries(t, valid(hostileRev)(t)), readEntries(t, valid(2)(t))
			notulen(es).data = notulen(from).data
			return writeEntries(t, es)
		}},
		{name: "05-signature-of-other-file.zip", want: ErrBadSignature, make: func(t testing.TB) []byte {
			es, from := readEntries(t, valid(hostileRev)(t)), readEntries(t, valid(2)(t))
			find(es, SignatureName).data = find(from, SignatureName).data
			return writeEntries(t, es)
		}},
		{name: "06-truncated.zip", want: ErrNotBundle, make: func(t testing.TB) []byte {
			b := valid(hostileRev)(t)
			return b[:len(b)/2]
		}},
		{name: "07-not-a-zip.zip", want: ErrNotBundle, make: func(testing.TB) []byte { return minimalPDF }},
		{name: "08-path-dotdot.zip", want: ErrBadName, make: edit(hostileRev, extra("../x", []byte("x"), 0o644))},
		{name: "09-path-absolute.zip", want: ErrBadName, make: edit(hostileRev, extra("/etc/x", []byte("x"), 0o644))},
		{name: "10-path-drive.zip", want: ErrBadName, make: edit(hostileRev, extra(`C:\x`, []byte("x"), 0o644))},
		{name: "11-path-evidence-dotdot.zip", want: ErrBadName, make: edit(hostileRev, extra("evidence/../../x", []byte("x"), 0o644))},
		{name: "12-duplicate-member.zip", want: ErrDuplicate, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			return append(es, *find(es, AssessmentName))
		})},
		{name: "13-unlisted-member.zip", want: ErrUnlisted, make: edit(hostileRev, extra("catatan.txt", []byte("tidak tercantum"), 0o644))},
		{name: "14-missing-member.zip", want: ErrMissing, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			e := evidenceOf(es, 1200)
			return slices.DeleteFunc(es, func(x entry) bool { return x.name == e.name })
		})},
		// The manifest and the zip say 4096 bytes; the deflate stream
		// inflates to 1 GiB.
		{name: "15-zip-bomb.zip", want: ErrSize, make: func(t testing.TB) []byte {
			key := loadKey(t, "opd")
			f := newFixture(t, key.Public, hostileRev)
			zeros := make([]byte, 4096)
			f.sub.Assessment.Evidence = append(f.sub.Assessment.Evidence, model.Evidence{Indicator: 45, SHA256: hexSum(zeros), Size: 4096, Name: "kosong.bin", By: "Rina", At: f.sub.Assessment.Evidence[0].At})
			f.files[hexSum(zeros)] = zeros
			es := readEntries(t, f.write(t, key, minimalPDF))
			e := find(es, EvidencePrefix+hexSum(zeros))
			e.raw, e.rawSize = deflateZeros(t, 1<<30), 4096
			return writeEntries(t, es)
		}},
		{name: "16-huge-declared-size.zip", want: ErrSize, make: resigned(hostileRev, func(t testing.TB, m map[string]any, es []entry) []entry {
			for _, f := range m["files"].([]any) {
				if f := f.(map[string]any); f["size"] == json.Number("9000") {
					f["size"] = json.Number(fmt.Sprint(int64(MaxMemberSize)))
				}
			}
			return es
		})},
		{name: "17-many-members.zip", want: ErrTooManyMembers, make: func(t testing.TB) []byte {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for i := range 10000 {
				if _, err := zw.CreateRaw(&zip.FileHeader{Name: fmt.Sprintf("%04d", i), Method: zip.Store}); err != nil {
					t.Fatal(err)
				}
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{name: "18-nested-zip.zip", want: ErrNested, make: func(t testing.TB) []byte {
			return writeEntries(t, []entry{{name: "kiriman.swanilai.zip", data: valid(hostileRev)(t), mode: 0o644}})
		}},
		{name: "19-unknown-field.zip", want: ErrManifest, make: resigned(hostileRev, func(t testing.TB, m map[string]any, es []entry) []entry {
			m["comment"] = "kolom yang tidak dikenal"
			return es
		})},
		{name: "20-newer-version.zip", want: ErrVersion, make: resigned(hostileRev, func(t testing.TB, m map[string]any, es []entry) []entry {
			m["version"] = json.Number("2")
			m["signed_by_hsm"] = true
			return es
		})},
		{name: "21-replayed-revision.zip", make: valid(1)},
		{name: "22-other-instansi.zip", make: other(3, func(a *model.Assessment) { a.Identity.Instansi = "Pemerintah Kota Lain" })},
		{name: "23-other-year.zip", make: other(3, func(a *model.Assessment) { a.Identity.Year = testYear - 1 })},
		{name: "24-other-instrument.zip", want: model.ErrSenderMismatch, make: other(3, func(a *model.Assessment) {
			a.Identity.InstrumentHash = hexSum([]byte("instrumen lain"))
		})},
		{name: "25-empty.zip", want: ErrNotBundle, make: func(testing.TB) []byte { return nil }},
		{name: "26-directory-as-evidence.zip", want: ErrNotRegular, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			e := evidenceOf(es, 1200)
			e.name, e.data, e.mode = e.name+"/", nil, fs.ModeDir|0o755
			return es
		})},
		{name: "27-symlink.zip", want: ErrNotRegular, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			e := find(es, ReportName)
			e.data, e.mode = []byte("/etc/passwd"), fs.ModeSymlink|0o777
			return es
		})},
		{name: "28-unsigned.zip", want: ErrNoSignature, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			return slices.DeleteFunc(es, func(x entry) bool { return x.name == SignatureName })
		})},
		{name: "29-legacy-signature.zip", want: ErrSignatureFormat, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			priv := signer(t, loadKey(t, "opd")).private
			find(es, SignatureName).data = minisign.SignWithComments(priv, find(es, ManifestName).data, "timestamp:0", untrustedPrefix+PublicKeyText(loadKey(t, "opd").Public))
			return es
		})},
		{name: "30-garbage-signature.zip", want: ErrSignatureFormat, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			find(es, SignatureName).data = []byte("untrusted comment: tanda tangan\nbukan base64\ntrusted comment: x\n!!!\n")
			return es
		})},
		{name: "31-key-mismatch.zip", want: ErrKeyMismatch, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			m := find(es, ManifestName)
			return resign(t, es, m.data, loadKey(t, "other"))
		})},
		{name: "32-duplicate-json-key.zip", want: ErrManifest, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			m := find(es, ManifestName)
			raw := replaceOnce(t, m.data, `"revision": 3,`, `"revision": 3,`+"\n"+`  "revision": 7,`)
			return resign(t, es, raw, loadKey(t, "opd"))
		})},
		{name: "33-broken-history.zip", want: ErrContents, make: resigned(hostileRev, func(t testing.TB, m map[string]any, es []entry) []entry {
			a := find(es, AssessmentName)
			a.data = replaceOnce(t, a.data, `"new": "versi h"`, `"new": "versi H"`)
			relist(m, AssessmentName, a.data)
			return es
		})},
		{name: "34-unlinked-evidence.zip", want: ErrContents, make: resigned(hostileRev, func(t testing.TB, m map[string]any, es []entry) []entry {
			data := []byte("berkas yang tidak ditautkan")
			name := EvidencePrefix + hexSum(data)
			relist(m, name, data)
			return append(es, entry{name: name, data: data, mode: 0o644})
		})},
		{name: "35-encrypted-member.zip", want: ErrUnsupported, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			e := evidenceOf(es, 1200)
			e.flags = 0x1
			return es
		})},
		{name: "36-crlf-signature.zip", want: ErrSignatureFormat, make: edit(hostileRev, func(t testing.TB, es []entry) []entry {
			s := find(es, SignatureName)
			s.data = bytes.ReplaceAll(s.data, []byte("\n"), []byte("\r\n"))
			return es
		})},
	}
}

// TestCorpus opens and verifies every bundle of the hostile corpus, as
// `swanilai verify` does, and checks the error each is refused with.
func TestCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "hostile")
	cases := corpus()
	if *update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if err := os.WriteFile(filepath.Join(dir, c.name), c.make(t), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(cases) || len(cases) < 25+2 {
		t.Fatalf("%d files under %s, %d cases: run go test -run Corpus -update", len(entries), dir, len(cases))
	}
	opd := loadKey(t, "opd").Public
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, c.name))
			if err != nil {
				t.Fatal(err)
			}
			var key model.PublicKey
			if c.key {
				key = opd
			}
			src := &countingReader{r: bytes.NewReader(b)}
			rd, err := Open(src, int64(len(b)), OpenOptions{Key: key})
			if err == nil {
				_, err = rd.Verify(t.Context(), testPack(t), nil)
			}
			if c.want == nil {
				if err != nil {
					t.Fatalf("a bundle valid on its own is refused: %v", err)
				}
				return
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("got %v, want %v", err, c.want)
			}
			t.Log(err)
			// The bomb stops at its declared size: of its megabyte of
			// compressed data only the first kilobytes are read.
			if c.name == "15-zip-bomb.zip" && src.n > 256<<10 {
				t.Errorf("read %d of %d bytes of the bomb", src.n, len(b))
			}
		})
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.ReaderAt
	n int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n += int64(n)
	return n, err
}

// entry is one member of a zip being built by a test.
type entry struct {
	name  string
	data  []byte
	mode  fs.FileMode
	flags uint16
	// raw, when set, is written as the member's compressed data, deflated,
	// with rawSize as its declared size and the CRC of that many zeros.
	raw     []byte
	rawSize uint64
}

// replaceOnce replaces the first old in b by new; old must be there.
func replaceOnce(t testing.TB, b []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%q not found", old)
	}
	return bytes.Replace(b, []byte(old), []byte(new), 1)
}

func find(es []entry, name string) *entry {
	for i := range es {
		if es[i].name == name {
			return &es[i]
		}
	}
	panic("no member " + name)
}

func readEntries(t testing.TB, b []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var es []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		es = append(es, entry{name: f.Name, data: data, mode: f.Mode()})
	}
	return es
}

// writeEntries zips the entries in order, evidence stored, the rest
// deflated, all dated as the test bundles are.
func writeEntries(t testing.TB, es []entry) []byte {
	t.Helper()
	created, _ := time.Parse(time.RFC3339, testCreated)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range es {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: created}
		if strings.HasPrefix(e.name, EvidencePrefix) || e.mode&fs.ModeType != 0 {
			h.Method = zip.Store
		}
		h.SetMode(e.mode)
		var err error
		switch {
		case e.raw != nil:
			h.Method = zip.Deflate
			h.CRC32 = crc32.ChecksumIEEE(make([]byte, e.rawSize))
			h.CompressedSize64, h.UncompressedSize64 = uint64(len(e.raw)), e.rawSize
			var w io.Writer
			if w, err = zw.CreateRaw(h); err == nil {
				_, err = w.Write(e.raw)
			}
		case e.flags != 0:
			// A member that says it is encrypted: written raw, stored.
			h.Method, h.Flags = zip.Store, e.flags
			h.CRC32 = crc32.ChecksumIEEE(e.data)
			h.CompressedSize64, h.UncompressedSize64 = uint64(len(e.data)), uint64(len(e.data))
			var w io.Writer
			if w, err = zw.CreateRaw(h); err == nil {
				_, err = w.Write(e.data)
			}
		default:
			var w io.Writer
			if w, err = zw.CreateHeader(h); err == nil {
				_, err = w.Write(e.data)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflateZeros returns n zero bytes, deflated.
func deflateZeros(t testing.TB, n int) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	zeros := make([]byte, 1<<20)
	for i := 0; i < n; i += len(zeros) {
		fw.Write(zeros)
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodeJSON(t testing.TB, b []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

func encodeJSON(t testing.TB, m map[string]any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// relist sets the manifest's listing of path to data's hash and size,
// adding it in order when it is not listed.
func relist(m map[string]any, path string, data []byte) {
	files := m["files"].([]any)
	entry := map[string]any{"path": path, "sha256": hexSum(data), "size": json.Number(fmt.Sprint(len(data)))}
	for i, f := range files {
		if f.(map[string]any)["path"] == path {
			files[i] = entry
			return
		}
	}
	files = append(files, entry)
	slices.SortFunc(files, func(a, b any) int {
		return strings.Compare(a.(map[string]any)["path"].(string), b.(map[string]any)["path"].(string))
	})
	m["files"] = files
}

// editMember returns bundle b with its member changed by change and
// listed again in a manifest signed with signer's key: a bundle whose
// signature holds over contents its writer did not write.
func editMember(t testing.TB, b []byte, member string, change func([]byte) []byte, signer model.SigningKey) []byte {
	t.Helper()
	es := readEntries(t, b)
	e := find(es, member)
	e.data = change(bytes.Clone(e.data))
	m := decodeJSON(t, find(es, ManifestName).data)
	relist(m, member, e.data)
	return writeEntries(t, resign(t, es, encodeJSON(t, m), signer))
}

// resign replaces the manifest by raw, signed by k.
func resign(t testing.TB, es []entry, raw []byte, k model.SigningKey) []entry {
	t.Helper()
	find(es, ManifestName).data = raw
	find(es, SignatureName).data = sign(signer(t, k), raw, "timestamp:1758337200\tfile:manifest.json\tdiubah untuk uji / changed for a test")
	return es
}
