package cli

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
)

// reviewOf reads `review --json` of the OPD code.
func reviewOf(t *testing.T, coord, code string) reviewJSON {
	t.Helper()
	var r reviewJSON
	if err := json.Unmarshal([]byte(mustRun(t, "review", "-w", coord, "--opd", code, "--json")), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// verdictsOf writes the decisions of a review listing as "11 disesuaikan
// 3,00 @1" items.
func verdictsOf(r reviewJSON) []string {
	var out []string
	for _, d := range r.Decisions {
		s := fmt.Sprintf("%d %s @%d", d.Indicator, d.Verdict, d.Revision)
		if d.Verdict == model.VerdictAdjusted {
			s = fmt.Sprintf("%d %s %s @%d", d.Indicator, d.Verdict, d.Level.Compact(), d.Revision)
		}
		out = append(out, s)
	}
	return out
}

// memberText reads one member of a zip file.
func memberText(t *testing.T, path, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReviewEndToEnd is the review round trip on the command line, two full
// rounds: the OPD submits; the coordinator accepts indicator 1, adjusts
// 11 from 4 to 3 and asks for a revision of 12; the OPD imports the review
// (once: the second time changes nothing; a review signed by another key
// is refused), revises 12 only and resubmits, saying which review it
// answers; the coordinator sees exactly 12 as changed, 1 still accepted
// and 11 still adjusted, accepts 12, and the Pemda's score, consolidated
// from the reviewed answers, has 11 at 3. A review that arrives after the
// OPD sent a newer revision is kept and known as stale, and the OPD's
// report shows the review.
func TestReviewEndToEnd(t *testing.T) {
	dir := t.TempDir()
	coord := filepath.Join(dir, "kota-2025.swanilai")
	opd := filepath.Join(dir, "diskominfo.swanilai")
	const unit = "Dinas Komunikasi dan Informatika"
	mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Asesor Internal", "--year", "2025", "--by", "Sari")
	mustRun(t, "opd", "-w", coord, "add", "--code", "DISKOMINFO", "--name", unit, "--by", "Sari")
	assignment := filepath.Join(dir, "penugasan.swanilai.zip")
	mustRun(t, "assign", "-w", coord, "--opd", "DISKOMINFO", "--indicators", "1,11,12", "--target-level", "4", "-o", assignment, "--by", "Sari")
	mustRun(t, "init", "-w", opd, "--assignment", assignment, "--by", "Andi")

	// Round 1: the OPD answers and submits.
	levels := map[int]int{1: 3, 11: 4, 12: 3}
	for _, no := range []int{1, 11, 12} {
		mustRun(t, "set", "-w", opd, "--by", "Andi", strconv.Itoa(no), strconv.Itoa(levels[no]),
			"--fakta", fmt.Sprintf("Dokumen indikator %d (bukti-%d.pdf), halaman 3.", no, no), "--analisis", fmt.Sprintf("Kriteria tingkat %d terpenuhi.", levels[no]))
		f := filepath.Join(dir, fmt.Sprintf("bukti-%d.pdf", no))
		randomFile(t, f, uint64(no), 3000+no)
		mustRun(t, "attach", "-w", opd, "--by", "Andi", strconv.Itoa(no), f)
	}
	rev1 := filepath.Join(dir, "kiriman-1.swanilai.zip")
	mustRun(t, "export", "-w", opd, "-o", rev1)
	if b := memberText(t, rev1, "assessment.json"); strings.Contains(string(b), "answers_review") {
		t.Error("the first submission answers a review")
	}
	mustRun(t, "import", "-w", coord, "--by", "Sari", rev1)
	if out := mustRun(t, "diff", "-w", coord, "--opd", "diskominfo"); !strings.Contains(out, "revisi 1 adalah kiriman pertama") {
		t.Errorf("diff of the first revision:\n%s", out)
	}
	runFails(t, "belum ada keputusan reviu", "review-export", "-w", coord, "--opd", "DISKOMINFO", "-o", filepath.Join(dir, "kosong.swanilai.zip"), "--by", "Sari")

	// The coordinator reviews revision 1.
	if out := mustRun(t, "review", "-w", coord, "--opd", "DISKOMINFO", "1", "accept", "--by", "Sari"); out != "DISKOMINFO revisi 1, indikator 1 (Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah): diterima\n" {
		t.Errorf("accept: %q", out)
	}
	out := mustRun(t, "review", "-w", coord, "--opd", "DISKOMINFO", "11", "adjust", "3", "--by", "Sari",
		"--fakta", "Peta rencana belum direviu.", "--analisis", "Kriteria tingkat 4 (reviu berkala) tidak terpenuhi; kriteria tingkat 3 terpenuhi.")
	if !strings.Contains(out, "indikator 11") || !strings.Contains(out, "level disesuaikan ke 3; FAKTA: Peta rencana belum direviu.; ANALISIS: Kriteria tingkat 4") {
		t.Errorf("adjust: %q", out)
	}
	mustRun(t, "review", "-w", coord, "--opd", "DISKOMINFO", "12", "revise", "--by", "Sari", "--fakta", "Notulen tidak ditandatangani.", "--missing", "Notulen rapat yang ditandatangani")
	runFails(t, "catatan wajib diisi", "review", "-w", coord, "--opd", "DISKOMINFO", "12", "adjust", "2", "--by", "Sari")
	runFails(t, "pilih accept, adjust TINGKAT atau revise", "review", "-w", coord, "--opd", "DISKOMINFO", "12", "tolak", "--by", "Sari")
	runFails(t, "tidak dijawab dalam revisi ini", "review", "-w", coord, "--opd", "DISKOMINFO", "13", "accept", "--by", "Sari")
	runFails(t, "hanya untuk berkas kerja koordinator", "review", "-w", opd, "--opd", "DISKOMINFO")
	r := reviewOf(t, coord, "DISKOMINFO")
	if got := verdictsOf(r); !slices.Equal(got, []string{"1 diterima @1", "11 disesuaikan 3 @1", "12 perlu-revisi @1"}) || len(r.Undecided) != 0 || r.Revision != 1 {
		t.Fatalf("decisions on revision 1: %v, undecided %v", got, r.Undecided)
	}
	review1 := filepath.Join(dir, "reviu-1.swanilai.zip")
	if out := mustRun(t, "review-export", "-w", coord, "--opd", "DISKOMINFO", "-o", review1, "--by", "Sari"); !strings.Contains(out, "1 diterima, 1 disesuaikan, 1 perlu revisi") {
		t.Errorf("review-export:\n%s", out)
	}

	// A review signed by another coordinator key: a second coordinator
	// workspace of the same city, which imported the same submission.
	rogue := filepath.Join(dir, "palsu.swanilai")
	mustRun(t, "init", "-w", rogue, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Lain", "--year", "2025", "--by", "X")
	mustRun(t, "opd", "-w", rogue, "add", "--code", "DISKOMINFO", "--name", unit, "--by", "X")
	mustRun(t, "import", "-w", rogue, "--by", "X", rev1)
	mustRun(t, "review", "-w", rogue, "--opd", "DISKOMINFO", "11", "accept", "--by", "X")
	forged := filepath.Join(dir, "reviu-palsu.swanilai.zip")
	mustRun(t, "review-export", "-w", rogue, "--opd", "DISKOMINFO", "-o", forged, "--by", "X")
	code, out, _ := runCLI(t, "", "import", "-w", opd, "--by", "Andi", forged)
	if code != 1 || !strings.Contains(out, "Ditolak / refused: "+forged+" — Pemerintah Kota Pekalongan: ditandatangani dengan kunci lain dari kunci koordinator") || strings.Contains(out, "--accept-new-key") {
		t.Errorf("a review of another key: exit %d\n%s", code, out)
	}

	// The OPD takes the review, once.
	out = mustRun(t, "import", "-w", opd, "--by", "Andi", review1)
	if want := "Diimpor / imported: " + review1 + " — reviu atas revisi 1 untuk / review of revision 1 for " + unit + " (DISKOMINFO)"; !strings.Contains(out, want) ||
		!strings.Contains(out, "1 diterima, 1 disesuaikan, 1 perlu revisi") || strings.Contains(out, "PERHATIAN") {
		t.Errorf("the review:\n%s", out)
	}
	w := openStore(t, opd)
	h, _ := w.History(0)
	w.Close()
	if out := mustRun(t, "import", "-w", opd, "--by", "Andi", review1); !strings.Contains(out, "Sudah diimpor / already imported") {
		t.Errorf("the review again:\n%s", out)
	}
	w = openStore(t, opd)
	if again, _ := w.History(0); len(again) != len(h) {
		t.Error("the review imported twice changed the workspace")
	}
	held, err := w.Review()
	if err != nil || held.Revision != 1 || held.By != "Sari" {
		t.Fatalf("held review %+v %v", held, err)
	}
	if d, _ := held.Decision(12); d.Verdict != model.VerdictRevise || d.MissingEvidence != "Notulen rapat yang ditandatangani" {
		t.Fatalf("decision on 12: %+v", d)
	}
	w.Close()
	// The OPD's report shows the coordinator's review.
	pdf := filepath.Join(dir, "laporan-opd.pdf")
	mustRun(t, "report", "-w", opd, "-o", pdf)
	txt := pdfText(t, pdf)
	for _, want := range []string{"Hasil Reviu Koordinator", "perlu revisi", "Notulen rapat yang ditandatangani"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the OPD report lacks %q", want)
		}
	}

	// Round 2: the OPD revises 12 only, and resubmits.
	mustRun(t, "set", "-w", opd, "--by", "Andi", "12", "3", "--fakta", "Dokumen indikator 12 (bukti-12.pdf), halaman 3, dan notulen rapat yang ditandatangani (notulen.pdf).")
	notulen := filepath.Join(dir, "notulen.pdf")
	randomFile(t, notulen, 99, 4000)
	mustRun(t, "attach", "-w", opd, "--by", "Andi", "12", notulen)
	rev2 := filepath.Join(dir, "kiriman-2.swanilai.zip")
	mustRun(t, "export", "-w", opd, "-o", rev2)
	if b := memberText(t, rev2, "assessment.json"); !strings.Contains(string(b), `"answers_review": 1`) {
		t.Error("revision 2 does not say it answers the review of revision 1")
	}
	if txt := pdfText(t, extract(t, rev2, "report.pdf", dir)); !strings.Contains(txt, "Hasil Reviu Koordinator") {
		t.Error("the report.pdf of revision 2 lacks the review it answers")
	}
	mustRun(t, "import", "-w", coord, "--by", "Sari", rev2)

	// The coordinator sees exactly 12 as changed.
	out = mustRun(t, "diff", "-w", coord, "--opd", "DISKOMINFO")
	for _, want := range []string{
		"DISKOMINFO — " + unit + ": revisi 1 → revisi 2",
		"1 indikator berubah / indicators changed: 1",
		"Indikator 12 — ",
		"FAKTA: Dokumen indikator 12 (bukti-12.pdf), halaman [-3.-]{+3, dan notulen rapat yang ditandatangani (notulen.pdf).+}",
		"+ bukti dukung / evidence: notulen.pdf",
		"Tidak berubah / unchanged: 1, 11",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Indikator 1 —") || strings.Contains(out, "Indikator 11 —") || strings.Contains(out, "Tingkat / level") {
		t.Errorf("diff shows an unchanged indicator as changed:\n%s", out)
	}
	if same := mustRun(t, "diff", "-w", coord, "--opd", "DISKOMINFO", "--from", "1", "--to", "2"); same != out {
		t.Errorf("diff --from 1 --to 2 differs from the default:\n%s", same)
	}
	runFails(t, "kiriman tidak ditemukan", "diff", "-w", coord, "--opd", "DISKOMINFO", "--from", "3")
	r = reviewOf(t, coord, "DISKOMINFO")
	if got := verdictsOf(r); !slices.Equal(got, []string{"1 diterima @1", "11 disesuaikan 3 @1"}) || !slices.Equal(r.Undecided, []int{12}) ||
		r.Revision != 2 || r.AnswersReview != 1 || len(r.Sent) != 1 {
		t.Fatalf("decisions on revision 2: %v, undecided %v, %+v", got, r.Undecided, r)
	}
	if out := mustRun(t, "review", "-w", coord, "--opd", "DISKOMINFO"); !strings.Contains(out, "revisi 2 (2 revisi diimpor / revisions imported; menjawab reviu revisi 1") ||
		!strings.Contains(out, "12  ") || !strings.Contains(out, "belum diputuskan / undecided") {
		t.Errorf("review listing:\n%s", out)
	}
	mustRun(t, "review", "-w", coord, "--opd", "DISKOMINFO", "12", "terima", "--by", "Sari")
	review2 := filepath.Join(dir, "reviu-2.swanilai.zip")
	mustRun(t, "review-export", "-w", coord, "--opd", "DISKOMINFO", "-o", review2, "--by", "Sari")

	// The Pemda takes the reviewed answers: 11 at the adjusted level 3.
	out = mustRun(t, "decide", "-w", coord, "--default", "--by", "Sari")
	if !strings.Contains(out, "Indikator 11: tingkat 3 dari / from DISKOMINFO") || !strings.Contains(out, "3 jawaban diambil") {
		t.Errorf("decide --default:\n%s", out)
	}
	p := spbe59(t)
	for _, no := range p.IndicatorNumbers() {
		if no != 1 && no != 11 && no != 12 {
			mustRun(t, "decide", "-w", coord, "--by", "Sari", strconv.Itoa(no), strconv.Itoa(pemdaLevel(no)), "--fakta", "Dokumen Pemda.", "--analisis", "Terpenuhi.")
		}
	}
	var score scoreJSON
	if err := json.Unmarshal([]byte(mustRun(t, "score", "-w", coord, "--json")), &score); err != nil {
		t.Fatal(err)
	}
	sum := 0
	for no := 1; no <= 47; no++ {
		level := pemdaLevel(no)
		switch no {
		case 1, 12:
			level = 3
		case 11:
			level = 3 // the OPD said 4; the review adjusted it
		}
		sum += level * weight59(no)
	}
	if want := model.Hundredths((sum + 50) / 100); score.Index == nil || *score.Index != want {
		t.Fatalf("Pemda index %v, the formula with 11 at 3 gives %s", score.Index, want.ID())
	}
	w = openStore(t, coord)
	a, _ := w.Assessment()
	if ans := a.Answers[11]; ans.Value != 300 || !strings.HasPrefix(ans.Analisis, "Kriteria tingkat 4 (reviu berkala) tidak terpenuhi") || ans.Fakta != "Dokumen indikator 11 (bukti-11.pdf), halaman 3." {
		t.Fatalf("the Pemda's answer to 11: %+v", ans)
	}
	// The revision request on 12 ended with the revision: the acceptance
	// replaces no decision standing on revision 2.
	if h := fieldEntries(t, w, model.FieldReview); len(h) != 4 || h[3].Indicator != 12 || h[3].By != "Sari" || h[3].New != "DISKOMINFO revisi 2: diterima" || h[3].Old != "" ||
		h[2].New != "DISKOMINFO revisi 1: perlu revisi; FAKTA: Notulen tidak ditandatangani.; bukti dukung kurang: Notulen rapat yang ditandatangani" {
		t.Fatalf("the review history: %+v", h)
	}
	w.Close()

	// The OPD sends revision 3 before it imports the review of revision 2:
	// the review is kept, and known as stale.
	mustRun(t, "set", "-w", opd, "--by", "Andi", "1", "3", "--analisis", "Kriteria tingkat 3 terpenuhi: Perwal ditetapkan.")
	mustRun(t, "export", "-w", opd, "-o", filepath.Join(dir, "kiriman-3.swanilai.zip"))
	out = mustRun(t, "import", "-w", opd, "--by", "Andi", review2)
	if !strings.Contains(out, "reviu atas revisi 2") || !strings.Contains(out, "PERHATIAN / NOTE: catatan ini untuk revisi 2; Anda sudah mengirim revisi 3") {
		t.Errorf("a stale review:\n%s", out)
	}
	// The older review again is refused: the newer one holds.
	if code, out, _ := runCLI(t, "", "import", "-w", opd, "--by", "Andi", review1); code != 1 || !strings.Contains(out, "reviu lama") {
		t.Errorf("the older review after the newer: exit %d\n%s", code, out)
	}
	w = openStore(t, opd)
	held, _ = w.Review()
	as, _ := w.Assessment()
	if held.Revision != 2 || !held.Stale(as.Revision) || len(held.Decisions) != 3 {
		t.Fatalf("held review %+v, latest export %d", held, as.Revision)
	}
	sent, _ := w.Exported(held.Revision)
	if changes := model.Compare(w.Pack(), sent, as); len(changes) != 1 || changes[0].Indicator != 1 {
		t.Fatalf("changed since the review: %+v", changes)
	}
	w.Close()
	for _, ws := range []string{coord, opd} {
		w := openStore(t, ws)
		if r, err := w.Check(t.Context(), nil); err != nil || !r.OK() {
			t.Errorf("check of %s: %+v %v", ws, r, err)
		}
		w.Close()
	}
}

// extract copies member name of the zip file path into dir and returns
// its path.
func extract(t *testing.T, path, name, dir string) string {
	t.Helper()
	out := filepath.Join(dir, "ekstrak-"+name)
	if err := os.WriteFile(out, memberText(t, path, name), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// fieldEntries returns the history entries of the workspace w with the
// given field.
func fieldEntries(t *testing.T, w interface {
	History(no int) ([]model.Change, error)
}, field string) []model.Change {
	t.Helper()
	h, err := w.History(0)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Change
	for _, c := range h {
		if c.Field == field {
			out = append(out, c)
		}
	}
	return out
}

// TestReviewCommandLines: each review command refuses what it cannot do
// in one line, and explains itself with -h.
func TestReviewCommandLines(t *testing.T) {
	dir := t.TempDir()
	coord := filepath.Join(dir, "kota.swanilai")
	mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Asesor Internal", "--year", "2025", "--by", "Sari")
	mustRun(t, "opd", "-w", coord, "add", "--code", "BAPPEDA", "--name", "Badan Perencanaan Pembangunan Daerah", "--by", "Sari")
	for _, name := range []string{"diff", "review", "review-export"} {
		code, _, errs := runCLI(t, "", name, "-h")
		if code != 0 || !strings.Contains(errs, "Pemakaian / usage: swanilai "+name) || !strings.Contains(errs, "-opd") {
			t.Errorf("%s -h: %d\n%s", name, code, errs)
		}
	}
	tests := []struct {
		want string
		args []string
	}{
		{"sebutkan OPD dengan --opd", []string{"review", "-w", coord}},
		{"sebutkan OPD dengan --opd", []string{"diff", "-w", coord}},
		{"kiriman tidak ditemukan", []string{"diff", "-w", coord, "--opd", "BAPPEDA"}},
		{"kiriman tidak ditemukan", []string{"review", "-w", coord, "--opd", "BAPPEDA"}},
		{"kiriman tidak ditemukan", []string{"review", "-w", coord, "--opd", "BAPPEDA", "11", "accept", "--by", "Sari"}},
		{"OPD tidak terdaftar", []string{"review", "-w", coord, "--opd", "INSPEKTORAT"}},
		{"kode OPD hanya huruf", []string{"review", "-w", coord, "--opd", "bad code"}},
		{"adjust memerlukan tingkat", []string{"review", "-w", coord, "--opd", "BAPPEDA", "11", "adjust"}},
		{"tingkat \"6x\" bukan angka 1–5", []string{"review", "-w", coord, "--opd", "BAPPEDA", "11", "adjust", "6x"}},
		{"--missing hanya untuk revise", []string{"review", "-w", coord, "--opd", "BAPPEDA", "11", "accept", "--missing", "x"}},
		{"\"48\" bukan nomor indikator", []string{"review", "-w", coord, "--opd", "BAPPEDA", "48", "accept"}},
		{"sebutkan berkas bundel dengan -o", []string{"review-export", "-w", coord, "--opd", "BAPPEDA"}},
		{"kiriman tidak ditemukan", []string{"review-export", "-w", coord, "--opd", "BAPPEDA", "-o", filepath.Join(dir, "r.zip"), "--by", "Sari"}},
	}
	for _, tt := range tests {
		runFails(t, tt.want, tt.args...)
	}
}
