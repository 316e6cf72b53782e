package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/internal/sample"
)

func writeOPD(t testing.TB, a *model.Assessment, opts report.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteOPD(context.Background(), &buf, a, opts); err != nil {
		t.Fatalf("WriteOPD: %v", err)
	}
	return buf.Bytes()
}

func writeRecap(t testing.TB, rc *report.Recap, opts report.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteRecap(context.Background(), &buf, rc, opts); err != nil {
		t.Fatalf("WriteRecap: %v", err)
	}
	return buf.Bytes()
}

// checkFurniture checks the header and footer of every page: instansi,
// unit, year, "Halaman x dari y", the generation time, the workspace id.
func checkFurniture(t *testing.T, e *extracted, id model.Identity) {
	t.Helper()
	n := len(e.pages)
	stamp := "Dibuat 26 September 2025 pukul 14.05 WIB"
	for i, p := range e.pages {
		for _, want := range []string{
			id.Instansi, id.Unit, fmt.Sprintf("Tahun %d", id.Year),
			fmt.Sprintf("Halaman %d dari %d", i+1, n), stamp, id.ID,
		} {
			if !strings.Contains(p.squashed, squash(want)) {
				t.Errorf("page %d of %d lacks %q", i+1, n, want)
			}
		}
	}
}

// checkIndicators checks that the name of every indicator of the pack
// comes back from the PDF, and for every answered indicator the kriteria
// of its level, word for word (en dashes, slashes and quotes included).
func checkIndicators(t *testing.T, e *extracted, a *model.Assessment) {
	t.Helper()
	for _, no := range a.Pack.IndicatorNumbers() {
		ind := a.Pack.Indicator(no)
		if !e.contains(ind.Name) {
			t.Errorf("indicator %d: name %q not in the PDF", no, ind.Name)
		}
		if ans := a.Answers[no]; ans.Value != model.Unanswered {
			if crit := ind.Level(ans.Level()).Criteria; !e.contains(crit) {
				t.Errorf("indicator %d: kriteria of level %d not in the PDF: %q", no, ans.Level(), crit)
			}
		}
	}
}

func TestWriteOPD(t *testing.T) {
	needPoppler(t)
	tests := []struct {
		name string
		a    *model.Assessment
		// want are texts the report must contain.
		want []string
	}{
		{
			name: "partial OPD",
			a:    sample.Diskominfo(),
			want: []string{
				"LAPORAN PENILAIAN MANDIRI", "Indeks SPBE — PermenPANRB 59/2020", "Revisi ke-2",
				"33 dari 47 indikator · 60,50 % bobot",
				"Rencana Pencapaian Target 3,50", "3,50 · kurang",
				// Evidence metadata and the readiness findings.
				"1.a.Perwal-12-2022-Arsitektur-SPBE.pdf", "12 Tahun 2022", "14 Mar 2022",
				"Peraturan Wali Kota Pekalongan tentang Penyelenggaraan “Satu Data Kota Pekalongan”",
				"Tingkat 2 dipilih tanpa bukti dukung.",
				"FAKTA tidak menyebut nama berkas bukti dukung yang dilampirkan.",
				"Bukti dukung 10.b.Kepwal-400.14-009-2023-Tim-Koordinasi.pdf tidak berlaku lagi sejak 31 Desember 2024.",
				"Jawaban dibawa dari tahun lalu dan belum dikonfirmasi ulang.",
				// The Berita Acara.
				"BERITA ACARA", "Pada hari ini Jumat tanggal dua puluh enam bulan September tahun dua ribu dua puluh lima",
				"Drs. Bambang Nurcahyo, M.Si.", "NIP. 19700512 199303 1 006", "Pekalongan, 26 September 2025",
				"RWQ 5F1D 3A9C 7B2E 4F60",
			},
		},
		{
			name: "all 47 answered at length",
			a:    sample.Full(),
			want: []string{"47 dari 47 indikator · 100,00 % bobot", "Indikator 47", "Layanan Pendaftaran Pasien Daring RSUD Bendan"},
		},
		{
			name: "nothing answered",
			a:    sample.Empty(),
			want: []string{
				"Belum ada indikator yang dijawab", "0 dari 47 indikator · 0,00 % bobot",
				"Belum pernah dikirim (draf)", "NIP. ......", "( ......",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := writeOPD(t, tt.a, sample.Options())
			e := extract(t, pdf)
			score, err := tt.a.Score()
			if err != nil {
				t.Fatal(err)
			}
			if score.HasIndex() {
				// The index with its decimal comma, and the predikat.
				tt.want = append(tt.want, "Indeks SPBE atas indikator yang dijawab "+score.Index.ID(), score.Predikat)
			}
			for _, w := range tt.want {
				if !e.contains(w) {
					t.Errorf("the report lacks %q", w)
				}
			}
			checkFurniture(t, e, tt.a.Identity)
			checkIndicators(t, e, tt.a)
			for _, p := range checkLayout(e) {
				t.Error(p)
			}
		})
	}
}

// TestIndicatorBlocksKeptTogether checks that each indicator's block of
// the partial report, all of which fit on a page, is on one page: its
// title and its last evidence file or finding are on the same page.
func TestIndicatorBlocksKeptTogether(t *testing.T) {
	a := sample.Diskominfo()
	e := extract(t, writeOPD(t, a, sample.Options()))
	findings := map[int][]model.Finding{}
	for _, f := range a.Readiness(sample.Today) {
		findings[f.Indicator] = append(findings[f.Indicator], f)
	}
	for _, no := range slices.Sorted(maps.Keys(a.Answers)) {
		// A block ends with its findings, or else with its last evidence
		// file, found by its hash (FAKTA names the file too).
		end := ""
		if fs := findings[no]; len(fs) > 0 {
			end = fs[len(fs)-1].Text()
		} else {
			ev := a.EvidenceFor(no)
			end = ev[len(ev)-1].ShortHash()
		}
		page := e.pageOf(fmt.Sprintf("Indikator %d Domain", no))
		if page == 0 || !strings.Contains(e.pages[page-1].squashed, squash(end)) {
			t.Errorf("indicator %d: title on page %d, the end of its block on another page", no, page)
		}
		if e.contains(fmt.Sprintf("Indikator %d (lanjutan)", no)) {
			t.Errorf("indicator %d: block continued on another page", no)
		}
	}
}

// TestLongBlocksBreakCleanly checks the blocks of the full report, which
// with 2,000-character FAKTA and ANALISIS and five evidence files are
// longer than a page, and one made longer still (6,000 characters of
// FAKTA, 15 evidence files) to run over three pages: each goes on with its
// title repeated on every page, each page of its evidence table starts
// with the table header, and no text is lost.
func TestLongBlocksBreakCleanly(t *testing.T) {
	a := sample.Full()
	ans := a.Answers[11]
	ans.Fakta = strings.Repeat(ans.Fakta+"\n", 3)
	a.Answers[11] = ans
	base := a.EvidenceFor(11)[1]
	for i := range 10 {
		e := base
		e.Name = fmt.Sprintf("11.x.Lampiran-Tambahan-%02d.pdf", i+1)
		e.SHA256 = fmt.Sprintf("%064x", i+1)
		a.Evidence = append(a.Evidence, e)
	}
	model.SortEvidence(a.Evidence)

	e := extract(t, writeOPD(t, a, sample.Options()))
	body := e.body(a.Identity, "Laporan Penilaian Mandiri SPBE")
	for _, no := range a.Pack.IndicatorNumbers() {
		ind := a.Pack.Indicator(no)
		cont := squash(fmt.Sprintf("Indikator %d (lanjutan)", no) + ind.ShortName)
		start := e.pageOf(fmt.Sprintf("Indikator %d Domain", no))
		// The evidence rows are found by their hash: FAKTA names the files.
		ev := a.EvidenceFor(no)
		last := e.pageOf(ev[len(ev)-1].ShortHash())
		if start == 0 || last <= start {
			t.Errorf("indicator %d: block from page %d to %d, want longer than a page", no, start, last)
			continue
		}
		if no == 11 && last-start < 2 {
			t.Errorf("indicator 11: block on pages %d–%d, want three pages or more", start, last)
		}
		for p := start + 1; p <= last; p++ {
			if !strings.Contains(e.pages[p-1].squashed, cont) {
				t.Errorf("indicator %d: page %d goes on without the block's title", no, p)
			}
		}
		for _, x := range ev {
			p := e.pageOf(x.ShortHash())
			if p == 0 || !e.contains(x.Name) {
				t.Errorf("indicator %d: evidence %s is missing", no, x.Name)
			} else if !strings.Contains(e.pages[p-1].squashed, squash("Nama berkas Judul dokumen")) {
				t.Errorf("indicator %d: page %d has evidence rows without the table header", no, p)
			}
		}
		// The texts come back whole once the repeated titles are taken
		// out of the running text.
		text := strings.ReplaceAll(body, cont, "")
		for _, part := range []string{a.Answers[no].Fakta, a.Answers[no].Analisis} {
			if !strings.Contains(text, squash(part)) {
				t.Errorf("indicator %d: text lost or cut: %.60q…", no, part)
			}
		}
	}
	for _, p := range checkLayout(e) {
		t.Error(p)
	}
}

func TestWriteRecap(t *testing.T) {
	needPoppler(t)
	rc := sample.Recap(60)
	e := extract(t, writeRecap(t, rc, sample.Options()))
	score, err := rc.Pemda.Score()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"REKAPITULASI", "Bahan Forum SPBE",
		"Indeks SPBE hasil konsolidasi " + score.Index.ID(), score.Predikat,
		"3,50 · kurang " + model.RatioOf(350).Sub(score.Index).ID() + " dari target",
		"Indeks per Domain", "Indeks per Aspek",
		"Perkembangan Indeks", "2021 2,12 Cukup",
		"Matriks OPD × Indikator", "Keterangan:", "diterima asesor", "OPD menjawab",
		"Rekap per OPD", "Rincian per OPD",
	} {
		if !e.contains(w) {
			t.Errorf("the recap lacks %q", w)
		}
	}
	for _, o := range rc.OPDs {
		if !e.contains(o.Code) || !e.contains(o.Name) {
			t.Errorf("OPD %s %q missing", o.Code, o.Name)
		}
	}
	// The matrix fits 60 OPDs on A4 landscape pages, each with the
	// header row of indicator numbers and the legend.
	matrix := 0
	for i, p := range e.pages {
		if !strings.Contains(p.squashed, squash("Matriks OPD × Indikator")) {
			continue
		}
		matrix++
		if p.width < p.height {
			t.Errorf("matrix page %d is not landscape", i+1)
		}
		for _, w := range []string{"Kode OPD", "A1 1 2 3 4 5 6 7 8 9 10", "A8 42 43 44 45 46 47", "Keterangan:"} {
			if !strings.Contains(p.squashed, squash(w)) {
				t.Errorf("matrix page %d lacks %q", i+1, w)
			}
		}
	}
	if matrix < 1 || matrix > 2 {
		t.Errorf("the matrix of 60 OPDs takes %d pages, want 1 or 2", matrix)
	}
	checkFurniture(t, e, rc.Pemda.Identity)
	for _, no := range rc.Pemda.Pack.IndicatorNumbers() {
		if !e.contains(rc.Pemda.Pack.Indicator(no).Name) {
			t.Errorf("indicator %d missing from the recap", no)
		}
	}
	for _, p := range checkLayout(e) {
		t.Error(p)
	}
}

// TestRecapEdges renders recaps with no OPDs and no earlier years, and
// with a Pemda that answered nothing.
func TestRecapEdges(t *testing.T) {
	needPoppler(t)
	empty := sample.Recap(0)
	empty.Trend = nil
	nothing := sample.Recap(3)
	nothing.Pemda.Answers = map[int]model.Answer{}
	tests := []struct {
		name       string
		rc         *report.Recap
		want, lack []string
	}{
		{"no OPDs", empty, []string{"Belum ada OPD yang terdaftar.", "0 OPD, 0 telah mengirim"}, []string{"Perkembangan Indeks"}},
		{"nothing consolidated", nothing, []string{"0 dari 47 indikator", "Perkembangan Indeks", "belum dijawab"}, []string{"Rencana Pencapaian"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := extract(t, writeRecap(t, tt.rc, sample.Options()))
			for _, w := range tt.want {
				if !e.contains(w) {
					t.Errorf("lacks %q", w)
				}
			}
			for _, w := range tt.lack {
				if e.contains(w) {
					t.Errorf("has %q", w)
				}
			}
			checkFurniture(t, e, tt.rc.Pemda.Identity)
			for _, p := range checkLayout(e) {
				t.Error(p)
			}
		})
	}
}

// TestHostileText feeds the report what word processors and careless
// hands put in text: emoji, Word's private-use bullets, tabs, soft
// hyphens, a NUL, invalid UTF-8, a word longer than any cell, and an
// evidence title so long that its table row is taller than a page.
func TestHostileText(t *testing.T) {
	a := sample.Diskominfo()
	ans := a.Answers[1]
	ans.Fakta = "Rapat\tkoordinasi 👍 \uf0b7 butir satu\u00ad; \x00kode \xff\xfe " + strings.Repeat("x", 400) + " selesai ✓"
	a.Answers[1] = ans
	// The title numbers its items so that each can be found again.
	var items []string
	for i := range 700 {
		items = append(items, fmt.Sprintf("butir%d;", i+1))
	}
	title := "Lampiran: " + strings.Join(items, " ")
	for i := range a.Evidence {
		if a.Evidence[i].Indicator == 2 {
			a.Evidence[i].Title = title
			break
		}
	}
	e := extract(t, writeOPD(t, a, sample.Options()))
	if p := e.pageOf(items[len(items)-1]); p == e.pageOf(items[0]) {
		t.Errorf("the evidence row of %d items stands on one page (%d)", len(items), p)
	}
	for _, it := range items {
		if !e.contains(it) {
			t.Errorf("the long evidence title lost %q", it)
		}
	}
	for _, w := range []string{"Rapat koordinasi ? • butir satu; kode ? xxxx", "selesai √"} {
		if !e.contains(w) {
			t.Errorf("lacks %q", w)
		}
	}
	for _, p := range checkLayout(e) {
		t.Error(p)
	}
}

func TestDeterministic(t *testing.T) {
	a := writeOPD(t, sample.Diskominfo(), sample.Options())
	b := writeOPD(t, sample.Diskominfo(), sample.Options())
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same assessment differ")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Errorf("not a PDF: %q", a[:8])
	}
}

func TestProgress(t *testing.T) {
	var calls [][2]int64
	opts := sample.Options()
	opts.Progress = func(done, total int64) { calls = append(calls, [2]int64{done, total}) }
	writeRecap(t, sample.Recap(5), opts)
	if len(calls) < 3 {
		t.Fatalf("progress called %d times", len(calls))
	}
	for i, c := range calls {
		if c[0] > c[1] || (i > 0 && c[0] <= calls[i-1][0]) {
			t.Fatalf("progress %v after %v", c, calls[max(0, i-1)])
		}
	}
	if last := calls[len(calls)-1]; last[0] != last[1] {
		t.Errorf("last progress %v does not reach the total", last)
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return w.n, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestErrors(t *testing.T) {
	ctx := context.Background()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	noPack := sample.Diskominfo()
	noPack.Pack = nil
	badLevel := sample.Diskominfo()
	badLevel.Answers[3] = model.Answer{Indicator: 3, Value: 700}
	badCell := sample.Recap(2)
	badCell.OPDs[1].Cells[5] = report.CellState(42)
	badAssignment := sample.Recap(2)
	badAssignment.OPDs[0].Cells[99] = report.Assigned
	opdNoPack := sample.Recap(2)
	opdNoPack.OPDs[1].Assessment.Pack = nil
	otherPack := sample.Recap(2)
	// The same instrument in another version has another content hash.
	canon, err := sample.Pack().CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	other, err := model.ParsePackBytes(bytes.Replace(canon, []byte(`"version":"2024.1"`), []byte(`"version":"2024.2"`), 1))
	if err != nil {
		t.Fatal(err)
	}
	otherPack.OPDs[0].Assessment.Pack = other
	good := sample.Options()
	noTime := sample.Options()
	noTime.Generated = time.Time{}
	english := sample.Options()
	english.Language = "en"

	tests := []struct {
		name   string
		ctx    context.Context
		w      io.Writer
		opd    *model.Assessment
		recap  *report.Recap
		opts   report.Options
		wantIs []error
	}{
		{"nil assessment", ctx, io.Discard, nil, nil, good, []error{report.ErrInput}},
		{"no instrument", ctx, io.Discard, noPack, nil, good, []error{report.ErrInput}},
		{"level out of range", ctx, io.Discard, badLevel, nil, good, []error{report.ErrInput, model.ErrLevelRange}},
		{"no generation time", ctx, io.Discard, sample.Diskominfo(), nil, noTime, []error{report.ErrOptions}},
		{"unknown language", ctx, io.Discard, sample.Diskominfo(), nil, english, []error{report.ErrOptions}},
		{"writer fails", ctx, &failWriter{n: 1000}, sample.Diskominfo(), nil, good, []error{report.ErrWrite, errDiskFull}},
		{"cancelled", cancelled, io.Discard, sample.Diskominfo(), nil, good, []error{context.Canceled}},
		{"recap without Pemda", ctx, io.Discard, nil, &report.Recap{}, good, []error{report.ErrInput}},
		{"unknown cell state", ctx, io.Discard, nil, badCell, good, []error{report.ErrInput}},
		{"assigned indicator the instrument lacks", ctx, io.Discard, nil, badAssignment, good, []error{report.ErrInput, model.ErrUnknownIndicator}},
		{"OPD assessment without instrument", ctx, io.Discard, nil, opdNoPack, good, []error{report.ErrInput}},
		{"OPD on another instrument", ctx, io.Discard, nil, otherPack, good, []error{report.ErrInput, model.ErrInstrumentMismatch}},
		{"recap writer fails", ctx, &failWriter{n: 10}, nil, sample.Recap(2), good, []error{report.ErrWrite, errDiskFull}},
		{"recap cancelled", cancelled, io.Discard, nil, sample.Recap(2), good, []error{context.Canceled}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.recap != nil {
				err = report.WriteRecap(tt.ctx, tt.w, tt.recap, tt.opts)
			} else {
				err = report.WriteOPD(tt.ctx, tt.w, tt.opd, tt.opts)
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, want := range tt.wantIs {
				if !errors.Is(err, want) {
					t.Errorf("error %q is not %q", err, want)
				}
			}
		})
	}
}

// aspectsOnly returns the built-in instrument regrouped into one domain,
// the way Indeks Pemdi (PermenPANRB 8/2026) has aspects only.
func aspectsOnly(t *testing.T) *model.Pack {
	t.Helper()
	canon, err := sample.Pack().CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(canon, &p); err != nil {
		t.Fatal(err)
	}
	var aspects []any
	for _, d := range p["domains"].([]any) {
		aspects = append(aspects, d.(map[string]any)["aspects"].([]any)...)
	}
	p["domains"] = []any{map[string]any{"no": 1, "name": "Pemerintah Digital", "weight": json.Number("100.00"), "aspects": aspects}}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	pack, err := model.ParsePackBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return pack
}

// TestAspectsOnlyInstrument renders both reports over an instrument
// without domains: the tables and charts show the aspects, no domain.
func TestAspectsOnlyInstrument(t *testing.T) {
	needPoppler(t)
	pack := aspectsOnly(t)
	a := sample.Diskominfo()
	a.Pack = pack
	rc := sample.Recap(4)
	rc.Pemda.Pack = pack
	rc.Trend = nil
	for _, o := range rc.OPDs {
		if o.Assessment != nil {
			o.Assessment.Pack = pack
		}
	}
	for name, pdf := range map[string][]byte{"opd": writeOPD(t, a, sample.Options()), "recap": writeRecap(t, rc, sample.Options())} {
		e := extract(t, pdf)
		for _, w := range []string{"Aspek Bobot Indeks Dijawab", "Indeks per Aspek", "Aspek 8 · Layanan Publik Berbasis Elektronik"} {
			if !e.contains(w) {
				t.Errorf("%s: lacks %q", name, w)
			}
		}
		for _, w := range []string{"Domain 1", "Indeks per Domain", "Pemerintah Digital"} {
			if e.contains(w) {
				t.Errorf("%s: shows %q", name, w)
			}
		}
		for _, p := range checkLayout(e) {
			t.Errorf("%s: %s", name, p)
		}
	}
}
