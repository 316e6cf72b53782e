package report

import (
	"fmt"
	"strconv"

	"github.com/swanilai/swanilai/model"
)

// texts holds every word a report prints that does not come from the
// assessment or the instrument, so that a report in another language is one
// more value of this type.
type texts struct {
	// Page furniture.
	pageOf      func(page int, total string) string
	generated   string // "Dibuat" before the generation time
	workspaceID string
	headerOPD   string
	headerRecap string
	yearOf      func(year int) string

	// Cover of the OPD report.
	coverOPD          [3]string
	coverInstrument   string
	coverLegalBasis   string
	coverVersion      string
	coverHash         string
	coverRevision     string
	revisionN         func(n int) string
	revisionNone      string
	coverGenerated    string
	coverDraftWarning string

	// Summary.
	secSummary    string
	indexOver     func(indexName string) string
	predikat      string
	coverage      string
	coverageOf    func(answered, total int, weight string) string
	target        string
	gapShort      func(gap string) string
	gapReached    func(over string) string
	evidenceCount string
	evidenceOf    func(files, findings int) string
	opdIndexNote  string
	roundingNote  func(exact string) string
	colPart       string
	colAspect     string
	colWeight     string
	colIndex      string
	colAnswered   string
	domainN       func(no int, name string) string
	aspectN       func(no int, name string) string
	chartDomains  string
	chartAspects  string
	chartAxis     string
	chartTarget   func(target string) string
	notAnswered   string

	// Target plan.
	secPlan         func(target string) string
	planIntro       func(current, target string, steps int, after string) string
	planReached     func(current, target string) string
	planUnreachable func(current, target, best string) string
	colStep         string
	colNo           string
	colIndicator    string
	colLevelChange  string
	colIndexAfter   string

	// Indicator overview and blocks.
	secOverview   string
	secReview     string
	reviewIntro   func(rev int, sent string) string
	reviewStale   func(rev, latest int) string
	reviewRow     string
	colVerdict    string
	colNote       string
	verdictText   func(v model.Verdict) string
	adjustedTo    func(level string) string
	noteMissing   string
	colLevel      string
	colTarget     string
	colEvidence   string
	colFindings   string
	secIndicators string
	noBlocks      string
	indicatorN    func(no int) string
	continued     string
	weightIs      func(w string) string
	levelChosen   string
	levelTarget   string
	sector        string
	criteriaOf    func(level int) string
	fakta         string
	analisis      string
	empty         string
	evidence      string
	evidenceN     func(n int) string
	noEvidence    string
	colFile       string
	colTitle      string
	colDocNo      string
	colDocDate    string
	colValidUntil string
	colHash       string
	findings      string
	levelName     func(level int, name string) string
	levelArrow    func(from, to string) string

	// Berita Acara.
	baTitle      [2]string
	baNumber     string
	baOpening    func(weekday, day, month, year, place string) string
	baName       string
	baNIP        string
	baPosition   string
	baStatement  func(unit, instansi string, year int, instrument string) string
	baAnswered   string
	baIndex      string
	baEvidence   string
	baFindings   string
	baRevision   string
	baClosing    string
	baKnown      string
	files        func(n int) string
	nip          func(nip string) string
	baHeadTitle  func(unit string) string
	baRespTitle  string
	baDocID      string
	baInstrument string
	baKey        string
	blank        string
	blankNIP     string

	// Recap.
	coverRecap      [3]string
	recapTeam       string
	recapOPDs       string
	recapReceived   func(received, total int) string
	secRecapIndex   string
	pemdaIndex      func(indexName string) string
	secTrend        string
	trendIndex      string
	secMatrix       string
	matrixFilled    string
	matrixCount     string
	legendTitle     string
	stateNames      map[CellState]string
	secOPDTable     string
	colCode         string
	colCodeOPD      string
	colYear         string
	aspectShort     func(no int) string
	colOPD          string
	colAssigned     string
	colWithEvidence string
	colRevision     string
	colAccepted     string
	colOPDIndex     string
	colSubmitted    string
	colStatus       string
	opdIndexFoot    string
	secOPDDetail    string
	opdMeta         func(status, submission, answered, index string) string
	answeredOf      func(answered, assigned int) string
	stateMarks      map[CellState]string
	notSubmitted    string
	noOPDs          string
	noneAssigned    string
	colState        string

	// The Excel workbook of the recap.
	xlsxItem, xlsxValue, xlsxInstansi, xlsxYear, xlsxInstrument       string
	xlsxPredikat, xlsxCoverage, xlsxWeight, xlsxTarget, xlsxGenerated string
	xlsxDomain, xlsxAspect, xlsxIndicator, xlsxWeight2                string
	xlsxPemdaLevel, xlsxLevelName, xlsxContributions                  string
}

// languages maps each Language to its texts; the zero Language is
// Indonesian.
var languages = map[Language]*texts{
	"":         &indonesian,
	Indonesian: &indonesian,
}

var indonesian = texts{
	pageOf:      func(page int, total string) string { return "Halaman " + strconv.Itoa(page) + " dari " + total },
	generated:   "Dibuat",
	workspaceID: "ID berkas kerja",
	headerOPD:   "Laporan Penilaian Mandiri SPBE",
	headerRecap: "Rekapitulasi Penilaian Mandiri SPBE",
	yearOf:      func(year int) string { return "Tahun " + strconv.Itoa(year) },

	coverOPD:          [3]string{"LAPORAN PENILAIAN MANDIRI", "SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "(SPBE)"},
	coverInstrument:   "Instrumen",
	coverLegalBasis:   "Dasar hukum",
	coverVersion:      "Versi instrumen",
	coverHash:         "Sidik isi instrumen",
	coverRevision:     "Kiriman",
	revisionN:         func(n int) string { return "Revisi ke-" + strconv.Itoa(n) },
	revisionNone:      "Belum pernah dikirim (draf)",
	coverGenerated:    "Tanggal dibuat",
	coverDraftWarning: "Instrumen ini belum diverifikasi terhadap naskah resmi.",

	secSummary:    "Ringkasan Hasil",
	indexOver:     func(name string) string { return name + " atas indikator yang dijawab" },
	predikat:      "Predikat",
	coverage:      "Cakupan",
	coverageOf:    func(a, t int, w string) string { return fmt.Sprintf("%d dari %d indikator · %s bobot", a, t, w) },
	target:        "Target indeks",
	gapShort:      func(gap string) string { return "kurang " + gap + " dari target" },
	gapReached:    func(over string) string { return "tercapai, lebih " + over },
	evidenceCount: "Bukti dukung",
	evidenceOf:    func(f, n int) string { return fmt.Sprintf("%d berkas · %d catatan kesiapan", f, n) },
	opdIndexNote: "Peraturan tidak mengatur indeks per OPD. Indeks di laporan ini dihitung dengan rumus yang sama " +
		"(Indeks = Σ(NI × BI) / ΣBI) atas indikator yang dijawab saja dan selalu dibaca bersama cakupannya; " +
		"indikator yang belum dijawab tidak dihitung sebagai tingkat 0 atau 1.",
	roundingNote: func(exact string) string {
		return "Nilai tepat indeks adalah " + exact + "; predikat ditentukan dari nilai tepat, bukan dari pembulatan dua angka di belakang koma."
	},
	colPart:      "Domain / Aspek",
	colAspect:    "Aspek",
	colWeight:    "Bobot",
	colIndex:     "Indeks",
	colAnswered:  "Dijawab",
	domainN:      func(no int, name string) string { return fmt.Sprintf("Domain %d · %s", no, name) },
	aspectN:      func(no int, name string) string { return fmt.Sprintf("Aspek %d · %s", no, name) },
	chartDomains: "Indeks per Domain",
	chartAspects: "Indeks per Aspek",
	chartAxis:    "Indeks (1–5), latar menurut rentang predikat",
	chartTarget:  func(t string) string { return "Target " + t },
	notAnswered:  "belum dijawab",

	secPlan: func(t string) string { return "Rencana Pencapaian Target " + t },
	planIntro: func(cur, t string, n int, after string) string {
		return fmt.Sprintf("Indeks saat ini %s, target %s. Target tercapai dengan menaikkan %d kali satu tingkat, "+
			"mulai dari indikator berbobot terbesar; indeks setelah semua langkah: %s.", cur, t, n, after)
	},
	planReached: func(cur, t string) string { return fmt.Sprintf("Indeks saat ini %s sudah mencapai target %s.", cur, t) },
	planUnreachable: func(cur, t, best string) string {
		return fmt.Sprintf("Indeks saat ini %s. Target %s tidak dapat dicapai dengan menaikkan indikator yang sudah dijawab; "+
			"dengan semua langkah di bawah indeks tertinggi yang dapat dicapai adalah %s.", cur, t, best)
	},
	colStep:        "Langkah",
	colNo:          "No",
	colIndicator:   "Indikator",
	colLevelChange: "Tingkat",
	colIndexAfter:  "Indeks sesudahnya",

	secOverview: "Daftar Indikator",
	secReview:   "Hasil Reviu Koordinator",
	reviewIntro: func(rev int, sent string) string {
		return fmt.Sprintf("Tim Asesor Internal telah mereviu kiriman revisi ke-%d (reviu dikirim %s). Keputusan per indikator:", rev, sent)
	},
	reviewStale: func(rev, latest int) string {
		return fmt.Sprintf("Catatan reviu ini untuk revisi ke-%d; OPD sudah mengirim revisi ke-%d sesudahnya.", rev, latest)
	},
	reviewRow:     "Reviu koordinator",
	colVerdict:    "Keputusan",
	colNote:       "Catatan",
	verdictText:   func(v model.Verdict) string { return v.In(model.ID) },
	adjustedTo:    func(level string) string { return "menjadi tingkat " + level },
	noteMissing:   "Bukti kurang",
	colLevel:      "Tingkat",
	colTarget:     "Target",
	colEvidence:   "Bukti",
	colFindings:   "Catatan",
	secIndicators: "Penjelasan per Indikator",
	noBlocks:      "Belum ada indikator yang dijawab atau diberi penjelasan.",
	indicatorN:    func(no int) string { return "Indikator " + strconv.Itoa(no) },
	continued:     "(lanjutan)",
	weightIs:      func(w string) string { return "bobot " + w },
	levelChosen:   "Tingkat dipilih",
	levelTarget:   "Target tingkat",
	sector:        "Layanan sektor",
	criteriaOf:    func(l int) string { return "Kriteria tingkat " + strconv.Itoa(l) },
	fakta:         "FAKTA",
	analisis:      "ANALISIS",
	empty:         "(belum diisi)",
	evidence:      "Bukti dukung",
	evidenceN:     func(n int) string { return fmt.Sprintf("Bukti dukung (%d berkas)", n) },
	noEvidence:    "tidak ada bukti dukung",
	colFile:       "Nama berkas",
	colTitle:      "Judul dokumen",
	colDocNo:      "Nomor",
	colDocDate:    "Tanggal",
	colValidUntil: "Berlaku s.d.",
	colHash:       "SHA-256 (awal)",
	findings:      "Catatan kesiapan",
	levelName: func(l int, name string) string {
		if name == "" {
			return strconv.Itoa(l)
		}
		return strconv.Itoa(l) + " · " + name
	},
	levelArrow: func(from, to string) string { return from + " → " + to },

	baTitle:  [2]string{"BERITA ACARA", "PENILAIAN MANDIRI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"},
	baNumber: "Nomor: ..................................................",
	baOpening: func(wd, day, month, year, place string) string {
		return fmt.Sprintf("Pada hari ini %s tanggal %s bulan %s tahun %s, bertempat di %s, kami yang bertanda tangan di bawah ini:",
			wd, day, month, year, place)
	},
	baName:     "Nama",
	baNIP:      "NIP",
	baPosition: "Jabatan",
	baStatement: func(unit, instansi string, year int, instrument string) string {
		return fmt.Sprintf("menyatakan bahwa %s %s telah melaksanakan penilaian mandiri Sistem Pemerintahan Berbasis Elektronik "+
			"(SPBE) Tahun %d dengan instrumen %s, dengan hasil sebagai berikut:", unit, instansi, year, instrument)
	},
	baAnswered: "Indikator yang dijawab",
	baIndex:    "Indeks atas indikator yang dijawab",
	baEvidence: "Bukti dukung",
	baFindings: "Catatan kesiapan yang belum diselesaikan",
	baRevision: "Kiriman",
	baClosing: "Jawaban, penjelasan dan bukti dukung sebagaimana tercantum dalam laporan ini adalah benar dan dapat " +
		"dipertanggungjawabkan. Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
	baKnown:      "Mengetahui,",
	files:        func(n int) string { return fmt.Sprintf("%d berkas", n) },
	nip:          func(nip string) string { return "NIP. " + nip },
	baHeadTitle:  func(unit string) string { return "Kepala " + unit },
	baRespTitle:  "Penanggung Jawab Penilaian Mandiri",
	baDocID:      "Identitas dokumen",
	baInstrument: "Instrumen",
	baKey:        "Sidik jari kunci penanda tangan",
	blank:        "......................................................",
	blankNIP:     "NIP. ..............................................",

	coverRecap:    [3]string{"REKAPITULASI", "PENILAIAN MANDIRI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK", "Bahan Forum SPBE"},
	recapTeam:     "Disusun oleh",
	recapOPDs:     "Perangkat daerah",
	recapReceived: func(r, t int) string { return fmt.Sprintf("%d OPD, %d telah mengirim penilaian mandiri", t, r) },
	secRecapIndex: "Indeks Pemerintah Daerah",
	pemdaIndex:    func(name string) string { return name + " hasil konsolidasi" },
	secTrend:      "Perkembangan Indeks",
	trendIndex:    "Indeks",
	secMatrix:     "Matriks OPD × Indikator",
	matrixFilled:  "Terisi",
	matrixCount:   "OPD menjawab",
	legendTitle:   "Keterangan:",
	stateNames: map[CellState]string{
		NotAssigned:   "tidak ditugaskan",
		Assigned:      "ditugaskan, belum dijawab",
		Answered:      "dijawab, tanpa bukti dukung",
		WithEvidence:  "dijawab dengan bukti dukung",
		NeedsRevision: "perlu revisi",
		Accepted:      "diterima asesor",
	},
	secOPDTable:       "Rekap per OPD",
	colCode:           "Kode",
	colCodeOPD:        "Kode OPD",
	colYear:           "Tahun",
	aspectShort:       func(no int) string { return "A" + strconv.Itoa(no) },
	colOPD:            "Perangkat daerah",
	colAssigned:       "Ditugaskan",
	colWithEvidence:   "Berbukti",
	colRevision:       "Perlu revisi",
	colAccepted:       "Diterima",
	colOPDIndex:       "Indeks*",
	colSubmitted:      "Kiriman terakhir",
	xlsxItem:          "Butir",
	xlsxValue:         "Nilai",
	xlsxInstansi:      "Instansi",
	xlsxYear:          "Tahun",
	xlsxInstrument:    "Instrumen",
	xlsxPredikat:      "Predikat",
	xlsxCoverage:      "Indikator dijawab",
	xlsxWeight:        "Bobot dijawab (%)",
	xlsxTarget:        "Target indeks",
	xlsxGenerated:     "Dibuat",
	xlsxDomain:        "Domain",
	xlsxAspect:        "Aspek",
	xlsxIndicator:     "Indikator",
	xlsxWeight2:       "Bobot (%)",
	xlsxPemdaLevel:    "Tingkat Pemda",
	xlsxLevelName:     "Nama tingkat",
	xlsxContributions: "Jawaban OPD",
	colStatus:         "Status",
	opdIndexFoot:      "* Indeks OPD dihitung atas indikator yang dijawab OPD itu saja; peraturan tidak mengatur indeks per OPD.",
	secOPDDetail:      "Rincian per OPD",
	opdMeta: func(status, sub, answered, idx string) string {
		return fmt.Sprintf("Status: %s · kiriman: %s · %s · indeks OPD %s", status, sub, answered, idx)
	},
	answeredOf: func(a, n int) string { return fmt.Sprintf("%d dari %d indikator dijawab", a, n) },
	stateMarks: map[CellState]string{
		NotAssigned:   "",
		Assigned:      "○",
		Answered:      "J",
		WithEvidence:  "B",
		NeedsRevision: "R",
		Accepted:      "√",
	},
	notSubmitted: "belum mengirim",
	noOPDs:       "Belum ada OPD yang terdaftar.",
	noneAssigned: "Belum ada indikator yang ditugaskan.",
	colState:     "Keadaan",
}
