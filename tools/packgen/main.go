// Command packgen converts the instrument sources under tools/packgen/source
// into Swanilai instrument packs (docs/instrument-pack.md) and writes them
// where assets embeds them: spbe_59_2020_catalogue.json (verified against
// the regulation) into spbe-59-2020, and pemdi_8_2026_pack.json (a
// transcription of a copy of PermenPANRB 8/2026, not yet verified) into the
// draft pack pemdi-8-2026. It is run by `go generate
// ./assets`; its output is committed, and the model tests check that the
// embedded packs still carry every number and text of the sources.
//
// Texts are copied verbatim, quirks included: the sources are checked
// against the official text and must not be "fixed" here. Where a source
// leaves a decision to the project (the gaps of the external index bands,
// the crosswalk from 59/2020), the decision is made here, in plain sight,
// and the pack says so in its notes.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/swanilai/swanilai/model"
)

func main() {
	src := flag.String("src", filepath.Join("..", "tools", "packgen", "source"), "directory of the source catalogues")
	out := flag.String("out", "packs", "directory to write the packs to")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "packgen:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	for _, c := range []struct {
		file    string
		convert func(string) (*model.Pack, error)
	}{
		{"spbe_59_2020_catalogue.json", convertSPBE},
		{"pemdi_8_2026_pack.json", convertPemdi},
	} {
		p, err := c.convert(filepath.Join(src, c.file))
		if err != nil {
			return fmt.Errorf("%s: %w", c.file, err)
		}
		if err := write(p, filepath.Join(out, p.ID+".json")); err != nil {
			return err
		}
	}
	return nil
}

func write(p *model.Pack, name string) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("%s: %w", p.ID, err)
	}
	b, err := p.IndentedJSON()
	if err != nil {
		return err
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("packgen: wrote %s (%s, sha256 %s)\n", name, p.ID, p.Hash())
	return nil
}

// catalogue is the shape of spbe_59_2020_catalogue.json.
type catalogue struct {
	Framework string `json:"framework"`
	Predikat  []struct {
		Min          *json.Number `json:"min"`
		Max          json.Number  `json:"max"`
		MaxInclusive bool         `json:"max_inclusive"`
		Predikat     string       `json:"predikat"`
	} `json:"predikat"`
	LevelValues map[string]int      `json:"level_values"`
	Scales      map[string][]string `json:"scales"`
	Domains     []struct {
		No    int         `json:"no"`
		Nama  string      `json:"nama"`
		Bobot json.Number `json:"bobot"`
	} `json:"domains"`
	Aspects []struct {
		No        int         `json:"no"`
		Domain    int         `json:"domain"`
		Nama      string      `json:"nama"`
		Bobot     json.Number `json:"bobot"`
		Indikator []int       `json:"indikator"`
	} `json:"aspects"`
	Indicators []catIndicator `json:"indicators"`
}

type catIndicator struct {
	No                 int         `json:"no"`
	Domain             int         `json:"domain"`
	Aspek              int         `json:"aspek"`
	Nama               string      `json:"nama"`
	NamaPedoman2024    string      `json:"nama_pedoman_2024"`
	Bobot              json.Number `json:"bobot"`
	BobotDalamAspekPct json.Number `json:"bobot_dalam_aspek_pct"`
	Skala              string      `json:"skala"`
	Pertanyaan         string      `json:"pertanyaan"`
	Deskripsi          string      `json:"deskripsi"`
	KetentuanPenilaian string      `json:"ketentuan_penilaian"`
	ContohBuktiDukung  string      `json:"contoh_bukti_dukung"`
	Levels             []struct {
		Level             int    `json:"level"`
		NamaLevel         string `json:"nama_level"`
		KriteriaPermen    string `json:"kriteria_permenpanrb_59_2020"`
		KriteriaPedoman   string `json:"kriteria_pedoman_3_2024"`
		PemenuhanPedoman  string `json:"kriteria_pemenuhan_pedoman_3_2024"`
		BuktiDukungPedoma string `json:"kriteria_bukti_dukung_pedoman_3_2024"`
	} `json:"levels"`
}

// scaleDescriptions are the general criteria of PermenPANRB 59/2020
// Lampiran Tabel 1 (kapabilitas proses) and Tabel 2 (kapabilitas layanan),
// verbatim (framework-notes §4).
var scaleDescriptions = map[string][]string{
	"proses": {
		"Proses penerapan SPBE dilakukan tanpa perencanaan dan sewaktu-waktu.",
		"Kriteria tingkat Rintisan telah terpenuhi. Proses penerapan SPBE sudah dilakukan sesuai dengan fungsi manajemen dan diterapkan pada sebagian unit kerja dalam organisasi.",
		"Kriteria tingkat Terkelola telah terpenuhi. Proses penerapan SPBE sudah dilakukan sesuai dengan fungsi manajemen yang sesuai pedoman/standar dan diterapkan pada semua unit kerja dalam organisasi.",
		"Kriteria tingkat Terdefinisi telah terpenuhi. Proses penerapan SPBE yang terpadu telah berkontribusi pada kinerja organisasi. Kinerja penerapan SPBE dapat diukur melalui kegiatan reviu dan evaluasi pada setiap proses penerapan SPBE.",
		"Kriteria tingkat Terpadu dan Terukur telah terpenuhi. Proses penerapan SPBE telah dilakukan peningkatan kualitas secara berkesinambungan berdasarkan hasil reviu dan evaluasi.",
	},
	"layanan": {
		"Layanan SPBE diberikan dalam bentuk informasi satu arah.",
		"Kriteria Tingkat Informasi telah terpenuhi. Layanan SPBE diberikan dalam bentuk interaksi dua arah.",
		"Kriteria Tingkat Interaksi telah terpenuhi. Layanan SPBE diberikan melalui satu kesatuan transaksi operasi dengan menggunakan beberapa sumber daya SPBE.",
		"Kriteria Tingkat Transaksi telah terpenuhi. Layanan SPBE diberikan melalui integrasi/kolaborasi dengan layanan SPBE lain.",
		"Kriteria Tingkat Kolaborasi telah terpenuhi. Layanan SPBE telah dilakukan perbaikan dan peningkatan kualitas menyesuaikan perubahan kebutuhan di lingkungan internal dan eksternal.",
	},
}

var scaleNames = map[string]string{"proses": "Kapabilitas Proses", "layanan": "Kapabilitas Layanan"}

// packNotes replace the catalogue's own caveats (meta.caveats, written for
// developers) with notes for the people who use the pack.
var packNotes = []string{
	"Teks tingkat kematangan indikator 3 direproduksi persis seperti teks resmi, termasuk kejanggalannya.",
	"Pedoman MenPANRB 3/2024 memberi label A5 pada indikator 29–31; PermenPANRB 59/2020 menempatkannya pada Aspek 6 (Pelaksanaan Audit TIK).",
	"Untuk evaluasi tahun 2026 dan seterusnya PermenPANRB 59/2020 dicabut dan diganti PermenPANRB 8/2026 (Indeks Pemerintah Digital).",
}

var indicatorNotes = map[int][]string{
	3:  {"Teks tingkat kematangan indikator ini direproduksi persis seperti PermenPANRB 59/2020 dan Pedoman: tingkat 3 berupa \"Kondisi\", tingkat 4 tanpa klausul reviu dan evaluasi periodik."},
	29: {"Pedoman 3/2024 memberi label A5; PermenPANRB 59/2020 menempatkan indikator ini pada Aspek 6."},
	30: {"Pedoman 3/2024 memberi label A5; PermenPANRB 59/2020 menempatkan indikator ini pada Aspek 6."},
	31: {"Pedoman 3/2024 memberi label A5; PermenPANRB 59/2020 menempatkan indikator ini pada Aspek 6."},
}

func hundredths(n json.Number) (model.Hundredths, error) {
	h, err := model.ParseHundredths(n.String())
	if err != nil {
		// The catalogue writes 13.0 and 1.3; anything else is a mistake.
		return 0, fmt.Errorf("weight %s: %w", n, err)
	}
	return h, nil
}

func convertSPBE(file string) (*model.Pack, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var c catalogue
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	p := &model.Pack{
		Format:        model.PackFormat,
		FormatVersion: model.PackFormatVersion,
		ID:            "spbe-59-2020",
		Title:         "Indeks SPBE — PermenPANRB 59/2020",
		ShortTitle:    "SPBE 59/2020",
		IndexName:     "Indeks SPBE",
		LegalBasis: []string{
			"Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik",
			"Pedoman Menteri PANRB Nomor 3 Tahun 2024 tentang Tata Cara Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik",
		},
		Version: "2024.1",
		Status:  model.StatusOfficial,
		Years:   model.YearSpan{From: 2021, To: 2025},
		Notes:   packNotes,
	}
	for _, id := range []string{"proses", "layanan"} {
		names := c.Scales[id]
		s := model.Scale{ID: id, Name: scaleNames[id]}
		for i, n := range names {
			s.Levels = append(s.Levels, model.ScaleLevel{Value: i + 1, Name: n, Description: scaleDescriptions[id][i]})
		}
		p.Scales = append(p.Scales, s)
	}
	for _, b := range c.Predikat {
		band := model.Band{Name: b.Predikat, Min: 100, MinInclusive: true, MaxInclusive: b.MaxInclusive}
		if b.Min != nil {
			if band.Min, err = hundredths(*b.Min); err != nil {
				return nil, err
			}
		}
		if band.Max, err = hundredths(b.Max); err != nil {
			return nil, err
		}
		p.Predikat = append(p.Predikat, band)
	}
	// The catalogue lists the bands from Memuaskan down; the pack lists them
	// from the lowest, as people read a scale.
	for i, j := 0, len(p.Predikat)-1; i < j; i, j = i+1, j-1 {
		p.Predikat[i], p.Predikat[j] = p.Predikat[j], p.Predikat[i]
	}
	byNo := map[int]catIndicator{}
	for _, ind := range c.Indicators {
		byNo[ind.No] = ind
	}
	for _, cd := range c.Domains {
		d := model.Domain{No: cd.No, Name: cd.Nama}
		if d.Weight, err = hundredths(cd.Bobot); err != nil {
			return nil, err
		}
		for _, ca := range c.Aspects {
			if ca.Domain != cd.No {
				continue
			}
			a := model.Aspect{No: ca.No, Name: ca.Nama}
			if a.Weight, err = hundredths(ca.Bobot); err != nil {
				return nil, err
			}
			for _, no := range ca.Indikator {
				ci, ok := byNo[no]
				if !ok {
					return nil, fmt.Errorf("aspect %d lists indicator %d, which the catalogue lacks", ca.No, no)
				}
				ind, err := convertIndicator(ci)
				if err != nil {
					return nil, err
				}
				a.Indicators = append(a.Indicators, ind)
			}
			d.Aspects = append(d.Aspects, a)
		}
		p.Domains = append(p.Domains, d)
	}
	return p, nil
}

func convertIndicator(ci catIndicator) (model.Indicator, error) {
	w, err := hundredths(ci.Bobot)
	if err != nil {
		return model.Indicator{}, fmt.Errorf("indicator %d: %w", ci.No, err)
	}
	ind := model.Indicator{
		No:               ci.No,
		Name:             ci.Nama,
		ShortName:        strings.TrimPrefix(ci.Nama, "Tingkat Kematangan "),
		Weight:           w,
		Scale:            ci.Skala,
		SectorService:    strings.Contains(ci.Nama, "Layanan Publik Sektor"),
		Question:         ci.Pertanyaan,
		Description:      ci.Deskripsi,
		AssessmentRule:   ci.KetentuanPenilaian,
		EvidenceExamples: ci.ContohBuktiDukung,
		Notes:            indicatorNotes[ci.No],
	}
	if ci.NamaPedoman2024 != ci.Nama {
		ind.Aliases = []string{ci.NamaPedoman2024}
	}
	for _, l := range ci.Levels {
		ind.Levels = append(ind.Levels, model.Level{
			Level:             l.Level,
			Criteria:          l.KriteriaPermen,
			GuidelineCriteria: l.KriteriaPedoman,
			Fulfilment:        l.PemenuhanPedoman,
			Evidence:          l.BuktiDukungPedoma,
		})
	}
	return ind, nil
}
