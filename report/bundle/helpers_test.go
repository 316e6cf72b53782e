package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	mrand "math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"aead.dev/minisign"

	"github.com/swanilai/swanilai/model"
)

// The test keys under testdata/keys were made by the minisign tool (0.11):
//
//	minisign -G -W -p opd.pub -s opd.key
//	minisign -G -W -p other.pub -s other.key
//	minisign -G -p sealed.pub -s sealed.key    # password: sealedPassword
const sealedPassword = "kata sandi contoh"

// The identity of the test OPD; the coordinator workspace of the command
// tests is made with the same instansi, year and pack.
const (
	testInstansi = "Pemerintah Kota Contoh"
	testUnit     = "Dinas Komunikasi dan Informatika"
	testYear     = 2025
	testCreated  = "2025-09-20T03:00:00Z"
)

var testPackOnce = sync.OnceValues(func() (*model.Pack, error) {
	b, err := os.ReadFile(filepath.Join("testdata", "pack.json"))
	if err != nil {
		return nil, err
	}
	return model.ParsePackBytes(b)
})

// testPack is the instrument of the test bundles: the built-in 59/2020 pack
// with its texts cut short, kept in testdata so that its hash, which the
// committed bundles carry, does not move with the built-in pack.
func testPack(t testing.TB) *model.Pack {
	t.Helper()
	p, err := testPackOnce()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// loadKey reads a key pair the minisign tool made under testdata/keys.
func loadKey(t testing.TB, name string) model.SigningKey {
	t.Helper()
	pubText, err := os.ReadFile(filepath.Join("testdata", "keys", name+".pub"))
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ParsePublicKey(pubText)
	if err != nil {
		t.Fatal(err)
	}
	secText, err := os.ReadFile(filepath.Join("testdata", "keys", name+".key"))
	if err != nil {
		t.Fatal(err)
	}
	if minisign.IsEncrypted(secText) {
		return model.SigningKey{Public: pub, Sealed: secText}
	}
	var priv minisign.PrivateKey
	if err := priv.UnmarshalText(secText); err != nil {
		t.Fatal(err)
	}
	raw, err := rawPrivate(priv)
	if err != nil {
		t.Fatal(err)
	}
	return model.SigningKey{Public: pub, Private: raw}
}

func signer(t testing.TB, k model.SigningKey) *Signer {
	t.Helper()
	s, err := NewSigner(k, "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// blob returns n bytes that depend only on seed.
func blob(seed uint64, n int) []byte {
	r := mrand.NewChaCha8([32]byte{byte(seed), byte(seed >> 8), 7})
	b := make([]byte, n)
	r.Read(b)
	return b
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// fixture is a submission and the bytes of its evidence.
type fixture struct {
	sub   *model.Submission
	files map[string][]byte
}

func (f *fixture) open(sha string) (io.ReadCloser, error) {
	b, ok := f.files[sha]
	if !ok {
		return nil, model.ErrNoSuchEvidence
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// newFixture returns revision rev of the test OPD's submission, signed by
// key: answers with penjelasan, an external-free Pemda pack, three
// evidence files (one linked twice, one of size 5000 whose bytes depend on
// rev) and the history since the previous revision.
func newFixture(t testing.TB, key model.PublicKey, rev int) *fixture {
	t.Helper()
	p := testPack(t)
	created, _ := time.Parse(time.RFC3339, testCreated)
	at := created.Add(-48 * time.Hour)
	files := map[string][]byte{}
	link := func(no int, name string, data []byte, level int) model.Evidence {
		sha := hexSum(data)
		files[sha] = data
		return model.Evidence{Indicator: no, SHA256: sha, Size: int64(len(data)), Name: name, Title: "Peraturan Wali Kota " + name,
			DocNo: "12 Tahun 2022", DocDate: model.Date{Year: 2022, Month: 3, Day: 1}, Level: level, By: "Rina", At: at}
	}
	perwal := blob(1, 9000)
	a := &model.Assessment{
		Identity: model.Identity{ID: "3f6c1b2a-8d4e-4c59-9a71-0e5b2d6c7f80", Role: model.RoleOPD, Instansi: testInstansi, Unit: testUnit,
			Year: testYear, InstrumentID: p.ID, InstrumentHash: p.Hash(), Created: at.Add(-30 * 24 * time.Hour)},
		Pack:      p,
		Officials: model.Officials{HeadName: "Drs. Budi Santoso", HeadNIP: "196801011990031001", Place: "Kota Contoh"},
		Answers: map[int]model.Answer{
			1:  {Indicator: 1, Value: 300, Fakta: "Perwal 12/2022 (perwal-arsitektur.pdf) menetapkan Arsitektur SPBE.", Analisis: "Kriteria tingkat 3 terpenuhi.", By: "Rina", At: at},
			11: {Indicator: 11, Value: model.Hundredths(100 * (1 + rev%5)), Fakta: "Dokumen arsitektur.", By: "Rina", At: at},
			45: {Indicator: 45, Value: 200, Sector: "Perizinan", Fakta: "Layanan perizinan daring.", Analisis: "Tingkat 2.", By: "Rina", At: at},
		},
		Evidence: []model.Evidence{
			link(1, "perwal-arsitektur.pdf", perwal, 3),
			link(11, "perwal-arsitektur.pdf", perwal, 0),
			link(11, "notulen.pdf", blob(uint64(100+rev), 5000), 3),
			link(45, "tangkapan-layar.png", blob(3, 1200), 2),
		},
		TargetIndex: 350,
		Targets:     map[int]model.Hundredths{11: 400},
	}
	model.SortEvidence(a.Evidence)
	s := &model.Submission{Revision: rev, Key: key, Assessment: a}
	prev := ""
	for i := range 3 * rev {
		c := model.Change{Seq: uint64(i + 1), At: at.Add(time.Duration(i) * time.Minute), By: "Rina", Indicator: 1 + i%2*10,
			Field: model.FieldFakta, New: "versi " + string(rune('a'+i))}
		c.Seal(prev)
		prev = c.Hash
		if i >= 3*(rev-1) {
			s.History = append(s.History, c)
		} else {
			s.Since = model.ChainHead{Seq: c.Seq, Hash: c.Hash}
		}
	}
	return &fixture{sub: s, files: files}
}

// write writes the bundle of f, signed by k, and returns its bytes.
func (f *fixture) write(t testing.TB, k model.SigningKey, report []byte) []byte {
	t.Helper()
	created, _ := time.Parse(time.RFC3339, testCreated)
	opts := WriteOptions{Signer: signer(t, k), Created: created.Add(time.Duration(f.sub.Revision) * time.Hour), AppVersion: "0.1.0-test",
		BundleID: "0b8a4c2e-5d1f-4e3a-8b6c-9d7e0f1a2b3" + string(rune('0'+f.sub.Revision%10)), Evidence: f.open}
	if report != nil {
		opts.Report = func(w io.Writer) error {
			_, err := w.Write(report)
			return err
		}
	}
	var buf bytes.Buffer
	if _, err := Write(t.Context(), &buf, f.sub, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// minimalPDF is a complete one-page PDF saying "Laporan", standing in for
// the report that package report renders.
var minimalPDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
	"4 0 obj<</Length 44>>stream\nBT /F1 24 Tf 72 770 Td (Laporan) Tj ET\nendstream endobj\n" +
	"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

// useCheapSeal makes ProtectKey seal at the smallest cost for the test.
func useCheapSeal(t testing.TB) {
	saved := sealCost
	sealCost = SealCheapest
	t.Cleanup(func() { sealCost = saved })
}
