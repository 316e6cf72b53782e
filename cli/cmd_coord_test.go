package cli

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/roundtrip"
)

// pemdaLevel is the level each indicator gets in the end-to-end test.
func pemdaLevel(no int) int { return 1 + no*7%5 }

// weight59 is the weight (bobot) of an indicator of PermenPANRB 59/2020
// in hundredths of a percent, as Tabel 9 of the regulation gives it.
func weight59(no int) int {
	switch {
	case no <= 10:
		return 130
	case no <= 20:
		return 250
	case no <= 31:
		return 150
	case no <= 41:
		return 275
	}
	return 300
}

// e2eOPD is one OPD of the end-to-end test.
type e2eOPD struct {
	code, name string
	indicators []int
}

var e2eOPDs = []e2eOPD{
	{"BAPPEDA", "Badan Perencanaan Pembangunan Daerah", []int{11, 12, 13, 14, 20}},
	{"BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", []int{33, 34}},
	{"DISKOMINFO", "Dinas Komunikasi dan Informatika", []int{1, 2, 3, 15, 16, 17, 18, 20}},
}

// TestCoordinatorEndToEnd is the coordinator's year on the command line:
// the coordinator registers OPDs and assigns indicators with target levels;
// three OPD workspaces take their assignment bundles (one is made from
// its bundle), answer, attach evidence and export; the coordinator imports
// the folder of their bundles and a tampered one, which is refused while
// the rest are imported, decides every indicator, and the Pemda's score
// equals the regulation's formula over the levels set, computed here.
func TestCoordinatorEndToEnd(t *testing.T) {
	dir := t.TempDir()
	coord := filepath.Join(dir, "kota-2025.swanilai")
	usb := filepath.Join(dir, "usb")
	os.Mkdir(usb, 0o755)
	mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Asesor Internal", "--year", "2025", "--by", "Sari")
	for _, o := range e2eOPDs {
		mustRun(t, "opd", "-w", coord, "add", "--code", o.code, "--name", o.name, "--contact", "Admin SPBE "+o.code, "--by", "Sari")
		var nos []string
		for _, no := range o.indicators {
			nos = append(nos, strconv.Itoa(no))
		}
		mustRun(t, "assign", "-w", coord, "--opd", o.code, "--indicators", strings.Join(nos, ","), "--target-level", "4", "--by", "Sari")
	}
	// An OPD that gets its assignment and sends nothing, and one that is
	// registered only.
	mustRun(t, "opd", "-w", coord, "add", "--code", "INSPEKTORAT", "--name", "Inspektorat Daerah", "--by", "Sari")
	mustRun(t, "opd", "-w", coord, "add", "--code", "BKPSDM", "--name", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "--by", "Sari")
	mustRun(t, "assign", "-w", coord, "--opd", "INSPEKTORAT", "--indicators", "29-31", "--by", "Sari")
	runFails(t, "OPD dengan kode atau nama itu sudah terdaftar", "opd", "-w", coord, "add", "--code", "BAPPEDA-2", "--name", "badan perencanaan  pembangunan daerah", "--by", "Sari")
	runFails(t, "kode OPD hanya huruf", "opd", "-w", coord, "add", "--code", "DINAS X", "--name", "Dinas X", "--by", "Sari")
	mustRun(t, "timeline", "-w", coord, "set", "penilaian-mandiri", "2025-09-26", "--by", "Sari")
	os.WriteFile(filepath.Join(dir, "tren.csv"), []byte("tahun;indeks;predikat;Kebijakan;Tata Kelola;Manajemen;Layanan\n2023;3,41;Baik;;;;\n2024;3,76;Sangat Baik;3,90;3,60;3,20;4,00\n"), 0o644)
	if out := mustRun(t, "trend", "-w", coord, "--csv", filepath.Join(dir, "tren.csv"), "--by", "Sari"); !strings.Contains(out, "2024   3,76    Sangat Baik  3,90") {
		t.Errorf("trend:\n%s", out)
	}

	// The assignment bundles.
	bundles := map[string]string{}
	for _, o := range append(e2eOPDs, e2eOPD{code: "INSPEKTORAT"}) {
		bundles[o.code] = filepath.Join(dir, "penugasan-"+strings.ToLower(o.code)+".swanilai.zip")
		out := mustRun(t, "assign", "-w", coord, "--opd", o.code, "-o", bundles[o.code], "--by", "Sari")
		if !strings.Contains(out, "Bundel penugasan ditulis") || !strings.Contains(out, "Batas         26 September 2025") {
			t.Errorf("assign -o:\n%s", out)
		}
	}
	status := statusOf(t, coord, "2025-09-20")
	for _, o := range status.OPDs {
		want := map[string]model.OPDState{"BKPSDM": model.OPDNotStarted}[o.Code]
		if want == "" {
			want = model.OPDAssignmentSent
		}
		if o.State != want {
			t.Errorf("%s before any submission: %s, want %s", o.Code, o.State, want)
		}
	}

	// The OPDs: BAPPEDA's workspace is made from its assignment bundle,
	// the others take theirs into a workspace of their own.
	shared := filepath.Join(dir, "perwal-spbe.pdf") // the regulation two OPDs send
	randomFile(t, shared, 1, 150000)
	opdFiles := map[string]string{}
	for i, o := range e2eOPDs {
		ws := filepath.Join(dir, strings.ToLower(o.code)+".swanilai")
		opdFiles[o.code] = ws
		if o.code == "BAPPEDA" {
			out := mustRun(t, "init", "-w", ws, "--assignment", bundles[o.code], "--by", "Andi")
			if !strings.Contains(out, "BAPPEDA, penugasan 1: indikator 11, 12, 13, 14, 20; batas 2025-09-26") {
				t.Errorf("init --assignment:\n%s", out)
			}
		} else {
			mustRun(t, "init", "-w", ws, "--role", "opd", "--instansi", "Pemerintah Kota Pekalongan", "--unit", o.name, "--year", "2025", "--by", "Andi")
			out := mustRun(t, "import", "-w", ws, "--by", "Andi", bundles[o.code])
			if !strings.Contains(out, "Diimpor / imported") || !strings.Contains(out, "Kunci baru disematkan") {
				t.Errorf("the assignment of %s:\n%s", o.code, out)
			}
			// Taken once only.
			if out := mustRun(t, "import", "-w", ws, bundles[o.code]); !strings.Contains(out, "Sudah diimpor / already imported") {
				t.Errorf("the assignment again:\n%s", out)
			}
		}
		// An assignment for another OPD is refused.
		if o.code == "BPKAD" {
			code, out, _ := runCLI(t, "", "import", "-w", ws, "--by", "Andi", bundles["DISKOMINFO"])
			if code != 1 || !strings.Contains(out, "penugasan untuk OPD lain") {
				t.Errorf("another OPD's assignment: %d\n%s", code, out)
			}
		}
		checkAssignmentTaken(t, ws, o)
		for _, no := range o.indicators {
			level := pemdaLevel(no)
			if no == 20 && o.code == "BAPPEDA" {
				level = pemdaLevel(no)%5 + 1 // the two OPDs differ on indicator 20
			}
			mustRun(t, "set", "-w", ws, "--by", "Andi", strconv.Itoa(no), strconv.Itoa(level),
				"--fakta", fmt.Sprintf("Dokumen %s indikator %d (bukti-%d.pdf).", o.code, no, no), "--analisis", "Kriteria tingkat "+strconv.Itoa(level)+" terpenuhi.")
			f := filepath.Join(dir, fmt.Sprintf("%s-bukti-%d.pdf", o.code, no))
			randomFile(t, f, uint64(10*i+no+100), 2000+no)
			mustRun(t, "attach", "-w", ws, "--by", "Andi", strconv.Itoa(no), f)
		}
		if o.code != "BPKAD" {
			mustRun(t, "attach", "-w", ws, "--by", "Andi", strconv.Itoa(o.indicators[0]), shared)
		}
		mustRun(t, "export", "-w", ws, "-o", filepath.Join(usb, strings.ToLower(o.code)+".swanilai.zip"))
	}
	// BPKAD changes an answer and sends revision 2, which is damaged on
	// the way: one byte of an evidence file flips.
	mustRun(t, "set", "-w", opdFiles["BPKAD"], "--by", "Andi", "33", "5")
	damaged := filepath.Join(usb, "a-bpkad-revisi-2.swanilai.zip")
	mustRun(t, "export", "-w", opdFiles["BPKAD"], "-o", damaged)
	flipEvidenceByte(t, damaged)
	// A file of the stick that is no bundle at all is left alone.
	os.WriteFile(filepath.Join(usb, "catatan.txt"), []byte("kirim sebelum 26 September"), 0o644)

	code, out, errs := runCLI(t, "", "import", "-w", coord, "--by", "Sari", usb)
	if code != 1 || errs != "swanilai: berkas ditolak: 1, lihat di atas / files refused: 1, see above\n" {
		t.Fatalf("import of the stick: exit %d\n%s%s", code, out, errs)
	}
	for _, want := range []string{
		"Ditolak / refused: " + damaged + " — berkas telah diubah setelah ditandatangani",
		"Diimpor / imported: " + filepath.Join(usb, "bappeda.swanilai.zip") + " — Badan Perencanaan Pembangunan Daerah (BAPPEDA), revisi 1",
		"Diimpor / imported: " + filepath.Join(usb, "bpkad.swanilai.zip"),
		"Diimpor / imported: " + filepath.Join(usb, "diskominfo.swanilai.zip"),
		"3 diimpor, 1 ditolak, 0 sudah diimpor",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "catatan.txt") {
		t.Errorf("a file that is no bundle was imported:\n%s", out)
	}

	// The status: three submitted, INSPEKTORAT overdue, BKPSDM not started.
	status = statusOf(t, coord, "2025-10-05")
	want := map[string]model.OPDState{"BAPPEDA": model.OPDSubmitted, "BPKAD": model.OPDSubmitted, "DISKOMINFO": model.OPDSubmitted,
		"INSPEKTORAT": model.OPDOverdue, "BKPSDM": model.OPDNotStarted}
	for _, o := range status.OPDs {
		if o.State != want[o.Code] {
			t.Errorf("%s: %s, want %s", o.Code, o.State, want[o.Code])
		}
		if o.State == model.OPDSubmitted && (o.Revision != 1 || o.Answered != len(o.Assigned) || o.WithEvidence != len(o.Assigned) || o.Fingerprint == "") {
			t.Errorf("%s: %+v", o.Code, o)
		}
	}
	// The matrix of the status is what the latest submissions show.
	w := openStore(t, coord)
	latest, err := w.LatestSubmissions()
	if err != nil {
		t.Fatal(err)
	}
	states, _ := w.Status(model.Date{Year: 2025, Month: 10, Day: 5})
	for _, s := range states {
		var a *model.Assessment
		if sub := latest[s.OPD.Code]; sub != nil {
			a = sub.Assessment
		}
		if got, want := cellsOf(s), report.CellStates(s.Assigned, a); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: cells %v, the submission shows %v", s.OPD.Code, got, want)
		}
	}
	w.Close()
	if !slices.Contains(status.Unassigned, 47) || slices.Contains(status.Unassigned, 20) {
		t.Errorf("unassigned %v", status.Unassigned)
	}
	if out := mustRun(t, "status", "-w", coord, "--today", "2025-10-05"); !strings.Contains(out, "DISKOMINFO   ●●●···········●●●●·●") || !strings.Contains(out, "Terlambat") {
		t.Errorf("status:\n%s", out)
	}

	// Consolidation: the indicators one OPD answered take its answer; 20,
	// answered differently by two, waits; the coordinator decides it and
	// answers the rest itself.
	out = mustRun(t, "decide", "-w", coord, "--default", "--by", "Sari")
	if !strings.Contains(out, "Indikator 20: 2 OPD menjawab (BAPPEDA 2, DISKOMINFO 1)") || !strings.Contains(out, "13 jawaban diambil") {
		t.Errorf("decide --default:\n%s", out)
	}
	if out := mustRun(t, "decide", "-w", coord, "20"); !strings.Contains(out, "BAPPEDA: tingkat 2") || !strings.Contains(out, "DISKOMINFO: tingkat 1") || !strings.Contains(out, "Pemda: belum diputuskan") {
		t.Errorf("the spread of 20:\n%s", out)
	}
	mustRun(t, "decide", "-w", coord, "--by", "Sari", "20", strconv.Itoa(pemdaLevel(20)), "--opd", "DISKOMINFO", "--analisis", "Kolaborasi terbukti pada kedua OPD.")
	for _, no := range spbe59(t).IndicatorNumbers() {
		if !slices.ContainsFunc(e2eOPDs, func(o e2eOPD) bool { return slices.Contains(o.indicators, no) }) {
			mustRun(t, "decide", "-w", coord, "--by", "Sari", strconv.Itoa(no), strconv.Itoa(pemdaLevel(no)), "--fakta", "Dokumen Pemda.", "--analisis", "Terpenuhi.")
		}
	}
	var score scoreJSON
	if err := json.Unmarshal([]byte(mustRun(t, "score", "-w", coord, "--json")), &score); err != nil {
		t.Fatal(err)
	}
	// The regulation's formula over the levels set: Σ NI·BI / 100.
	sum := 0
	for no := 1; no <= 47; no++ {
		sum += pemdaLevel(no) * weight59(no)
	}
	wantIndex := model.Hundredths((sum + 50) / 100) // rounded half-up to hundredths
	wantPredikat := "Kurang"
	for _, band := range []struct {
		from int
		name string
	}{{18000, "Cukup"}, {26000, "Baik"}, {35000, "Sangat Baik"}, {42000, "Memuaskan"}} {
		if sum >= band.from {
			wantPredikat = band.name
		}
	}
	if score.Index == nil || *score.Index != wantIndex || score.Predikat != wantPredikat || score.Coverage.Answered != 47 {
		t.Fatalf("Pemda score %v %s, coverage %+v; the formula gives %s %s", score.Index, score.Predikat, score.Coverage, wantIndex.ID(), wantPredikat)
	}

	w = openStore(t, coord)
	a, err := w.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	if a.Answers[20].Value != model.Hundredths(100*pemdaLevel(20)) || a.Answers[20].Analisis != "Kolaborasi terbukti pada kedua OPD." ||
		!strings.Contains(a.Answers[20].Fakta, "DISKOMINFO") || len(a.EvidenceFor(20)) != 1 {
		t.Errorf("indicator 20: %+v, evidence %v", a.Answers[20], a.EvidenceFor(20))
	}
	if a.Targets[11] != 400 || len(a.Targets) != 14 {
		t.Errorf("targets %v", a.Targets)
	}
	// The regulation two OPDs sent is stored once, and the workspace is
	// sound.
	r, err := w.Check(t.Context(), nil)
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
	if files := 5 + 2 + 8 + 3 + 1; r.Blobs != files { // evidence, one shared, and three report PDFs
		t.Errorf("%d files stored, want %d", r.Blobs, files)
	}
	w.Close()

	// The recap: every OPD, its state, the trend.
	recap := filepath.Join(dir, "rekap.pdf")
	mustRun(t, "report", "-w", coord, "--kind", "recap", "-o", recap, "--xlsx", filepath.Join(dir, "rekap.xlsx"))
	txt := pdfText(t, recap)
	for _, want := range []string{"BAPPEDA", "BKPSDM", "Inspektorat Daerah", "Terkirim, revisi 1", "Terlambat", "3,76", wantIndex.ID()} {
		if !strings.Contains(txt, want) {
			t.Errorf("the recap lacks %q", want)
		}
	}

	// Next year starts from this one: the registry without keys, the
	// timeline a year on, the trend with this year's own index.
	next := filepath.Join(dir, "kota-2026.swanilai")
	out = mustRun(t, "init", "-w", next, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Asesor Internal", "--year", "2026", "--from", coord, "--by", "Sari")
	if !strings.Contains(out, "5 OPD terdaftar (tanpa kunci), jadwal digeser, 3 tahun tren") {
		t.Errorf("init --from:\n%s", out)
	}
	if out := mustRun(t, "trend", "-w", next); !strings.Contains(out, "2025   "+wantIndex.ID()) {
		t.Errorf("next year's trend:\n%s", out)
	}
	if out := mustRun(t, "timeline", "-w", next); !strings.Contains(out, "26 September 2026") {
		t.Errorf("next year's timeline:\n%s", out)
	}
	var reg []opdJSON
	if err := json.Unmarshal([]byte(mustRun(t, "opd", "-w", next, "list", "--json")), &reg); err != nil {
		t.Fatal(err)
	}
	if len(reg) != 5 || reg[3] != (opdJSON{Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika", Contact: "Admin SPBE DISKOMINFO"}) {
		t.Errorf("next year's registry %+v", reg)
	}
}

// statusOf runs `status --json` as of today.
func statusOf(t *testing.T, coord, today string) statusJSON {
	t.Helper()
	var s statusJSON
	if err := json.Unmarshal([]byte(mustRun(t, "status", "-w", coord, "--json", "--today", today)), &s); err != nil {
		t.Fatal(err)
	}
	return s
}

func spbe59(t *testing.T) *model.Pack {
	t.Helper()
	p, err := model.BuiltinPack("spbe-59-2020")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkAssignmentTaken checks what the OPD workspace ws holds of its
// assignment: the indicators, their target levels, the deadline and the
// coordinator's pinned key.
func checkAssignmentTaken(t *testing.T, ws string, o e2eOPD) {
	t.Helper()
	w := openStore(t, ws)
	defer w.Close()
	a, err := w.Assignment()
	if err != nil || a == nil {
		t.Fatalf("%s: no assignment: %v", o.code, err)
	}
	key, _, err := w.CoordinatorKey()
	if err != nil || !key.Equal(a.Coordinator) {
		t.Fatalf("%s: coordinator key %v", o.code, err)
	}
	as, err := w.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Indicators, o.indicators) || len(as.Targets) != len(o.indicators) || as.Targets[o.indicators[0]] != 400 {
		t.Errorf("%s: assignment %v, targets %v", o.code, a.Indicators, as.Targets)
	}
	tl, _ := w.Timeline()
	if due, _ := tl.Due(model.StageSelfAssessment); due != (model.Date{Year: 2025, Month: 9, Day: 26}) || a.Deadline != due {
		t.Errorf("%s: deadline %v, timeline %v", o.code, a.Deadline, tl)
	}
}

// flipEvidenceByte changes one byte of the first evidence member of the
// bundle at path, in place.
func flipEvidenceByte(t *testing.T, path string) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	var off int64 = -1
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "evidence/") {
			if off, err = f.DataOffset(); err != nil {
				t.Fatal(err)
			}
			off += 100
			break
		}
	}
	zr.Close()
	if off < 0 {
		t.Fatal("no evidence member")
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 1)
	f.ReadAt(b, off)
	b[0] ^= 0x40
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// TestImportOrder imports a folder holding revisions 2 and 1 of an OPD,
// named so that revision 2 comes first: revision 1 is imported first, and
// the history of revision 2 joins it.
func TestImportOrder(t *testing.T) {
	dir := t.TempDir()
	w := openStore(t, corpusCoordinator(t))
	stick := filepath.Join(dir, "usb")
	os.Mkdir(stick, 0o755)
	os.Mkdir(filepath.Join(stick, ".Trashes"), 0o755)
	for from, to := range map[string]string{"valid-2.zip": "a.zip", "valid-1.zip": "b.ZIP", "03-tampered-member.zip": ".Trashes/c.zip"} {
		os.WriteFile(filepath.Join(stick, to), mustRead(t, filepath.Join(hostile, from)), 0o644)
	}
	var seen []string
	outcomes := roundtrip.ImportMany(t.Context(), w, []string{stick, filepath.Join(dir, "tidak-ada")}, roundtrip.ImportOptions{By: "Sari"}, func(done, total int, file string) {
		seen = append(seen, fmt.Sprintf("%d/%d %s", done, total, filepath.Base(file)))
	})
	if len(outcomes) != 3 {
		t.Fatalf("outcomes %+v", outcomes)
	}
	if o := outcomes[0]; o.File != filepath.Join(dir, "tidak-ada") || o.Outcome != roundtrip.Refused {
		t.Errorf("a path that does not exist: %+v", o)
	}
	first, second := outcomes[1], outcomes[2]
	if first.File != filepath.Join(stick, "b.ZIP") || first.Revision != 1 || first.Outcome != roundtrip.Imported || first.NewKey == "" ||
		second.File != filepath.Join(stick, "a.zip") || second.Revision != 2 || second.Outcome != roundtrip.Imported || second.NewKey != "" ||
		second.Submission.Continuity != model.ContinuityComplete || second.Kind != "submission" {
		t.Errorf("outcomes\n%+v\n%+v", first, second)
	}
	if want := []string{"1/3 b.ZIP", "2/3 a.zip", "3/3 ."}; !slices.Equal(seen, want) {
		t.Errorf("progress %v, want %v", seen, want)
	}
}

// TestCoordinatorCommandErrors: each mistake is one line on stderr and
// exit code 1; -h explains each command.
func TestCoordinatorCommandErrors(t *testing.T) {
	for _, name := range []string{"opd", "assign", "status", "decide", "targets", "timeline", "trend"} {
		code, out, errs := runCLI(t, "", name, "-h")
		if code != 0 || out != "" || !strings.HasPrefix(errs, "Pemakaian / usage: swanilai "+name+" ") || !strings.Contains(errs, "-w string") {
			t.Errorf("%s -h: exit %d\n%s", name, code, errs)
		}
	}
	dir := t.TempDir()
	coord, opd := filepath.Join(dir, "kota.swanilai"), initWorkspace(t, dir)
	mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--year", "2025", "--by", "Sari")
	mustRun(t, "opd", "-w", coord, "add", "--code", "BAPPEDA", "--name", "Badan Perencanaan Pembangunan Daerah", "--by", "Sari")
	for _, tt := range []struct {
		want string
		args []string
	}{
		{"sebutkan --code dan --name", []string{"opd", "-w", coord, "add", "--code", "X"}},
		{"OPD tidak terdaftar", []string{"opd", "-w", coord, "remove", "INSPEKTORAT"}},
		{"pemakaian / usage: swanilai opd", []string{"opd", "-w", coord, "rename"}},
		{"hanya untuk berkas kerja koordinator", []string{"opd", "-w", opd, "add", "--code", "X", "--name", "X"}},
		{"bukan kunci publik minisign", []string{"opd", "-w", coord, "add", "--code", "X", "--name", "X", "--pubkey", coord}},
		{"sebutkan OPD dengan --opd", []string{"assign", "-w", coord, "--indicators", "11"}},
		{"OPD tidak terdaftar", []string{"assign", "-w", coord, "--opd", "INSPEKTORAT", "--indicators", "11"}},
		{`--indicators: "48" bukan nomor indikator`, []string{"assign", "-w", coord, "--opd", "BAPPEDA", "--indicators", "11,48"}},
		{"--target-level berlaku untuk indikator --indicators", []string{"assign", "-w", coord, "--opd", "BAPPEDA", "--target-level", "4"}},
		{"tingkat harus bilangan bulat", []string{"assign", "-w", coord, "--opd", "BAPPEDA", "--indicators", "11", "--target-level", "3,5"}},
		{"belum ada indikator yang ditugaskan", []string{"assign", "-w", coord, "--opd", "BAPPEDA", "-o", filepath.Join(dir, "p.zip")}},
		{"--deadline", []string{"assign", "-w", coord, "--opd", "BAPPEDA", "--deadline", "30-09-2025"}},
		{"hanya untuk berkas kerja koordinator", []string{"decide", "-w", opd, "11", "3"}},
		{"tingkat \"0\" bukan angka 1–5", []string{"decide", "-w", coord, "11", "0"}},
		{"--default tanpa indikator", []string{"decide", "-w", coord, "11", "--default"}},
		{"indikator 11 tidak dijawab", []string{"decide", "-w", coord, "11", "--opd", "BAPPEDA"}},
		{"sebutkan target dengan --target", []string{"targets", "-w", coord}},
		{"belum ada indikator yang dijawab", []string{"targets", "-w", coord, "--target", "4"}},
		{"tahap tidak dikenal", []string{"timeline", "-w", coord, "set", "rapat", "2025-09-01"}},
		{"bukan tanggal", []string{"timeline", "-w", coord, "set", "revisi", "besok"}},
		{"hanya untuk berkas kerja koordinator", []string{"timeline", "-w", opd, "set", "revisi", "2025-11-20"}},
		{"data tren tidak sah / invalid trend data: tahun 1999: di luar 2000–2100 / year 1999: out of 2000–2100", []string{"trend", "-w", coord, "add", "1999", "3"}},
		{"data tren tidak sah", []string{"trend", "-w", coord, "remove", "2020"}},
		{"hanya untuk berkas kerja koordinator", []string{"trend", "-w", opd, "add", "2024", "3,76"}},
		{"berkas kerja tidak ada", []string{"status", "-w", filepath.Join(dir, "tidak-ada.swanilai")}},
		{"hanya untuk berkas kerja koordinator", []string{"report", "-w", opd, "--kind", "recap", "-o", filepath.Join(dir, "r.pdf")}},
		{"--assignment menentukan peran", []string{"init", "-w", filepath.Join(dir, "baru.swanilai"), "--assignment", coord, "--year", "2025"}},
		{"bukan bundel Swanilai", []string{"init", "-w", filepath.Join(dir, "baru.swanilai"), "--assignment", coord}},
	} {
		runFails(t, tt.want, tt.args...)
	}
	// What was refused changed nothing; the trend takes a year and gives
	// it back.
	if out := mustRun(t, "trend", "-w", coord, "add", "2022", "2,80", "--predikat", "Baik", "--domains", "2,50 3", "--by", "Sari"); !strings.Contains(out, "2022   2,80    Baik      2,50") {
		t.Errorf("trend add:\n%s", out)
	}
	if out := mustRun(t, "trend", "-w", coord, "remove", "2022", "--by", "Sari"); !strings.Contains(out, "Belum ada hasil") {
		t.Errorf("trend remove:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "baru.swanilai")); !os.IsNotExist(err) {
		t.Error("a refused init left a workspace")
	}
}
