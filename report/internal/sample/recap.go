package sample

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
)

// opds are the perangkat daerah of the sample city: the dinas, badan and
// bagian of the Setda, the kecamatan, the puskesmas and the UPT, 60 in all.
var opds = []struct{ code, name string }{
	{"DISKOMINFO", "Dinas Komunikasi dan Informatika"},
	{"BAPPERIDA", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"},
	{"BKD", "Badan Keuangan Daerah"},
	{"BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"},
	{"INSPEKTORAT", "Inspektorat Daerah"},
	{"SETDA-ORG", "Bagian Organisasi Sekretariat Daerah"},
	{"SETDA-HUKUM", "Bagian Hukum Sekretariat Daerah"},
	{"SETDA-PBJ", "Bagian Pengadaan Barang dan Jasa Sekretariat Daerah"},
	{"DISPUSIP", "Dinas Perpustakaan dan Kearsipan"},
	{"DINDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"},
	{"DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"},
	{"RSUD-BENDAN", "Rumah Sakit Umum Daerah Bendan"},
	{"DINKES", "Dinas Kesehatan"},
	{"DINDIK", "Dinas Pendidikan"},
	{"DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"},
	{"DPRKPP", "Dinas Perumahan Rakyat dan Kawasan Permukiman"},
	{"DLH", "Dinas Lingkungan Hidup"},
	{"DINHUB", "Dinas Perhubungan"},
	{"DINSOS-P2KB", "Dinas Sosial, Pengendalian Penduduk dan Keluarga Berencana"},
	{"DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak"},
	{"DINDAGKOP-UKM", "Dinas Perdagangan, Koperasi dan Usaha Kecil dan Menengah"},
	{"DINPERINAKER", "Dinas Perindustrian dan Tenaga Kerja"},
	{"DKP", "Dinas Kelautan dan Perikanan"},
	{"DINPERTAN", "Dinas Pertanian dan Pangan"},
	{"DISPARBUDPORA", "Dinas Pariwisata, Kebudayaan, Kepemudaan dan Olahraga"},
	{"SATPOL-PP", "Satuan Polisi Pamong Praja"},
	{"BPBD", "Badan Penanggulangan Bencana Daerah"},
	{"KESBANGPOL", "Badan Kesatuan Bangsa dan Politik"},
	{"BAPENDA", "Badan Pendapatan Daerah"},
	{"SETWAN", "Sekretariat DPRD"},
	{"SETDA-TAPEM", "Bagian Tata Pemerintahan Sekretariat Daerah"},
	{"SETDA-PROKOPIM", "Bagian Protokol dan Komunikasi Pimpinan Sekretariat Daerah"},
	{"SETDA-UMUM", "Bagian Umum Sekretariat Daerah"},
	{"SETDA-PEREK", "Bagian Perekonomian dan Sumber Daya Alam Sekretariat Daerah"},
	{"SETDA-KESRA", "Bagian Kesejahteraan Rakyat Sekretariat Daerah"},
	{"SETDA-ADPEM", "Bagian Administrasi Pembangunan Sekretariat Daerah"},
	{"KEC-PKL-BARAT", "Kecamatan Pekalongan Barat"},
	{"KEC-PKL-TIMUR", "Kecamatan Pekalongan Timur"},
	{"KEC-PKL-UTARA", "Kecamatan Pekalongan Utara"},
	{"KEC-PKL-SELATAN", "Kecamatan Pekalongan Selatan"},
	{"PKM-BENDAN", "Puskesmas Bendan"},
	{"PKM-DUKUH", "Puskesmas Dukuh"},
	{"PKM-PKL-SELATAN", "Puskesmas Pekalongan Selatan"},
	{"PKM-TIRTO", "Puskesmas Tirto"},
	{"PKM-KRAMATSARI", "Puskesmas Kramatsari"},
	{"PKM-BUARAN", "Puskesmas Buaran"},
	{"PKM-JENGGOT", "Puskesmas Jenggot"},
	{"PKM-SOKOREJO", "Puskesmas Sokorejo"},
	{"PKM-KLEGO", "Puskesmas Klego"},
	{"PKM-NOYONTAAN", "Puskesmas Noyontaan"},
	{"PKM-TONDANO", "Puskesmas Tondano"},
	{"PKM-KRAPYAK", "Puskesmas Krapyak Kidul"},
	{"PKM-KUSUMA-BANGSA", "Puskesmas Kusuma Bangsa"},
	{"PKM-MEDONO", "Puskesmas Medono"},
	{"UPT-PKB", "UPT Pengujian Kendaraan Bermotor"},
	{"UPT-LABKESDA", "UPT Laboratorium Kesehatan Daerah"},
	{"UPTD-PASAR", "UPTD Pengelolaan Pasar"},
	{"UPTD-PARKIR", "UPTD Pengelolaan Perparkiran"},
	{"UPTD-TPA", "UPTD Tempat Pemrosesan Akhir Sampah Degayu"},
	{"UPTD-MPP", "UPTD Mal Pelayanan Publik"},
}

// leads reports whether the OPD with the code answers indicator no for
// the Pemda.
func leads(no int, code string) bool {
	lead, ok := leadOPD[no]
	return (ok && lead == code) || (!ok && code == "DISKOMINFO")
}

// leadOPD names, for each indicator the sample coordinator assigned to a
// particular OPD, the OPD that answers it for the Pemda; all others are
// Diskominfo's.
var leadOPD = map[int]string{
	13: "BAPPERIDA", 32: "BAPPERIDA", 33: "BKD", 34: "BKD", 38: "BKD", 25: "BKPSDM", 36: "BKPSDM",
	41: "BKPSDM", 39: "INSPEKTORAT", 14: "SETDA-ORG", 27: "SETDA-ORG", 40: "SETDA-ORG", 44: "SETDA-HUKUM",
	35: "SETDA-PBJ", 37: "DISPUSIP", 20: "DINDUKCAPIL", 46: "DINDUKCAPIL", 45: "DPMPTSP", 47: "RSUD-BENDAN",
}

// pemdaLevels are the consolidated levels of the sample city, the lead
// OPD's answers: an index of about 3,1, Baik, a little better than 2024.
var pemdaLevels = map[int]int{
	1: 4, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 2, 8: 3, 9: 2, 10: 4,
	11: 3, 12: 3, 13: 3, 14: 2, 15: 3, 16: 4, 17: 3, 18: 3, 19: 3, 20: 3,
	21: 3, 22: 3, 23: 3, 24: 2, 25: 3, 26: 3, 27: 2, 28: 3, 29: 3, 30: 2, 31: 2,
	32: 4, 33: 4, 34: 4, 35: 4, 36: 3, 37: 3, 38: 3, 39: 2, 40: 3, 41: 3,
	42: 4, 43: 3, 44: 4, 45: 3, 46: 4, 47: 3,
}

// shared are the indicators every OPD contributes to: its own archive in
// Srikandi, its staff's performance in e-Kinerja, its complaints in
// SP4N-LAPOR!.
var shared = []int{37, 41, 42}

// Recap returns the coordinator's recap of the first n (at most 60) OPDs
// of the sample city, with the consolidated Pemda assessment, a target of
// 3,50 and the index of 2021–2024.
func Recap(n int) *report.Recap {
	p := Pack()
	n = min(n, len(opds))
	rng := rand.New(rand.NewPCG(60, 47))
	pemda := &model.Assessment{
		Identity:    identity(p, "2a7e4c91-5d3b-4f08-a6c2-91e0b7d45f13", "Tim Asesor Internal SPBE — Dinas Komunikasi dan Informatika", model.RoleCoordinator),
		Pack:        p,
		Answers:     map[int]model.Answer{},
		TargetIndex: 350,
	}
	rc := &report.Recap{Pemda: pemda, Trend: trend()}
	for i, o := range opds[:n] {
		var assigned []int
		for _, no := range p.IndicatorNumbers() {
			if leads(no, o.code) || contains(shared, no) {
				assigned = append(assigned, no)
			}
		}
		ro := report.RecapOPD{Code: o.code, Name: o.name}
		// Most OPDs have sent their answers; a few are late.
		late := i > 0 && rng.IntN(9) == 0
		if !late {
			a := opdAssessment(p, o.code, o.name, assigned, rng)
			ro.Assessment = a
			ro.Revision = 1 + rng.IntN(3)
			ro.Submitted = model.Date{Year: 2025, Month: time.September, Day: 1 + rng.IntN(25)}
		}
		ro.Cells = report.CellStates(assigned, ro.Assessment)
		revisions := 0
		for _, no := range slices.Sorted(maps.Keys(ro.Cells)) {
			if s := ro.Cells[no]; s == report.WithEvidence || s == report.Answered {
				switch rng.IntN(6) {
				case 0:
					ro.Cells[no] = report.NeedsRevision
					revisions++
				case 1, 2, 3:
					ro.Cells[no] = report.Accepted
				}
			}
		}
		switch {
		case late:
			ro.Status = "Belum mengirim"
		case revisions > 0:
			ro.Status = fmt.Sprintf("Perlu revisi (%d indikator)", revisions)
		default:
			ro.Status = "Diterima"
		}
		rc.OPDs = append(rc.OPDs, ro)
	}
	for no, lv := range pemdaLevels {
		pemda.Answers[no] = model.Answer{Indicator: no, Value: model.Hundredths(lv * 100)}
	}
	return rc
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// opdAssessment is what an OPD sent: most assigned indicators answered
// (all of them by the lead OPD, at the consolidated level), most of those
// with evidence.
func opdAssessment(p *model.Pack, code, name string, assigned []int, rng *rand.Rand) *model.Assessment {
	a := &model.Assessment{
		Identity: identity(p, fmt.Sprintf("00000000-0000-4000-8000-%012x", len(code)*7919+int(code[0])), name, model.RoleOPD),
		Pack:     p,
		Answers:  map[int]model.Answer{},
	}
	for _, no := range assigned {
		lead := leads(no, code)
		if !lead && rng.IntN(8) == 0 {
			continue // not answered yet
		}
		lv := pemdaLevels[no]
		if !lead {
			lv = max(1, min(5, lv+rng.IntN(3)-1))
		}
		a.Answers[no] = model.Answer{Indicator: no, Value: model.Hundredths(lv * 100), Fakta: fakta(no), Analisis: analisis(p, p.Indicator(no), lv, false)}
		if rng.IntN(5) > 0 {
			e := mainEvidence(no, lv)
			e.Name = strings.ToLower(code) + "-" + e.Name
			a.Evidence = append(a.Evidence, e)
		}
	}
	return a
}

// trend is the sample city's Indeks SPBE of the four earlier years.
func trend() []report.TrendPoint {
	r := func(h model.Hundredths) model.Ratio { return model.RatioOf(h) }
	names := []string{"Kebijakan Internal SPBE", "Tata Kelola SPBE", "Manajemen SPBE", "Layanan SPBE"}
	rows := []struct {
		year    int
		index   model.Hundredths
		domains [4]model.Hundredths
	}{
		{2021, 212, [4]model.Hundredths{260, 200, 130, 230}},
		{2022, 245, [4]model.Hundredths{290, 240, 170, 255}},
		{2023, 279, [4]model.Hundredths{330, 270, 200, 290}},
		{2024, 305, [4]model.Hundredths{350, 300, 230, 315}},
	}
	var out []report.TrendPoint
	for _, row := range rows {
		pt := report.TrendPoint{Year: row.year, Index: r(row.index)}
		for i, v := range row.domains {
			pt.Domains = append(pt.Domains, report.DomainIndex{Name: names[i], Index: r(v)})
		}
		out = append(out, pt)
	}
	return out
}
