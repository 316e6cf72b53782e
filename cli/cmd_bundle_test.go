package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

// testReport is a complete one-page PDF, standing in for the OPD report
// that package report renders, in the tests that are about the bundle.
var testReport = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// withReport makes exports carry testReport for the test, and checks the
// assessment handed to the report is the exported one.
func withReport(t *testing.T, unit string) {
	saved := roundtrip.OPDReport
	roundtrip.OPDReport = func(_ context.Context, w io.Writer, a *model.Assessment, opts report.Options) error {
		if a.Identity.Unit != unit || opts.Generated.IsZero() {
			t.Errorf("report of %q at %v", a.Identity.Unit, opts.Generated)
		}
		_, err := w.Write(testReport)
		return err
	}
	t.Cleanup(func() { roundtrip.OPDReport = saved })
}

// runFails runs a command line that must fail with one line on stderr
// containing want.
func runFails(t *testing.T, want string, args ...string) {
	t.Helper()
	code, out, errs := runCLI(t, "", args...)
	if code != 1 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, want) || strings.Contains(errs, "goroutine") {
		t.Fatalf("%v: exit %d\nstdout %q\nstderr %q\nwant %q", args, code, out, errs, want)
	}
}

func randomFile(t *testing.T, path string, seed uint64, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	rand.NewChaCha8([32]byte{byte(seed)}).Read(b)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return b
}

func openStore(t *testing.T, path string) *store.Workspace {
	t.Helper()
	w, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// TestSubmissionRoundTrip sends an OPD's work to its coordinator through
// the commands, and compares the coordinator's copy with the OPD's: every
// answer, explanation and evidence byte.
func TestSubmissionRoundTrip(t *testing.T) {
	const unit = "Dinas Komunikasi dan Informatika"
	withReport(t, unit)
	dir := t.TempDir()
	opd, coord := filepath.Join(dir, "opd.swanilai"), filepath.Join(dir, "kota.swanilai")
	mustRun(t, "init", "-w", opd, "--role", "opd", "--instansi", "Pemerintah Kota Pekalongan", "--unit", unit, "--year", "2025", "--by", "Rina")
	mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Asesor Internal", "--year", "2025", "--by", "Sari")
	mustRun(t, "set", "-w", opd, "--by", "Rina", "1", "3", "--fakta", "Perwal 12/2022 (perwal.pdf) menetapkan Arsitektur SPBE.", "--analisis", "Kriteria tingkat 3 terpenuhi.")
	mustRun(t, "set", "-w", opd, "--by", "Rina", "45", "2", "--sektor", "Perizinan", "--fakta", "Layanan perizinan daring (foto.png).")
	randomFile(t, filepath.Join(dir, "perwal.pdf"), 1, 300000)
	randomFile(t, filepath.Join(dir, "foto.png"), 2, 7000)
	mustRun(t, "attach", "-w", opd, "--by", "Rina", "1", filepath.Join(dir, "perwal.pdf"), "--title", "Perwal Arsitektur SPBE", "--doc-no", "12 Tahun 2022", "--doc-date", "2022-03-01", "--level", "3")
	mustRun(t, "attach", "-w", opd, "--by", "Rina", "11", filepath.Join(dir, "perwal.pdf"))
	mustRun(t, "attach", "-w", opd, "--by", "Rina", "45", filepath.Join(dir, "foto.png"))

	first := filepath.Join(dir, "kominfo-1.swanilai.zip")
	out := mustRun(t, "export", "-w", opd, "-o", first)
	for _, want := range []string{"Bundel ditulis / bundle written: " + first, "Revisi        1 ", "2 dari 47 indikator", "3 tautan, 2 berkas",
		"entri sejak awal", "Laporan PDF   " + model.SizeText(int64(len(testReport))), "PERINGATAN / WARNING  indikator 45"} {
		if !strings.Contains(out, want) {
			t.Errorf("export output lacks %q:\n%s", want, out)
		}
	}
	out = mustRun(t, "verify", first)
	if !strings.Contains(out, "Bundel sah / bundle is valid") || !strings.Contains(out, "BELUM DIPASTIKAN") || !strings.Contains(out, "2 jawaban, 3 tautan bukti dukung, 2 berkas") {
		t.Errorf("verify:\n%s", out)
	}
	out = mustRun(t, "import", "-w", coord, "--by", "Sari", first)
	if !strings.Contains(out, "Diimpor / imported: "+first) || !strings.Contains(out, "kiriman pertama") || !strings.Contains(out, "Kunci baru disematkan") ||
		!strings.Contains(out, "3 berkas, 3 disimpan") || !strings.Contains(out, "1 diimpor, 0 ditolak") {
		t.Errorf("import:\n%s", out)
	}
	compareWithOPD(t, opd, coord, unit, 1)

	// A second round: one answer changed, one file added; the history the
	// bundle carries starts where the first ended.
	mustRun(t, "set", "-w", opd, "--by", "Rina", "1", "4", "--fakta", "Perwal 12/2022 (perwal.pdf) dan SK Tim (sk.pdf).")
	randomFile(t, filepath.Join(dir, "sk.pdf"), 3, 20000)
	mustRun(t, "attach", "-w", opd, "--by", "Rina", "1", filepath.Join(dir, "sk.pdf"))
	second := filepath.Join(dir, "kominfo-2.swanilai.zip")
	if out := mustRun(t, "export", "-w", opd, "-o", second); !strings.Contains(out, "Revisi        2 ") || !strings.Contains(out, "3 entri sejak ekspor sebelumnya") {
		t.Errorf("second export:\n%s", out)
	}
	out = mustRun(t, "import", "-w", coord, "--by", "Sari", second)
	if !strings.Contains(out, "sebelumnya / previously 1") || strings.Contains(out, "Kunci") ||
		!strings.Contains(out, "riwayat bersambung") || !strings.Contains(out, "4 berkas, 1 disimpan") {
		t.Errorf("second import:\n%s", out)
	}
	compareWithOPD(t, opd, coord, unit, 2)
	// Both again: each was imported before, which is no failure.
	out = mustRun(t, "import", "-w", coord, first, second)
	if !strings.Contains(out, "Sudah diimpor / already imported: "+first) || !strings.Contains(out, "0 diimpor, 0 ditolak, 2 sudah diimpor") {
		t.Errorf("imported again:\n%s", out)
	}
	if out := mustRun(t, "check", "-w", coord); !strings.Contains(out, "Berkas kerja utuh") {
		t.Errorf("check:\n%s", out)
	}
}

// compareWithOPD checks that revision rev in the coordinator's workspace is
// what the OPD's workspace holds.
func compareWithOPD(t *testing.T, opdPath, coordPath, unit string, rev int) {
	t.Helper()
	opd, coord := openStore(t, opdPath), openStore(t, coordPath)
	want, err := opd.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	got, err := coord.Submission(unit, 0)
	if err != nil {
		t.Fatal(err)
	}
	a := got.Assessment
	if got.Revision != rev || a.Revision != rev || want.Revision != rev || a.Identity != want.Identity || a.KeyFingerprint != want.KeyFingerprint {
		t.Fatalf("revision %d/%d/%d, identity %+v", got.Revision, a.Revision, want.Revision, a.Identity)
	}
	if !reflect.DeepEqual(a.Answers, want.Answers) {
		t.Errorf("answers\n got %+v\nwant %+v", a.Answers, want.Answers)
	}
	if !reflect.DeepEqual(a.Evidence, want.Evidence) {
		t.Errorf("evidence\n got %+v\nwant %+v", a.Evidence, want.Evidence)
	}
	for _, e := range want.Evidence {
		if !bytes.Equal(readAll(t, coord, e.SHA256), readAll(t, opd, e.SHA256)) {
			t.Errorf("%s: the coordinator's bytes differ", e.Name)
		}
	}
	if sum := sha256.Sum256(testReport); got.Report != hex.EncodeToString(sum[:]) || !bytes.Equal(readAll(t, coord, got.Report), testReport) {
		t.Errorf("report %s", got.Report)
	}
	history, _ := opd.History(0)
	if got.Head() != (model.ChainHead{Seq: history[len(history)-1].Seq, Hash: history[len(history)-1].Hash}) {
		t.Errorf("history head %+v", got.Head())
	}
	opd.Close()
	coord.Close()
}

func readAll(t *testing.T, w *store.Workspace, sha string) []byte {
	t.Helper()
	rc, err := w.OpenEvidence(sha)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hostile is the hostile corpus of package bundle, made by its tests.
var hostile = filepath.Join("..", "report", "bundle", "testdata", "hostile")

// importRefusals is the error each bundle of the hostile corpus is refused
// with on import into a coordinator that holds revision 2 of the test OPD.
var importRefusals = map[string]error{
	"valid-1.zip":                    model.ErrReplay,
	"valid-2.zip":                    model.ErrReplay,
	"01-wrong-key.zip":               model.ErrKeyChanged,
	"02-tampered-manifest.zip":       bundle.ErrBadSignature,
	"03-tampered-member.zip":         bundle.ErrTampered,
	"04-swapped-member.zip":          bundle.ErrTampered,
	"05-signature-of-other-file.zip": bundle.ErrBadSignature,
	"06-truncated.zip":               bundle.ErrNotBundle,
	"07-not-a-zip.zip":               bundle.ErrNotBundle,
	"08-path-dotdot.zip":             bundle.ErrBadName,
	"09-path-absolute.zip":           bundle.ErrBadName,
	"10-path-drive.zip":              bundle.ErrBadName,
	"11-path-evidence-dotdot.zip":    bundle.ErrBadName,
	"12-duplicate-member.zip":        bundle.ErrDuplicate,
	"13-unlisted-member.zip":         bundle.ErrUnlisted,
	"14-missing-member.zip":          bundle.ErrMissing,
	"15-zip-bomb.zip":                bundle.ErrSize,
	"16-huge-declared-size.zip":      bundle.ErrSize,
	"17-many-members.zip":            bundle.ErrTooManyMembers,
	"18-nested-zip.zip":              bundle.ErrNested,
	"19-unknown-field.zip":           bundle.ErrManifest,
	"20-newer-version.zip":           bundle.ErrVersion,
	"21-replayed-revision.zip":       model.ErrReplay,
	"22-other-instansi.zip":          model.ErrSenderMismatch,
	"23-other-year.zip":              model.ErrSenderMismatch,
	"24-other-instrument.zip":        model.ErrSenderMismatch,
	"25-empty.zip":                   bundle.ErrNotBundle,
	"26-directory-as-evidence.zip":   bundle.ErrNotRegular,
	"27-symlink.zip":                 bundle.ErrNotRegular,
	"28-unsigned.zip":                bundle.ErrNoSignature,
	"29-legacy-signature.zip":        bundle.ErrSignatureFormat,
	"30-garbage-signature.zip":       bundle.ErrSignatureFormat,
	"31-key-mismatch.zip":            bundle.ErrKeyMismatch,
	"32-duplicate-json-key.zip":      bundle.ErrManifest,
	"33-broken-history.zip":          bundle.ErrContents,
	"34-unlinked-evidence.zip":       bundle.ErrContents,
	"35-encrypted-member.zip":        bundle.ErrUnsupported,
	"36-crlf-signature.zip":          bundle.ErrSignatureFormat,
}

// refusedWhileStored are the bundles of the hostile corpus whose fault is
// in a file the coordinator does not hold yet: it is found while the file
// is stored, which is the one time the file is read, and what was written
// of it is removed again. The workspace holds what it held, but its file
// is not the same byte for byte (pages were used and freed).
var refusedWhileStored = map[string]bool{"04-swapped-member.zip": true, "15-zip-bomb.zip": true}

// corpusCoordinator makes a coordinator workspace that imports the bundles
// of the hostile corpus: for their instansi and year, with their
// instrument, the test pack of package bundle.
func corpusCoordinator(t *testing.T) string {
	t.Helper()
	packJSON, err := os.ReadFile(filepath.Join("..", "report", "bundle", "testdata", "pack.json"))
	if err != nil {
		t.Fatal(err)
	}
	pack, err := model.ParsePackBytes(packJSON)
	if err != nil {
		t.Fatal(err)
	}
	coord := filepath.Join(t.TempDir(), "kota-contoh.swanilai")
	w, err := store.Create(coord, store.CreateOptions{Role: model.RoleCoordinator, Instansi: "Pemerintah Kota Contoh", Unit: "Tim Asesor Internal",
		Year: 2025, Pack: pack, By: "Sari"})
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	return coord
}

// TestImportHostileCorpus imports every bundle of the hostile corpus into
// a coordinator workspace and checks the error, and that the workspace
// file is the same afterwards: byte for byte, or for a fault found while
// storing, the same contents and no trace of the refused bundle.
func TestImportHostileCorpus(t *testing.T) {
	coord := corpusCoordinator(t)
	openStore(t, coord).Close()
	// The coordinator has pinned the test OPD's key and holds revision 2.
	mustRun(t, "import", "-w", coord, "--by", "Sari", filepath.Join(hostile, "valid-2.zip"))

	entries, err := os.ReadDir(hostile)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(importRefusals) {
		t.Fatalf("%d bundles under %s, %d expected refusals", len(entries), hostile, len(importRefusals))
	}
	for _, e := range entries {
		t.Run(e.Name(), func(t *testing.T) {
			want, ok := importRefusals[e.Name()]
			if !ok {
				t.Fatal("no expected refusal for this bundle")
			}
			before, err := os.ReadFile(coord)
			if err != nil {
				t.Fatal(err)
			}
			w, err := store.Open(coord)
			if err != nil {
				t.Fatal(err)
			}
			held := contents(t, w)
			_, err = roundtrip.ImportBundle(t.Context(), w, filepath.Join(hostile, e.Name()), roundtrip.ImportOptions{By: "Sari"})
			if !errors.Is(err, want) {
				t.Fatalf("got %v, want %v", err, want)
			}
			if now := contents(t, w); now != held {
				t.Fatalf("the refused bundle changed the workspace:\n%s\nwas\n%s", now, held)
			}
			w.Close()
			after, err := os.ReadFile(coord)
			if err != nil {
				t.Fatal(err)
			}
			if !refusedWhileStored[e.Name()] && !bytes.Equal(before, after) {
				t.Fatal("the refused bundle changed the coordinator's workspace file")
			}
		})
	}
	// On the command line: one line per bundle, a summary, and one line
	// on stderr when any was refused.
	code, out, errs := runCLI(t, "", "import", "-w", coord, "--by", "Sari", filepath.Join(hostile, "03-tampered-member.zip"), filepath.Join(hostile, "01-wrong-key.zip"))
	if code != 1 || errs != "swanilai: berkas ditolak: 2, lihat di atas / files refused: 2, see above\n" ||
		!strings.Contains(out, "Ditolak / refused: "+filepath.Join(hostile, "03-tampered-member.zip")+" — berkas telah diubah setelah ditandatangani / file changed after it was signed: evidence/") ||
		!strings.Contains(out, "(--accept-new-key)") || !strings.Contains(out, "0 diimpor, 2 ditolak") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	// Accepted explicitly, the bundle signed by the new key is imported.
	out = mustRun(t, "import", "-w", coord, "--by", "Sari", "--accept-new-key", filepath.Join(hostile, "01-wrong-key.zip"))
	if !strings.Contains(out, "Kunci DIGANTI / key REPLACED") || !strings.Contains(out, "revisi 3 (sebelumnya / previously 2)") {
		t.Fatalf("accepted:\n%s", out)
	}
}

// contents describes what a workspace holds, for comparing before and
// after a refused import: its submissions, history, evidence and chunks,
// and the problems Check finds.
func contents(t *testing.T, w *store.Workspace) string {
	t.Helper()
	subs, err := w.Submitters()
	if err != nil {
		t.Fatal(err)
	}
	h, err := w.History(0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.Check(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var revs []string
	for _, o := range subs {
		for _, rev := range o.Revisions {
			revs = append(revs, fmt.Sprintf("%s %d %s", o.Unit, rev.Revision, rev.BundleID))
		}
	}
	return fmt.Sprintf("submissions %v, key %s, history %d, blobs %d (%d B), links %d, problems %v",
		revs, subs[0].Key.Fingerprint(), len(h), r.Blobs, r.BlobBytes, r.Links, r.Problems)
}

func TestKeyCommands(t *testing.T) {
	dir := t.TempDir()
	ws := initWorkspace(t, dir)
	w := openStore(t, ws)
	key, err := w.SigningKey()
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	out := mustRun(t, "key", "-w", ws, "show")
	for _, want := range []string{key.Public.Fingerprint(), bundle.PublicKeyText(key.Public), key.Public.IDText(), "Kata sandi    tidak / no"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	pub := filepath.Join(dir, "diskominfo.pub")
	mustRun(t, "key", "-w", ws, "export", "-o", pub)
	if b, _ := os.ReadFile(pub); !bytes.Equal(b, bundle.MarshalPublicKey(key.Public)) {
		t.Fatalf("public key file %q", b)
	}
	runFails(t, "-o", "key", "-w", ws, "export")
	runFails(t, "pemakaian / usage: swanilai key", "key", "-w", ws, "rotate")

	// Protect the key. Sealing it at minisign's full cost takes seconds
	// and a gigabyte, so the test seals it cheaply in the same format; the
	// commands open it as they open any sealed key.
	w = openStore(t, ws)
	seal, err := bundle.SealKey(key.Public.ID, key.Private, "kata sandi benar", bundle.SealCheapest)
	if err != nil {
		t.Fatal(err)
	}
	sealed := model.SigningKey{Public: key.Public, Sealed: seal}
	if err := w.SetSigningKey(sealed); err != nil {
		t.Fatal(err)
	}
	w.Close()
	good, bad, short := filepath.Join(dir, "benar.txt"), filepath.Join(dir, "salah.txt"), filepath.Join(dir, "pendek.txt")
	os.WriteFile(good, []byte("kata sandi benar\r\n"), 0o600)
	os.WriteFile(bad, []byte("kata sandi salah\n"), 0o600)
	os.WriteFile(short, []byte("pendek\n"), 0o600)
	if out := mustRun(t, "key", "-w", ws, "show"); !strings.Contains(out, "Kata sandi    ya / yes") {
		t.Errorf("show:\n%s", out)
	}
	bundlePath := filepath.Join(dir, "kiriman.swanilai.zip")
	runFails(t, "berikan --passphrase-file", "export", "-w", ws, "-o", bundlePath)
	runFails(t, "kata sandi salah / wrong passphrase", "export", "-w", ws, "-o", bundlePath, "--passphrase-file", bad)
	// Refused exports take no revision number.
	if out := mustRun(t, "export", "-w", ws, "-o", bundlePath, "--passphrase-file", good); !strings.Contains(out, "Revisi        1 ") {
		t.Errorf("export:\n%s", out)
	}
	mustRun(t, "verify", bundlePath, "--pubkey", pub)
	runFails(t, "terlalu pendek", "key", "-w", ws, "passphrase", "--passphrase-file", good, "--new-passphrase-file", short)
	runFails(t, "kata sandi salah", "key", "-w", ws, "passphrase", "--passphrase-file", bad, "--remove")
	if out := mustRun(t, "key", "-w", ws, "passphrase", "--passphrase-file", good, "--remove"); !strings.Contains(out, "tanpa kata sandi") {
		t.Errorf("remove:\n%s", out)
	}
	if out := mustRun(t, "export", "-w", ws, "-o", bundlePath); !strings.Contains(out, "Revisi        2 ") {
		t.Errorf("export without the passphrase:\n%s", out)
	}
	runFails(t, "berikan --new-passphrase-file", "key", "-w", ws, "passphrase")
}

func TestVerifyAndExportRefused(t *testing.T) {
	dir := t.TempDir()
	ws := initWorkspace(t, dir)
	b := filepath.Join(dir, "b.swanilai.zip")
	mustRun(t, "export", "-w", ws, "-o", b)
	other := filepath.Join(dir, "lain.pub")
	os.WriteFile(other, mustRead(t, filepath.Join("..", "report", "bundle", "testdata", "keys", "other.pub")), 0o644)
	runFails(t, "ditandatangani dengan kunci lain / signed with another key", "verify", b, "--pubkey", other)
	runFails(t, "berkas tidak ada / file does not exist", "verify", filepath.Join(dir, "tidak-ada.zip"))
	runFails(t, "bukan kunci publik minisign", "verify", b, "--pubkey", b)
	runFails(t, "tanda tangan tidak valid / invalid signature", "verify", filepath.Join(hostile, "02-tampered-manifest.zip"))
	runFails(t, "pemakaian / usage: swanilai verify", "verify")
	runFails(t, "sebutkan berkas bundel dengan -o", "export", "-w", ws)
	missing := filepath.Join(dir, "tidak-ada")
	runFails(t, missing+": folder tujuan tidak ada / the destination folder does not exist", "export", "-w", ws, "-o", filepath.Join(missing, "b.swanilai.zip"))
	runFails(t, missing+": folder tujuan tidak ada", "report", "-w", ws, "-o", filepath.Join(missing, "laporan.pdf"))
	runFails(t, missing+": folder tujuan tidak ada", "backup", "-w", ws, "-o", filepath.Join(missing, "cadangan.swanilai"))

	coord := filepath.Join(dir, "kota.swanilai")
	mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--year", "2025", "--by", "Sari")
	runFails(t, "hanya berkas kerja OPD yang dikirim ke koordinator", "export", "-w", coord, "-o", filepath.Join(dir, "x.zip"))
	if code, out, errs := runCLI(t, "", "import", "-w", ws, b); code != 1 || !strings.Contains(out, "hanya berkas kerja koordinator yang mengimpor") ||
		errs != "swanilai: berkas ditolak: 1, lihat di atas / files refused: 1, see above\n" {
		t.Errorf("import into an OPD workspace: %d\n%s%s", code, out, errs)
	}
	if out := mustRun(t, "verify", b, "-w", coord); !strings.Contains(out, "OPD baru") || !strings.Contains(out, "Dapat diimpor ke / can be imported into") {
		t.Errorf("verify -w:\n%s", out)
	}
	mustRun(t, "import", "-w", coord, b)
	runFails(t, "revisi 1 sudah diimpor / revision 1 was imported already", "verify", b, "-w", coord)
	if names, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(names) != 0 {
		t.Fatalf("left behind: %v", names)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportCarriesTheReport exports the demo workspace with the real
// report: the bundle's report.pdf is the OPD report as of the export.
func TestExportCarriesTheReport(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.swanilai")
	if code, _, errs := runCLI(t, "", "demo", "-w", demo, "--by", "R"); code != 0 {
		t.Fatal(errs)
	}
	out := filepath.Join(dir, "kiriman.swanilai.zip")
	if code, _, errs := runCLI(t, "", "export", "-w", demo, "-o", out); code != 0 {
		t.Fatal(errs)
	}
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var pdf string
	for _, f := range zr.File {
		if f.Name == "report.pdf" {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			pdf = filepath.Join(dir, "report.pdf")
			b, _ := io.ReadAll(rc)
			rc.Close()
			if err := os.WriteFile(pdf, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if pdf == "" {
		t.Fatal("the bundle carries no report.pdf")
	}
	txt := pdfText(t, pdf)
	for _, want := range []string{"LAPORAN PENILAIAN MANDIRI", "Dinas Komunikasi dan Informatika", "Revisi ke-1"} {
		if !strings.Contains(txt, want) {
			t.Errorf("report.pdf lacks %q", want)
		}
	}
}
