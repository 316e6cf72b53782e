package bundle

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/internal/testenv"
)

// needMinisign ends the test when the minisign tool is missing: a skip,
// or a failure under CI=true.
func needMinisign(t testing.TB) {
	t.Helper()
	testenv.NeedTool(t, "minisign", "minisign")
}

// extract writes the members of bundle b into dir.
func extract(t testing.TB, b []byte, dir string) {
	t.Helper()
	for _, e := range readEntries(t, b) {
		path := filepath.Join(dir, filepath.FromSlash(e.name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, e.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMinisignVerifiesOurBundles runs the reference tool over the manifest
// and signature of our bundles, as anyone can: `minisign -Vm manifest.json`.
func TestMinisignVerifiesOurBundles(t *testing.T) {
	needMinisign(t)
	useCheapSeal(t)
	plain := loadKey(t, "opd")
	sealed, err := ProtectKey(plain, "", "rahasia sekali")
	if err != nil {
		t.Fatal(err)
	}
	s, err := NewSigner(sealed, "rahasia sekali")
	if err != nil {
		t.Fatal(err)
	}
	for name, signer := range map[string]*Signer{"plain key": signer(t, plain), "key opened with its passphrase": s} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			f := newFixture(t, plain.Public, 1)
			var buf bytes.Buffer
			opts := WriteOptions{Signer: signer, Created: f.sub.Assessment.Evidence[0].At, Evidence: f.open}
			if _, err := Write(t.Context(), &buf, f.sub, opts); err != nil {
				t.Fatal(err)
			}
			extract(t, buf.Bytes(), dir)
			pub := filepath.Join(dir, "opd.pub")
			if err := os.WriteFile(pub, MarshalPublicKey(plain.Public), 0o644); err != nil {
				t.Fatal(err)
			}
			// -H: the signature must be of the prehashed form.
			for _, key := range [][]string{{"-P", PublicKeyText(plain.Public)}, {"-p", pub}} {
				cmd := exec.Command("minisign", append([]string{"-V", "-H", "-m", "manifest.json"}, key...)...)
				cmd.Dir = dir
				out, err := cmd.CombinedOutput()
				if err != nil {
					t.Fatalf("minisign %v: %v\n%s", key, err, out)
				}
				if !strings.Contains(string(out), "Signature and comment signature verified") ||
					!strings.Contains(string(out), "swanilai submission revisi 1: "+testUnit+", "+testInstansi) {
					t.Errorf("minisign said:\n%s", out)
				}
			}
			// And it refuses a manifest changed by one byte.
			manifest := filepath.Join(dir, "manifest.json")
			b, _ := os.ReadFile(manifest)
			os.WriteFile(manifest, bytes.Replace(b, []byte(`"revision": 1`), []byte(`"revision": 2`), 1), 0o644)
			cmd := exec.Command("minisign", "-V", "-m", "manifest.json", "-P", PublicKeyText(plain.Public))
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err == nil {
				t.Fatalf("minisign took a changed manifest:\n%s", out)
			}
		})
	}
}

// TestBundleSignedByMinisignTool reads a bundle whose manifest the
// reference tool signed: testdata/interop holds its members, as written by
// Write, and a manifest.json.minisig made by
//
//	minisign -S -s testdata/keys/opd.key -m manifest.json -t <trusted> -c <untrusted>
//
// (go test -run Interop -update remakes it).
func TestBundleSignedByMinisignTool(t *testing.T) {
	dir := filepath.Join("testdata", "interop")
	key := loadKey(t, "opd")
	if *update {
		needMinisign(t)
		os.RemoveAll(dir)
		extract(t, newFixture(t, key.Public, 1).write(t, key, minimalPDF), dir)
		cmd := exec.Command("minisign", "-S", "-s", filepath.Join("..", "keys", "opd.key"), "-m", ManifestName,
			"-t", "timestamp:1758337200\tfile:manifest.json\tditandatangani dengan alat minisign / signed by the minisign tool",
			"-c", untrustedPrefix+PublicKeyText(key.Public))
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("minisign: %v\n%s", err, out)
		}
	}
	var es []entry
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		es = append(es, entry{name: filepath.ToSlash(rel), data: data, mode: 0o644})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sig := find(es, SignatureName).data
	if _, err := parseSignature(sig); err != nil {
		t.Fatalf("the tool's signature is refused by the strict parser: %v\n%s", err, sig)
	}
	b := writeEntries(t, es)
	for name, given := range map[string]bool{"key named in the signature": false, "key given": true} {
		t.Run(name, func(t *testing.T) {
			opts := OpenOptions{}
			if given {
				opts.Key = key.Public
			}
			rd, err := Open(bytes.NewReader(b), int64(len(b)), opts)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(rd.TrustedComment(), "signed by the minisign tool") {
				t.Errorf("trusted comment %q", rd.TrustedComment())
			}
			if _, err := rd.Verify(t.Context(), testPack(t), nil); err != nil {
				t.Fatal(err)
			}
		})
	}
}
