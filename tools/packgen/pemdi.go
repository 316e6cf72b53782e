package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/swanilai/swanilai/model"
)

// pemdiSource is the shape of pemdi_8_2026_pack.json, the transcription of
// PermenPANRB 8/2026 from a copy of the salinan. Only the instrument is read;
// the transcriber's lists of sources, process notes and disagreements are
// summarised in the pack's notes below.
type pemdiSource struct {
	Regulation struct {
		Nomor        string `json:"nomor"`
		Tentang      string `json:"tentang"`
		Ditetapkan   string `json:"ditetapkan"`
		Diundangkan  string `json:"diundangkan"`
		BeritaNegara string `json:"berita_negara"`
		SalinanCopy  struct {
			Sha256 string `json:"sha256"`
			Pages  int    `json:"pages"`
		} `json:"salinan_copy"`
	} `json:"regulation"`
	Scale struct {
		Levels []struct {
			Value       int    `json:"value"`
			Name        string `json:"name"`
			AliasID     string `json:"alias_id"`
			AliasEN     string `json:"alias_en"`
			RangeLabel  string `json:"range_label"`
			Description string `json:"description"`
		} `json:"levels"`
	} `json:"scale"`
	Predikat []struct {
		Name         string      `json:"name"`
		Label        string      `json:"label"`
		Min          json.Number `json:"min"`
		Max          json.Number `json:"max"`
		MinInclusive bool        `json:"min_inclusive"`
		MaxInclusive bool        `json:"max_inclusive"`
	} `json:"predikat"`
	Aspects []struct {
		No         int              `json:"no"`
		Name       string           `json:"name"`
		Weight     json.Number      `json:"weight"`
		Indicators []pemdiIndicator `json:"indicators"`
	} `json:"aspects"`
}

type pemdiIndicator struct {
	No              int         `json:"no"`
	Name            string      `json:"name"`
	NameHeading     string      `json:"name_heading"`
	Kuesioner       string      `json:"kuesioner"`
	Weight          json.Number `json:"weight"`
	Description     string      `json:"description"`
	InstansiPembina []string    `json:"instansi_pembina"`
	PeranFungsi     []string    `json:"peran_fungsi"`
	External        *struct {
		SourceIndex string   `json:"source_index"`
		Agency      string   `json:"agency"`
		Bands       []string `json:"bands"`
	} `json:"external"`
	Levels []struct {
		Level               int      `json:"level"`
		Criteria            string   `json:"criteria"`
		Evidence            string   `json:"evidence"`
		EvidenceSource      string   `json:"evidence_source"`
		EvidenceItems       []string `json:"evidence_items_reported"`
		EvidenceItemsSource string   `json:"evidence_items_source"`
	} `json:"levels"`
}

// pemdiStatusNote is shown wherever the pack is named.
const pemdiStatusNote = "transkripsi salinan, belum diverifikasi ke JDIH"

// pemdiNotes are the pack's notes for its users; they summarise what the
// transcriber found (pemdi-2026-notes.md) and the decisions of this
// project.
func pemdiNotes(src *pemdiSource) []string {
	return []string{
		fmt.Sprintf("Status: ditranskripsi dari salinan %s tentang %s (%d halaman, tanda air jdih.menpan.go.id, \"Salinan Sesuai Dengan Aslinya\", sha256 %s) yang ditemukan di repositori pihak ketiga. Salinan itu belum dibandingkan dengan jdih.menpan.go.id atau peraturan.go.id; setelah diverifikasi, status paket dapat diubah.",
			src.Regulation.Nomor, src.Regulation.Tentang, src.Regulation.SalinanCopy.Pages, src.Regulation.SalinanCopy.Sha256),
		"Rumus (Lampiran Bab II.B.1): Indeks Aspek = Σ(bobot indikator × nilai indikator) / bobot aspek; Indeks Pemdi = Σ(bobot aspek × Indeks Aspek), bobot dalam persen. Contoh dalam Permen: (5 % × 2 + 5 % × 3) / 10 % = 2,5; Tabel 3: 0,26 + 0,35 + 0,18 + 0,525 + 0,25 + 0,36 + 0,875 = 2,8.",
		"Batas predikat (Tabel 4) dan rentang tingkat inklusif di atas: nilai tepat 1,50, 2,50, 3,50 dan 4,00 mendapat predikat yang lebih rendah (1,50 Kurang, 2,50 Cukup, 3,50 Baik, 4,00 Sangat Baik). Pada salinan tanda \"≤\" tercetak sebagai \"<\" bergaris bawah; ekstraksi teks biasa kehilangan garis bawah itu, sehingga beberapa aplikasi pihak ketiga keliru memakai batas inklusif di bawah.",
		"Nilai indikator boleh desimal dengan dua angka di belakang koma (mis. 2,50), seperti hasil evaluator KemenPANRB; tingkat yang dipilih langsung bernilai 1, 2, 3, 4 atau 5.",
		"Pasal 7 ayat (3)–(4): sebagian kuesioner memakai indeks hasil evaluasi Instansi Pusat lain. Nilai indikator 5 (SDI, Bappenas), 6 (SJIG, BIG) dan 7 (IPS/EPSS, BPS) dapat diisi dari indeks itu; paket mengubahnya menjadi nilai indikator secara linear di dalam rentang tingkat. Celah teks (SJIG = 1, IPS 4,20 dan 5,00, batas bawah IPS) ditutup oleh proyek; lihat catatan indikatornya.",
		"Permen tidak memuat persyaratan data dukung. Petunjuk bukti dukung pada paket ini (19 dari 100 tingkat) berasal dari transkripsi pihak ketiga atas Modul Indikator KemenPANRB dan butir eval.spbe.go.id (Kab. Aceh Tengah), bukan bagian Permen; setiap petunjuk menyebut sumbernya.",
		"Nama dalam Permen tidak seragam: Tabel 1 memakai \"Pemdi\", judul indikator memakai \"Pemerintah Digital\" (disimpan sebagai nama lain indikator); Aspek 5 bernama \"Teknologi Pemdi\" pada Tabel 1 dan \"Teknologi Digital\" pada judul bagian e) Lampiran; BSSN tercetak \"Badan Sandi dan Siber Negara\" pada indikator 9–12. Teks tingkat direproduksi persis, termasuk kata yang hilang pada salinan.",
		"Padanan indikator dari PermenPANRB 59/2020 (crosswalk) adalah pemetaan proyek Swanilai, bukan ketentuan resmi: dipakai untuk menawarkan bukti dukung tahun lalu saat berkas kerja 2026 dimulai dari berkas kerja 2025; jawaban tidak dibawa karena skalanya berbeda.",
	}
}

// pemdiIndicatorNotes are per-indicator notes: the misprints the pack keeps
// and the indicators that refer to another agency's index without a
// numeric conversion.
var pemdiIndicatorNotes = map[int][]string{
	6:  {"Beberapa kriteria tingkat pada salinan kehilangan kata (kemungkinan \"informasi geospasial\"/\"IG\"), mis. \"Tata kelola dan kelembagaan penyelenggaraan telah ditetapkan\"; teks direproduksi seperti pada salinan."},
	9:  {"Kriteria tingkat 4 tercetak \"… sesuai dengan telah dilaksanakan\" (ada kata yang hilang pada salinan); direproduksi seperti adanya."},
	10: {"Deskripsi indikator merujuk IKASANDI (BSSN), tetapi Permen tidak memberi konversi angka: nilai diisi sebagai penilaian mandiri. Butir evaluasi tingkat 1 yang dilaporkan Kab. Aceh Tengah: \"Nilai IKASANDI pada area Keamanan Siber. 0 < IKASANDI < 1,5.\""},
	11: {"Kriteria tingkat 5 merujuk IKASANDI Area Kematangan Persandian (BSSN) tanpa konversi angka: nilai diisi sebagai penilaian mandiri."},
	12: {"Deskripsi indikator merujuk IKASANDI Area Penanganan Insiden Siber (BSSN) tanpa konversi angka: nilai diisi sebagai penilaian mandiri."},
	13: {"Bobot 5 % menurut Tabel 1 (sesuai jumlah bobot Aspek Teknologi Pemdi 10 %). Tabel kuesioner indikator 13 pada Lampiran yang sama mencetak 4 %: salah cetak, tidak dipakai."},
	15: {"Sel kuesioner indikator ini tercetak \"Keterpaduan Proses Bisnis Lintas Sektor\"."},
	16: {"Deskripsi tercetak \"… layanan kepada Presiden melalui Presiden\"; direproduksi seperti adanya."},
	17: {"Kriteria tingkat 5 butir 2 menyebut \"Integrasi Aplikasi\" (salinan dari indikator 16); direproduksi seperti adanya."},
	20: {"Kriteria tingkat 1 merujuk Survei Kepuasan Masyarakat (SKM) Online sesuai Pedoman Menteri; itu bukan konversi indeks."},
}

// externalBasis says, per indicator, where its external index bands and
// the conversion come from, and which gaps the project closed.
var externalBasis = map[int]string{
	5:  "Kriteria tiap tingkat (Lampiran Bab II.A) memuat rentang SDI. Konversi linear di dalam rentang tingkat (SDI 25 → 2,00; SDI 68,75 → 3,75) mengikuti contoh Modul Indikator KemenPANRB sebagaimana ditranskripsi Kab. Aceh Tengah, bukan teks Permen.",
	6:  "Kriteria tiap tingkat memuat rentang SJIG (\"Indikator penilaian diselaraskan dengan Evaluasi SJIG\"). Rentangnya sama dengan rentang nilai tingkat, sehingga nilai SJIG dipakai apa adanya. Teks Permen tidak mencakup SJIG = 1 (\"1 < SJIG ≤ 1,50\"); keputusan proyek: SJIG 1 masuk tingkat 1.",
	7:  "Kriteria tiap tingkat memuat rentang IPS hasil EPSS (\"Indikator penilaian diselaraskan dengan EPSS\"). Teks Permen tidak memberi batas bawah tingkat 1 dan tidak mencakup IPS 4,20 dan 5,00 (\"3,50 <= IPS < 4,20\", \"4,20 < IPS < 5,00\"); keputusan proyek: tingkat 1 mulai dari 1,00 (skala IPS 1–5), 4,20 dan 5,00 masuk tingkat 5. Konversi linear di dalam rentang tingkat juga keputusan proyek, mengikuti konversi SDI.",
	18: "Tidak ada dalam Permen: hanya dilaporkan Kab. Aceh Tengah (butir evaluasi tingkat 1 \"Indeks SDI pada Aspek Interoperabilitas Data. 0 < SDI < 12,5.\") dan lembar evaluator KemenPANRB yang ditranskripsinya. Keputusan proyek: rentang sama dengan indikator 5; pengisian nilai eksternal opsional, penilaian mandiri tetap berlaku.",
}

// borrowedBands gives an indicator the external bands of another when the
// instrument names the index but not its bands (see externalBasis).
var borrowedBands = map[int]int{18: 5}

// pemdiCrosswalk is the project's own mapping from PermenPANRB 59/2020
// indicators to Indeks Pemdi indicators: whose evidence is likely to serve
// which new indicator. It is guidance, not a regulation: indicators 6 and 7
// (geospatial information, statistics) have no counterpart in 59/2020.
var pemdiCrosswalk = []model.CrosswalkLink{
	{Indicator: 1, From: []int{1, 2, 11, 12, 13}, Reason: "Kebijakan dan dokumen Arsitektur SPBE, Peta Rencana SPBE dan keterpaduan rencana–anggaran menjadi dasar Rencana Aksi dan Arsitektur Pemdi."},
	{Indicator: 2, From: []int{21, 26, 27, 28}, Reason: "Manajemen risiko, pengetahuan, perubahan dan layanan SPBE adalah bagian Manajemen Layanan Digital Pemerintah."},
	{Indicator: 3, From: []int{25}, Reason: "Penerapan kompetensi SDM SPBE memuat peta dan pengembangan kompetensi digital ASN."},
	{Indicator: 4, From: []int{10, 19, 20}, Reason: "Tim Koordinasi SPBE dan kolaborasi penerapan SPBE menjadi bukti forum koordinasi dan kolaborasi Pemdi."},
	{Indicator: 5, From: []int{3, 23, 43}, Reason: "Kebijakan dan penerapan manajemen data serta layanan data terbuka adalah tata kelola data Satu Data Indonesia."},
	{Indicator: 8, From: []int{8, 22}, Reason: "Kebijakan dan penerapan manajemen keamanan informasi sering memuat pelindungan data pribadi."},
	{Indicator: 9, From: []int{9, 29, 30, 31}, Reason: "Kebijakan audit TIK dan audit infrastruktur, aplikasi dan keamanan SPBE adalah audit keamanan dan teknologi Pemdi."},
	{Indicator: 10, From: []int{8, 22}, Reason: "Kebijakan dan penerapan manajemen keamanan informasi adalah tata kelola keamanan Pemdi."},
	{Indicator: 11, From: []int{8, 22}, Reason: "Dokumen keamanan informasi dapat memuat penerapan persandian dan kriptografi."},
	{Indicator: 12, From: []int{22}, Reason: "Penerapan manajemen keamanan informasi dapat memuat penanganan insiden (TTIS/CSIRT)."},
	{Indicator: 13, From: []int{4, 15}, Reason: "Kebijakan dan pembangunan aplikasi SPBE adalah dasar aplikasi Pemdi."},
	{Indicator: 14, From: []int{5, 6, 16, 17, 24}, Reason: "Pusat data, jaringan intra dan manajemen aset TIK adalah infrastruktur Pemdi."},
	{Indicator: 15, From: []int{11, 14}, Reason: "Arsitektur proses bisnis dan inovasi proses bisnis SPBE menjadi bukti keterpaduan proses bisnis."},
	{Indicator: 16, From: []int{7, 18, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41}, Reason: "Sistem penghubung layanan dan integrasi layanan administrasi pemerintahan (tingkat kolaborasi) adalah integrasi aplikasi."},
	{Indicator: 17, From: []int{42, 43, 44, 45, 46, 47}, Reason: "Layanan publik berbasis elektronik adalah isi portal layanan digital pemerintah."},
	{Indicator: 18, From: []int{3, 7, 18, 23}, Reason: "Manajemen data dan sistem penghubung layanan menjadi bukti interoperabilitas data."},
	{Indicator: 19, From: []int{28, 42}, Reason: "Manajemen layanan SPBE dan layanan pengaduan memuat dukungan pengguna (service desk, SLA)."},
	{Indicator: 20, From: []int{28, 42}, Reason: "Manajemen layanan SPBE dan layanan pengaduan memuat pengelolaan umpan balik dan kepuasan pengguna."},
}

const crosswalkNote = "Pemetaan proyek Swanilai, bukan ketentuan resmi: indikator PermenPANRB 59/2020 yang bukti dukungnya kemungkinan dapat dipakai lagi untuk indikator Indeks Pemdi. Dipakai saat berkas kerja 2026 dimulai dari berkas kerja 2025: jawaban tidak dibawa (skalanya berbeda), bukti dukung ditawarkan per indikator baru untuk dipilih. Indikator 6 dan 7 tidak punya padanan."

func convertPemdi(file string) (*model.Pack, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var src pemdiSource
	if err := dec.Decode(&src); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	set, err := model.ParseDate(src.Regulation.Ditetapkan)
	if err != nil {
		return nil, err
	}
	enacted, err := model.ParseDate(src.Regulation.Diundangkan)
	if err != nil {
		return nil, err
	}
	p := &model.Pack{
		Format:        model.PackFormat,
		FormatVersion: model.PackFormatVersion,
		ID:            "pemdi-8-2026",
		Title:         "Indeks Pemdi — PermenPANRB 8/2026",
		ShortTitle:    "Pemdi 8/2026",
		IndexName:     "Indeks Pemdi",
		LegalBasis: []string{
			fmt.Sprintf("%s tentang %s (%s), ditetapkan %s, diundangkan %s", src.Regulation.Nomor, src.Regulation.Tentang, src.Regulation.BeritaNegara, set.ID(), enacted.ID()),
		},
		Version:       "2026.1",
		Status:        model.StatusDraft,
		StatusNote:    pemdiStatusNote,
		Years:         model.YearSpan{From: 2026},
		DecimalValues: true,
		Notes:         pemdiNotes(&src),
	}
	scale := model.Scale{ID: "pemdi", Name: "Tingkat Kematangan Pemdi"}
	for _, l := range src.Scale.Levels {
		iv, err := parseRangeLabel(l.RangeLabel)
		if err != nil {
			return nil, fmt.Errorf("scale level %d: %w", l.Value, err)
		}
		scale.Levels = append(scale.Levels, model.ScaleLevel{Value: l.Value, Name: l.Name, Aliases: []string{l.AliasID, l.AliasEN}, Description: l.Description, Range: &iv})
	}
	p.Scales = []model.Scale{scale}
	for _, b := range src.Predikat {
		band := model.Band{Name: b.Name, Aliases: labelAliases(b.Label, b.Name), MinInclusive: b.MinInclusive, MaxInclusive: b.MaxInclusive}
		if band.Min, err = hundredths(b.Min); err != nil {
			return nil, err
		}
		if band.Max, err = hundredths(b.Max); err != nil {
			return nil, err
		}
		p.Predikat = append(p.Predikat, band)
	}
	// Indeks Pemdi has aspects only: one domain holds them with the whole
	// weight (model.Pack.HasDomains reports it as no domain level).
	d := model.Domain{No: 1, Name: "Pemerintah Digital", Weight: 10000}
	externals := map[int]*model.External{}
	for _, sa := range src.Aspects {
		a := model.Aspect{No: sa.No, Name: sa.Name}
		if a.Weight, err = hundredths(sa.Weight); err != nil {
			return nil, err
		}
		for _, si := range sa.Indicators {
			ind, err := convertPemdiIndicator(si, externals)
			if err != nil {
				return nil, fmt.Errorf("indicator %d: %w", si.No, err)
			}
			a.Indicators = append(a.Indicators, ind)
		}
		d.Aspects = append(d.Aspects, a)
	}
	p.Domains = []model.Domain{d}
	for to, from := range borrowedBands {
		ind, lender := findIndicator(p, to), externals[from]
		if ind == nil || lender == nil || ind.External == nil {
			return nil, fmt.Errorf("indicator %d cannot borrow the bands of indicator %d", to, from)
		}
		e := ind.External
		e.Short, e.Min, e.Max = lender.Short, lender.Min, lender.Max
		for _, b := range lender.Bands {
			b.Literal = "" // the instrument prints no bands for the borrower
			e.Bands = append(e.Bands, b)
		}
	}
	p.Crosswalks = []model.Crosswalk{{From: "spbe-59-2020", Note: crosswalkNote, Links: pemdiCrosswalk}}
	return p, nil
}

func findIndicator(p *model.Pack, no int) *model.Indicator {
	for di := range p.Domains {
		for ai := range p.Domains[di].Aspects {
			a := &p.Domains[di].Aspects[ai]
			for ii := range a.Indicators {
				if a.Indicators[ii].No == no {
					return &a.Indicators[ii]
				}
			}
		}
	}
	return nil
}

// labelAliases returns the names of a label such as "Kurang/Merintis/Initiate"
// other than name.
func labelAliases(label, name string) []string {
	var out []string
	for _, s := range strings.Split(label, "/") {
		if s = strings.TrimSpace(s); s != "" && s != name {
			out = append(out, s)
		}
	}
	return out
}

func convertPemdiIndicator(si pemdiIndicator, externals map[int]*model.External) (model.Indicator, error) {
	w, err := hundredths(si.Weight)
	if err != nil {
		return model.Indicator{}, err
	}
	ind := model.Indicator{
		No:          si.No,
		Name:        si.Name,
		ShortName:   strings.TrimPrefix(si.Name, "Tingkat Kematangan "),
		Weight:      w,
		Scale:       "pemdi",
		Question:    si.Kuesioner,
		Description: si.Description,
		Authorities: si.InstansiPembina,
		Functions:   si.PeranFungsi,
		Notes:       pemdiIndicatorNotes[si.No],
	}
	for _, alt := range []string{si.NameHeading, si.Kuesioner} {
		if alt != si.Name && (len(ind.Aliases) == 0 || ind.Aliases[0] != alt) {
			ind.Aliases = append(ind.Aliases, alt)
		}
	}
	basis, ok := externalBasis[si.No]
	if !ok && si.External != nil && len(si.External.Bands) > 0 {
		return ind, fmt.Errorf("the source prints external bands, but the pack gives no basis for them")
	}
	if ok {
		if si.External == nil {
			return ind, fmt.Errorf("an external basis is written for an indicator without an external index")
		}
		e, err := convertExternal(si, basis)
		if err != nil {
			return ind, err
		}
		ind.External = e
		externals[si.No] = e
	}
	for _, l := range si.Levels {
		lv := model.Level{Level: l.Level, Criteria: l.Criteria}
		if l.Evidence != "" {
			lv.EvidenceHints = append(lv.EvidenceHints, model.Hint{Text: l.Evidence, Source: l.EvidenceSource})
		}
		for _, item := range l.EvidenceItems {
			lv.EvidenceHints = append(lv.EvidenceHints, model.Hint{Text: item, Source: l.EvidenceItemsSource})
		}
		ind.Levels = append(ind.Levels, lv)
	}
	return ind, nil
}

var (
	// scaleRe reads the scale of an index, "…, skala 0–100".
	scaleRe = regexp.MustCompile(`^(.*), skala ([0-9,]+)–([0-9,]+)$`)
	// bandRe reads an external band as the Permen prints it: "12,5 < SDI ≤
	// 37,5", "IPS < 1,8", "1,8 <= IPS < 2,60".
	bandRe = regexp.MustCompile(`^(?:([0-9,]+) *(<=|≤|<) *)?([A-Z]+) *(<=|≤|<) *([0-9,]+)$`)
	// rangeRe reads a level range label: "1,00 s.d. ≤ 1,50", "> 1,50 s.d.
	// ≤ 2,50", "> 4,00 s.d. 5,00".
	rangeRe = regexp.MustCompile(`^(> *)?([0-9,]+) s\.d\. (≤ *)?([0-9,]+)$`)
)

// parseRangeLabel reads a level range label. The lower edge is inclusive
// unless preceded by ">"; the upper edge is inclusive when marked "≤" or
// when it has no sign at all ("s.d. 5,00": up to and including 5,00).
func parseRangeLabel(s string) (model.Interval, error) {
	m := rangeRe.FindStringSubmatch(s)
	if m == nil {
		return model.Interval{}, fmt.Errorf("range label %q", s)
	}
	lo, err := model.ParseHundredths(m[2])
	if err != nil {
		return model.Interval{}, err
	}
	hi, err := model.ParseHundredths(m[4])
	if err != nil {
		return model.Interval{}, err
	}
	return model.Interval{Min: lo, MinInclusive: m[1] == "", Max: hi, MaxInclusive: true}, nil
}

// convertExternal builds the external index of an indicator from the bands
// the Permen prints and closes the gaps the text leaves, as the project
// decided (externalBasis): a missing lower edge is the scale's minimum; the
// ends of the scale belong to the end bands; an edge that both neighbours
// exclude belongs to the band above it. An indicator in borrowedBands gets
// its scale and bands from the lender later.
func convertExternal(si pemdiIndicator, basis string) (*model.External, error) {
	if _, ok := borrowedBands[si.No]; ok {
		// The scale and the bands are the lender's; see convertPemdi.
		return &model.External{Index: si.External.SourceIndex, Agency: si.External.Agency, Basis: basis}, nil
	}
	m := scaleRe.FindStringSubmatch(si.External.SourceIndex)
	if m == nil {
		return nil, fmt.Errorf("no scale in %q", si.External.SourceIndex)
	}
	e := &model.External{Index: m[1], Agency: si.External.Agency, Official: true, Basis: basis}
	var err error
	if e.Min, err = model.ParseHundredths(m[2]); err != nil {
		return nil, err
	}
	if e.Max, err = model.ParseHundredths(m[3]); err != nil {
		return nil, err
	}
	for i, lit := range si.External.Bands {
		bm := bandRe.FindStringSubmatch(lit)
		if bm == nil {
			return nil, fmt.Errorf("band %q", lit)
		}
		if e.Short == "" {
			e.Short = bm[3]
		} else if e.Short != bm[3] {
			return nil, fmt.Errorf("band %q names %s, not %s", lit, bm[3], e.Short)
		}
		b := model.ExternalBand{Level: i + 1, Literal: lit}
		if bm[1] == "" {
			b.Min, b.MinInclusive = e.Min, true
		} else if b.Min, err = model.ParseHundredths(bm[1]); err != nil {
			return nil, err
		} else {
			b.MinInclusive = bm[2] != "<"
		}
		if b.Max, err = model.ParseHundredths(bm[5]); err != nil {
			return nil, err
		}
		b.MaxInclusive = bm[4] != "<"
		e.Bands = append(e.Bands, b)
	}
	if len(e.Bands) == 0 {
		return nil, fmt.Errorf("no bands")
	}
	first, last := &e.Bands[0], &e.Bands[len(e.Bands)-1]
	if first.Min == e.Min {
		first.MinInclusive = true
	}
	if last.Max == e.Max {
		last.MaxInclusive = true
	}
	for i := 1; i < len(e.Bands); i++ {
		a, b := &e.Bands[i-1], &e.Bands[i]
		if a.Max == b.Min && !a.MaxInclusive && !b.MinInclusive {
			b.MinInclusive = true
		}
	}
	return e, nil
}
