package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/internal/testenv"
)

func spbe(t testing.TB) *Pack {
	t.Helper()
	p, err := BuiltinPack("spbe-59-2020")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBuiltinSPBEStructure(t *testing.T) {
	p := spbe(t)
	if len(p.Domains) != 4 || len(p.Aspects()) != 8 || len(p.IndicatorNumbers()) != 47 {
		t.Fatalf("structure %d/%d/%d, want 4/8/47", len(p.Domains), len(p.Aspects()), len(p.IndicatorNumbers()))
	}
	if p.TotalWeight() != 10000 {
		t.Fatalf("total weight %s", p.TotalWeight())
	}
	for i, no := range p.IndicatorNumbers() {
		if no != i+1 {
			t.Fatalf("indicator order: position %d holds %d", i, no)
		}
	}
	if got := p.LevelName(p.Indicator(1), 4); got != "Terpadu dan Terukur" {
		t.Errorf("level name 1/4 = %q", got)
	}
	if got := p.LevelName(p.Indicator(32), 3); got != "Transaksi" {
		t.Errorf("level name 32/3 = %q", got)
	}
	for _, no := range []int{45, 46, 47} {
		if !p.Indicator(no).SectorService {
			t.Errorf("indicator %d should ask for the sector service", no)
		}
	}
	if p.Indicator(44).SectorService {
		t.Error("indicator 44 is not a sector service")
	}
	if len(p.Hash()) != 64 {
		t.Errorf("hash %q", p.Hash())
	}
}

// catalogue mirrors tools/packgen/source/spbe_59_2020_catalogue.json, the
// verified source. Numbers are read as json.Number so that the comparison
// is exact.
type testCatalogue struct {
	Predikat []struct {
		Min          *json.Number
		Max          json.Number
		MaxInclusive bool `json:"max_inclusive"`
		Predikat     string
	}
	Scales  map[string][]string
	Domains []struct {
		No    int
		Nama  string
		Bobot json.Number
	}
	Aspects []struct {
		No        int
		Domain    int
		Nama      string
		Bobot     json.Number
		Indikator []int
	}
	Indicators []struct {
		No                 int
		Domain             int
		Aspek              int
		Nama               string
		NamaPedoman2024    string      `json:"nama_pedoman_2024"`
		Bobot              json.Number `json:"bobot"`
		BobotDalamAspekPct json.Number `json:"bobot_dalam_aspek_pct"`
		Skala              string
		Pertanyaan         string
		Deskripsi          string
		KetentuanPenilaian string `json:"ketentuan_penilaian"`
		ContohBuktiDukung  string `json:"contoh_bukti_dukung"`
		Levels             []struct {
			Level            int
			NamaLevel        string `json:"nama_level"`
			KriteriaPermen   string `json:"kriteria_permenpanrb_59_2020"`
			KriteriaPedoman  string `json:"kriteria_pedoman_3_2024"`
			PemenuhanPedoman string `json:"kriteria_pemenuhan_pedoman_3_2024"`
			BuktiPedoman     string `json:"kriteria_bukti_dukung_pedoman_3_2024"`
		}
	}
}

func mustH(t *testing.T, n json.Number) Hundredths {
	t.Helper()
	h, err := ParseHundredths(n.String())
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestPackCarriesCatalogue checks that the embedded pack carries every
// number and every text of the verified catalogue, verbatim.
func TestPackCarriesCatalogue(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "tools", "packgen", "source", "spbe_59_2020_catalogue.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var c testCatalogue
	if err := dec.Decode(&c); err != nil {
		t.Fatal(err)
	}
	p := spbe(t)

	if len(c.Predikat) != len(p.Predikat) {
		t.Fatalf("%d bands, catalogue has %d", len(p.Predikat), len(c.Predikat))
	}
	for _, cb := range c.Predikat {
		var found bool
		for _, b := range p.Predikat {
			if b.Name != cb.Predikat {
				continue
			}
			found = true
			min := Hundredths(100)
			if cb.Min != nil {
				min = mustH(t, *cb.Min)
			}
			if b.Min != min || !b.MinInclusive || b.Max != mustH(t, cb.Max) || b.MaxInclusive != cb.MaxInclusive {
				t.Errorf("band %s = %s, catalogue min %v max %s inclusive %v", b.Name, b.Range(), cb.Min, cb.Max, cb.MaxInclusive)
			}
		}
		if !found {
			t.Errorf("band %q missing", cb.Predikat)
		}
	}
	for id, names := range c.Scales {
		var s *Scale
		for i := range p.Scales {
			if p.Scales[i].ID == id {
				s = &p.Scales[i]
			}
		}
		if s == nil {
			t.Fatalf("scale %s missing", id)
		}
		for i, n := range names {
			if s.Levels[i].Name != n {
				t.Errorf("scale %s level %d = %q, want %q", id, i+1, s.Levels[i].Name, n)
			}
		}
	}
	for _, cd := range c.Domains {
		var d *Domain
		for i := range p.Domains {
			if p.Domains[i].No == cd.No {
				d = &p.Domains[i]
			}
		}
		if d == nil || d.Name != cd.Nama || d.Weight != mustH(t, cd.Bobot) {
			t.Errorf("domain %d: %+v, catalogue %+v", cd.No, d, cd)
		}
	}
	aspects := map[int]*Aspect{}
	for _, a := range p.Aspects() {
		aspects[a.No] = a
	}
	for _, ca := range c.Aspects {
		a := aspects[ca.No]
		if a == nil || a.Name != ca.Nama || a.Weight != mustH(t, ca.Bobot) || a.Domain().No != ca.Domain {
			t.Errorf("aspect %d differs from the catalogue", ca.No)
			continue
		}
		var nos []int
		for _, ind := range a.Indicators {
			nos = append(nos, ind.No)
		}
		if !equalInts(nos, ca.Indikator) {
			t.Errorf("aspect %d indicators %v, catalogue %v", ca.No, nos, ca.Indikator)
		}
	}
	if len(c.Indicators) != 47 {
		t.Fatalf("catalogue has %d indicators", len(c.Indicators))
	}
	for _, ci := range c.Indicators {
		ind := p.Indicator(ci.No)
		if ind == nil {
			t.Errorf("indicator %d missing", ci.No)
			continue
		}
		check := func(field, got, want string) {
			if got != want {
				t.Errorf("indicator %d %s:\n got %q\nwant %q", ci.No, field, got, want)
			}
		}
		check("name", ind.Name, ci.Nama)
		alias := ci.Nama
		if len(ind.Aliases) > 0 {
			alias = ind.Aliases[0]
		}
		check("pedoman name", alias, ci.NamaPedoman2024)
		check("scale", ind.Scale, ci.Skala)
		check("question", ind.Question, ci.Pertanyaan)
		check("description", ind.Description, ci.Deskripsi)
		check("assessment rule", ind.AssessmentRule, ci.KetentuanPenilaian)
		check("evidence examples", ind.EvidenceExamples, ci.ContohBuktiDukung)
		if ind.Weight != mustH(t, ci.Bobot) {
			t.Errorf("indicator %d weight %s, catalogue %s", ci.No, ind.Weight, ci.Bobot)
		}
		// bobot_dalam_aspek_pct is derived: weight / aspect weight × 100.
		share := NewRatio(int64(ind.Weight)*100, int64(ind.Aspect().Weight))
		if share.Round() != mustH(t, ci.BobotDalamAspekPct) {
			t.Errorf("indicator %d share %s, catalogue %s", ci.No, share, ci.BobotDalamAspekPct)
		}
		if ind.Aspect().No != ci.Aspek || ind.Aspect().Domain().No != ci.Domain {
			t.Errorf("indicator %d placed in aspect %d", ci.No, ind.Aspect().No)
		}
		if len(ci.Levels) != 5 {
			t.Fatalf("catalogue indicator %d has %d levels", ci.No, len(ci.Levels))
		}
		for _, cl := range ci.Levels {
			l := ind.Level(cl.Level)
			if l == nil {
				t.Errorf("indicator %d level %d missing", ci.No, cl.Level)
				continue
			}
			check("level name", p.LevelName(ind, cl.Level), cl.NamaLevel)
			check("criteria", l.Criteria, cl.KriteriaPermen)
			check("guideline criteria", l.GuidelineCriteria, cl.KriteriaPedoman)
			check("fulfilment", l.Fulfilment, cl.PemenuhanPedoman)
			check("evidence", l.Evidence, cl.BuktiPedoman)
		}
	}
	// Indicator 3 keeps its official quirk: level 4 refers to level 2.
	if l := p.Indicator(3).Level(4); !strings.HasPrefix(l.Criteria, "Kriteria tingkat 2 telah terpenuhi") {
		t.Errorf("indicator 3 level 4 was altered: %q", l.Criteria)
	}
}

// TestSharedCatalogueUnchanged guards the copies under tools/packgen/source
// against drifting from the project's shared sources when those are checked
// out beside the repository.
func TestSharedCatalogueUnchanged(t *testing.T) {
	for _, name := range []string{"spbe_59_2020_catalogue.json", "pemdi_8_2026_pack.json"} {
		shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "spbe", name))
		if err != nil {
			testenv.Missing(t, "the shared sources (../shared) are not checked out beside the repository")
		}
		ours, err := os.ReadFile(filepath.Join("..", "tools", "packgen", "source", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(shared, ours) {
			t.Errorf("tools/packgen/source/%s differs from ../shared/spbe; copy it and run go generate ./assets", name)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPackHashIsCanonical(t *testing.T) {
	p := spbe(t)
	b, err := p.IndentedJSON()
	if err != nil {
		t.Fatal(err)
	}
	// Re-reading the indented form gives the same hash: the hash is over
	// the canonical encoding, not over the file's bytes.
	q, err := ParsePackBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if q.Hash() != p.Hash() {
		t.Fatalf("hash changed on re-encoding: %s vs %s", q.Hash(), p.Hash())
	}
	// Any change of content changes the hash.
	q.Indicator(7).Levels[2].Criteria += " "
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	if q.Hash() == p.Hash() {
		t.Fatal("a changed text kept the hash")
	}
}

// mutate returns the built-in SPBE pack as a generic JSON tree, lets f
// change it and parses the result.
func mutate(t *testing.T, f func(m map[string]any)) error {
	t.Helper()
	return mutatePack(t, spbe(t), f)
}

// mutatePack is mutate over any pack.
func mutatePack(t *testing.T, p *Pack, f func(m map[string]any)) error {
	t.Helper()
	b, err := p.CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParsePackBytes(out)
	return err
}

func dom(m map[string]any, i int) map[string]any {
	return m["domains"].([]any)[i].(map[string]any)
}

func asp(m map[string]any, d, a int) map[string]any {
	return dom(m, d)["aspects"].([]any)[a].(map[string]any)
}

func ind(m map[string]any, d, a, i int) map[string]any {
	return asp(m, d, a)["indicators"].([]any)[i].(map[string]any)
}

func band(m map[string]any, i int) map[string]any {
	return m["predikat"].([]any)[i].(map[string]any)
}

func TestValidateRefuses(t *testing.T) {
	tests := []struct {
		name  string
		f     func(m map[string]any)
		err   error
		place string
	}{
		{"indicator weight", func(m map[string]any) { ind(m, 1, 0, 2)["weight"] = 2.6 }, ErrWeightSum, "aspect 2"},
		{"aspect weight", func(m map[string]any) { asp(m, 2, 1)["weight"] = 4.6 }, ErrWeightSum, "aspect 6"},
		{"domain weight", func(m map[string]any) {
			for _, d := range []int{0} {
				dom(m, d)["weight"] = 14
			}
		}, ErrWeightSum, "domain 1"},
		{"total weight", func(m map[string]any) {
			dom(m, 0)["weight"] = 14
			asp(m, 0, 0)["weight"] = 14
			ind(m, 0, 0, 0)["weight"] = 2.3
		}, ErrWeightSum, "domains"},
		{"four levels", func(m map[string]any) {
			i := ind(m, 0, 0, 4)
			i["levels"] = i["levels"].([]any)[:4]
		}, ErrLevelCount, "indicator 5"},
		{"six levels", func(m map[string]any) {
			i := ind(m, 3, 1, 0)
			l := i["levels"].([]any)
			i["levels"] = append(l, l[4])
		}, ErrLevelCount, "indicator 42"},
		{"levels out of order", func(m map[string]any) {
			l := ind(m, 0, 0, 0)["levels"].([]any)
			l[1], l[2] = l[2], l[1]
		}, ErrLevelCount, "indicator 1 level 2"},
		{"empty criteria", func(m map[string]any) {
			ind(m, 1, 1, 1)["levels"].([]any)[3].(map[string]any)["criteria"] = "  "
		}, ErrEmptyCriteria, "indicator 16 level 4"},
		{"duplicate indicator", func(m map[string]any) { ind(m, 0, 0, 1)["no"] = 1.0 }, ErrDuplicateNumber, "indicator 1"},
		{"duplicate aspect", func(m map[string]any) { asp(m, 1, 1)["no"] = 2.0 }, ErrDuplicateNumber, "aspect 2"},
		{"duplicate domain", func(m map[string]any) { dom(m, 3)["no"] = 1.0 }, ErrDuplicateNumber, "domain 1"},
		{"band gap", func(m map[string]any) { band(m, 1)["min"] = 1.9 }, ErrBandGap, `predikat "Kurang" and "Cukup"`},
		{"band gap on edge", func(m map[string]any) { band(m, 1)["min_inclusive"] = false }, ErrBandGap, `predikat "Kurang" and "Cukup"`},
		{"band overlap", func(m map[string]any) { band(m, 2)["min"] = 2.5 }, ErrBandOverlap, `predikat "Cukup" and "Baik"`},
		{"band overlap on edge", func(m map[string]any) { band(m, 3)["max_inclusive"] = true }, ErrBandOverlap, `predikat "Sangat Baik" and "Memuaskan"`},
		{"band misses 5", func(m map[string]any) { band(m, 4)["max_inclusive"] = false }, ErrBandGap, `predikat "Memuaskan"`},
		{"band misses 1", func(m map[string]any) { band(m, 0)["min"] = 1.2 }, ErrBandGap, `predikat "Kurang"`},
		{"unknown field", func(m map[string]any) { ind(m, 0, 0, 0)["bobot"] = 1.3 }, ErrUnknownField, "file"},
		{"unknown top field", func(m map[string]any) { m["extra"] = true }, ErrUnknownField, "file"},
		{"unknown scale", func(m map[string]any) { ind(m, 3, 0, 0)["scale"] = "layanan-x" }, ErrUnknownScale, "indicator 32"},
		{"newer format", func(m map[string]any) { m["format_version"] = 2 }, ErrPackVersion, "format_version"},
		{"not a pack", func(m map[string]any) { m["format"] = "something" }, ErrPackFormat, "format"},
		{"unknown status", func(m map[string]any) { m["status"] = "final" }, ErrPackStatus, "status"},
		{"three decimals", func(m map[string]any) { ind(m, 0, 0, 0)["weight"] = 1.305 }, ErrPackSyntax, "file"},
		{"weight as text", func(m map[string]any) { ind(m, 0, 0, 0)["weight"] = "1.30" }, ErrPackSyntax, "file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := mutate(t, tt.f)
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var pe *PackError
			if !errors.As(err, &pe) || pe.Place != tt.place {
				t.Fatalf("place of %q is not %q", err, tt.place)
			}
		})
	}
}

func TestParsePackGarbage(t *testing.T) {
	for _, in := range []string{"", "   ", "{", "[]", "null", `{"format":`, "\x00\x01", `{"format":"swanilai.instrument-pack"} {}`} {
		if _, err := ParsePackBytes([]byte(in)); !errors.Is(err, ErrPackSyntax) && !errors.Is(err, ErrPackFormat) {
			t.Errorf("%q: %v", in, err)
		}
	}
}
