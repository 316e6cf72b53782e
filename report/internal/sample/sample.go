// Package sample makes realistic assessments of a fictitious but plausible
// Pemerintah Kota Pekalongan for the tests, benchmarks and previews of the
// reports: an OPD that answered part of the instrument, one that answered
// everything at length, one that answered nothing, and a recap of 60 OPDs.
// The people, numbers and hashes are invented; the regulation titles follow
// the way Central Java cities name theirs.
package sample

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
)

// WIB is Western Indonesia Time, the zone of Pekalongan.
var WIB = time.FixedZone("WIB", 7*3600)

// Generated is the moment the sample reports are made.
var Generated = time.Date(2025, time.September, 26, 14, 5, 0, 0, WIB)

// Today is the date the sample reports judge readiness against.
var Today = model.DateOf(Generated)

// Options returns the report options of the samples.
func Options() report.Options {
	return report.Options{Generated: Generated, Today: Today}
}

func timeMonth(m int) time.Month { return time.Month(m) }

// Pack returns the built-in PermenPANRB 59/2020 instrument.
func Pack() *model.Pack {
	p, err := model.BuiltinPack(model.DefaultPackID)
	if err != nil {
		panic(err) // the built-in pack is checked by the model tests
	}
	return p
}

const instansi = "Pemerintah Kota Pekalongan"

func identity(p *model.Pack, id, unit string, role model.Role) model.Identity {
	return model.Identity{
		ID: id, Role: role, Instansi: instansi, Unit: unit, Year: 2025,
		InstrumentID: p.ID, InstrumentHash: p.Hash(),
		Created: time.Date(2025, time.August, 4, 9, 30, 0, 0, WIB),
	}
}

// Diskominfo returns the assessment of the Dinas Komunikasi dan
// Informatika: 33 indicators answered with penjelasan and one to three
// evidence files each, a target of 3,50, signatories named, and the
// problems an assessor would find in a real workspace: a level without
// evidence, a FAKTA that names no file, an empty ANALISIS, an expired
// decree, an answer carried over and not confirmed.
func Diskominfo() *model.Assessment {
	p := Pack()
	a := &model.Assessment{
		Identity: identity(p, "6f1c2e0a-4b7d-4c3e-9a51-2d8e7f03b6c4", "Dinas Komunikasi dan Informatika", model.RoleOPD),
		Pack:     p,
		Officials: model.Officials{
			HeadName: "Drs. Bambang Nurcahyo, M.Si.", HeadNIP: "19700512 199303 1 006",
			HeadTitle:       "Kepala Dinas Komunikasi dan Informatika",
			ResponsibleName: "Rina Kusumawati, S.Kom., M.T.", ResponsibleNIP: "19850923 201001 2 014",
			ResponsibleTitle: "Kepala Bidang Aplikasi Informatika",
			Place:            "Pekalongan",
		},
		Answers:        map[int]model.Answer{},
		TargetIndex:    350,
		Targets:        map[int]model.Hundredths{11: 400, 12: 400, 13: 400, 19: 400, 21: 300, 22: 300},
		Revision:       2,
		KeyFingerprint: "RWQ 5F1D 3A9C 7B2E 4F60",
	}
	levels := map[int]int{
		1: 4, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 2, 8: 3, 9: 2, 10: 4,
		11: 3, 12: 3, 13: 3, 14: 2, 15: 3, 16: 4, 17: 3, 18: 3, 19: 3, 20: 3,
		21: 2, 22: 2, 23: 3, 24: 2, 25: 2, 26: 2, 27: 2, 28: 3, 29: 2, 30: 2, 31: 2,
		42: 4, 43: 3,
	}
	rng := rand.New(rand.NewPCG(2025, 6))
	for _, no := range slices.Sorted(maps.Keys(levels)) {
		lv := levels[no]
		ind := p.Indicator(no)
		ans := model.Answer{Indicator: no, Value: model.Hundredths(lv * 100),
			Fakta: fakta(no), Analisis: analisis(p, ind, lv, false),
			By: "rina.k", At: time.Date(2025, time.September, 1+rng.IntN(20), 8+rng.IntN(8), rng.IntN(60), 0, 0, WIB)}
		switch no {
		case 22:
			ans.Fakta = "SMKI telah diterapkan pada seluruh layanan Diskominfo dan dinilai dengan Indeks KAMI tahun 2024."
		case 26:
			ans.Analisis = ""
		case 23:
			ans.Reconfirm = true
		}
		a.Answers[no] = ans
		if no == 9 {
			continue // answered without evidence
		}
		a.Evidence = append(a.Evidence, mainEvidence(no, lv))
		for k := range rng.IntN(3) {
			a.Evidence = append(a.Evidence, extraEvidence(no, k, lv))
		}
	}
	// The decree of the previous coordination team expired at the end of
	// 2024 and is still attached.
	a.Evidence = append(a.Evidence, model.Evidence{
		Indicator: 10, SHA256: hash("10.b"), Size: 412_331,
		Name:  "10.b.Kepwal-400.14-009-2023-Tim-Koordinasi.pdf",
		Title: "Keputusan Wali Kota Pekalongan tentang Tim Koordinasi SPBE (periode 2023)", DocNo: "400.14/009 Tahun 2023",
		DocDate: model.Date{Year: 2023, Month: time.January, Day: 9}, ValidUntil: model.Date{Year: 2024, Month: time.December, Day: 31},
		Level: 4, By: "rina.k", At: time.Date(2025, time.September, 2, 10, 0, 0, 0, WIB),
	})
	model.SortEvidence(a.Evidence)
	return a
}

// Full returns an assessment with all 47 indicators answered, each with
// 2,000-character FAKTA and ANALISIS and five evidence files: the longest
// report an OPD can make.
func Full() *model.Assessment {
	p := Pack()
	a := &model.Assessment{
		Identity: identity(p, "0b9d6a34-91c2-4e8f-b7a0-5c3e12f4d8a9", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", model.RoleOPD),
		Pack:     p,
		Officials: model.Officials{
			HeadName: "Ir. Hadi Santoso, M.M.", HeadNIP: "19680304 199403 1 008",
			ResponsibleName: "Dewi Anggraeni, S.E.", ResponsibleNIP: "19870611 201101 2 003",
			Place: "Pekalongan",
		},
		Answers:     map[int]model.Answer{},
		TargetIndex: 420,
		Targets:     map[int]model.Hundredths{},
		Revision:    1,
	}
	for i, no := range p.IndicatorNumbers() {
		ind := p.Indicator(no)
		lv := 2 + i%4
		a.Answers[no] = model.Answer{Indicator: no, Value: model.Hundredths(lv * 100),
			Fakta: long(fakta(no), 2000, factSentences), Analisis: long(analisis(p, ind, lv, true), 2000, analysisSentences),
			Sector: sectors[no], By: "dewi.a", At: Generated.Add(-time.Duration(i) * time.Hour)}
		a.Targets[no] = model.Hundredths(min(5, lv+1) * 100)
		a.Evidence = append(a.Evidence, mainEvidence(no, lv))
		for k := range 4 {
			a.Evidence = append(a.Evidence, extraEvidence(no, k, lv))
		}
	}
	model.SortEvidence(a.Evidence)
	return a
}

// Empty returns a new workspace in which nothing is answered and nobody is
// named yet.
func Empty() *model.Assessment {
	p := Pack()
	return &model.Assessment{
		Identity: identity(p, "c1d2e3f4-0000-4a5b-8c9d-0e1f2a3b4c5d", "Kecamatan Pekalongan Utara", model.RoleOPD),
		Pack:     p,
		Answers:  map[int]model.Answer{},
	}
}

// fakta says where the indicator's main document shows the fact, naming
// the file as the guideline asks.
func fakta(no int) string {
	doc := docs[no]
	nomor := ""
	if doc.no != "–" {
		nomor = " Nomor " + doc.no
	}
	return fmt.Sprintf("%s%s tanggal %s telah ditetapkan dan memuat pengaturan yang diminta indikator ini pada %s; "+
		"lihat bukti dukung %s.", doc.title, nomor, doc.date.ID(), doc.where, doc.file)
}

// analisis says which kriteria the document meets, and what is missing
// for the next level.
func analisis(p *model.Pack, ind *model.Indicator, lv int, full bool) string {
	s := fmt.Sprintf("Berdasarkan bukti dukung tersebut, kriteria tingkat %d (%s) telah terpenuhi, yaitu: “%s”",
		lv, p.LevelName(ind, lv), strings.TrimSuffix(ind.Level(lv).Criteria, "."))
	s += "."
	if next := ind.Level(lv + 1); next != nil && !full {
		s += fmt.Sprintf(" Kriteria tingkat %d belum terpenuhi karena reviu dan evaluasi berkala belum seluruhnya dilaksanakan.", lv+1)
	}
	return s
}

var factSentences = []string{
	"Pelaksanaannya dilaporkan secara berkala kepada Tim Koordinasi SPBE melalui rapat triwulanan yang notulennya dilampirkan.",
	"Seluruh perangkat daerah telah menerima sosialisasi pada 14–15 Mei 2025 di Ruang Jlamprang Setda Kota Pekalongan.",
	"Dokumen pendukung disusun bersama Bagian Organisasi dan Bagian Hukum Setda serta telah melalui harmonisasi.",
	"Rekapitulasi pemanfaatan layanan per bulan tercantum pada tabel di halaman 12 sampai 15 laporan tersebut.",
	"Pemantauan dilakukan melalui dasbor internal yang datanya dapat diunduh dalam format CSV oleh asesor.",
	"Hasil evaluasi tahun sebelumnya telah ditindaklanjuti dengan perbaikan prosedur operasional standar.",
}

var analysisSentences = []string{
	"Keterpaduan antarperangkat daerah ditunjukkan oleh pemanfaatan data dan aplikasi bersama yang dikelola Diskominfo.",
	"Capaian kinerja diukur dengan indikator kuantitatif yang ditetapkan dalam Renstra dan dilaporkan dalam LKjIP.",
	"Reviu dilaksanakan oleh Tim Koordinasi SPBE dan hasilnya menjadi dasar perbaikan pada tahun berikutnya.",
	"Risiko yang mungkin timbul dari perubahan telah dicatat dalam register risiko SPBE beserta rencana mitigasinya.",
	"Bukti dukung yang dilampirkan masih berlaku (kurang dari 2 tahun) dan ditandatangani pejabat yang berwenang.",
	"Dengan demikian tingkat yang dipilih sesuai dengan kriteria pemenuhan dan kriteria bukti dukung pada Pedoman Menteri PANRB Nomor 3 Tahun 2024.",
}

// long extends s with the sentences, in turn, into paragraphs of three
// sentences until it is n characters long, the last sentence shortened
// and ended with a full stop.
func long(s string, n int, sentences []string) string {
	r := []rune(s)
	for i := 0; len(r) < n; i++ {
		sep := " "
		if i%3 == 0 {
			sep = "\n"
		}
		r = append(r, []rune(sep+sentences[i%len(sentences)])...)
	}
	r = r[:n-1]
	if k := strings.LastIndexByte(string(r), ' '); k > 0 {
		r = []rune(strings.TrimRight(string(r)[:k], ",;"))
	}
	return string(r) + strings.Repeat(".", 1)
}

// hash returns a stable stand-in for the SHA-256 of a file the samples
// do not have.
func hash(name string) string {
	sum := sha256.Sum256([]byte("swanilai sample " + name))
	return hex.EncodeToString(sum[:])
}

func mainEvidence(no, lv int) model.Evidence {
	doc := docs[no]
	e := model.Evidence{Indicator: no, SHA256: hash(doc.file), Size: int64(180_000 + 7919*no),
		Name: doc.file, Title: doc.title, DocNo: doc.no, DocDate: doc.date, Level: lv,
		By: "operator", At: Generated.Add(-time.Duration(48+no) * time.Hour)}
	if strings.Contains(doc.title, "Keputusan") {
		e.ValidUntil = model.Date{Year: doc.date.Year + 2, Month: time.December, Day: 31}
	}
	return e
}

func extraEvidence(no, k, lv int) model.Evidence {
	x := extraDocs[k%len(extraDocs)]
	date := model.Date{Year: 2025, Month: time.Month(2 + k*2), Day: 3 + no%20}
	name := fmt.Sprintf("%d.%c.%s-%d.pdf", no, 'b'+k, x.prefix, date.Year)
	return model.Evidence{Indicator: no, SHA256: hash(name), Size: int64(95_000 + 1_031*no*(k+1)),
		Name: name, Title: x.title + " " + Pack().Indicator(no).ShortName, DocNo: fmt.Sprintf("005/%d/%d", 100+no*4+k, date.Year),
		DocDate: date, Level: lv, By: "operator", At: Generated.Add(-time.Duration(24+no+k) * time.Hour)}
}
