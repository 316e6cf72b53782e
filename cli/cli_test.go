package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/assets"
)

// runCLI runs one command line as the binary would and returns its exit
// code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(t.Context(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func fixture(name string) string { return filepath.Join("..", "testdata", "answers", name) }

func TestScoreFixtures(t *testing.T) {
	tests := []struct {
		file, index, predikat string
	}{
		{"contoh-328.csv", "3,28", "Baik"},
		{"contoh-domain2.csv", "3,40", "Baik"},
		{"semua-1.csv", "1,00", "Kurang"},
		{"semua-2.csv", "2,00", "Cukup"},
		{"semua-3.csv", "3,00", "Baik"},
		{"semua-4.csv", "4,00", "Sangat Baik"},
		{"semua-5.csv", "5,00", "Memuaskan"},
		{"tepi-1,80.csv", "1,80", "Cukup"},
		{"tepi-2,60.csv", "2,60", "Baik"},
		{"tepi-3,50.csv", "3,50", "Sangat Baik"},
		{"tepi-4,20.csv", "4,20", "Memuaskan"},
		{"bawah-1,80.csv", "1,80", "Kurang"},
		{"bawah-2,60.csv", "2,60", "Cukup"},
		{"bawah-3,50.csv", "3,50", "Baik"},
		{"bawah-4,20.csv", "4,20", "Sangat Baik"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "score", "--answers", fixture(tt.file))
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if !strings.Contains(out, "Indeks SPBE: "+tt.index) || !strings.Contains(out, "Predikat   : "+tt.predikat+"\n") {
				t.Fatalf("want %s %s, got\n%s", tt.index, tt.predikat, out)
			}
		})
	}
}

func TestScoreJSON(t *testing.T) {
	code, out, errs := runCLI(t, "", "score", "--json", "--answers", fixture("opd-diskominfo.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Instrument string   `json:"instrument"`
		Index      *float64 `json:"index"`
		IndexExact string   `json:"index_exact"`
		Predikat   string   `json:"predikat"`
		Coverage   struct {
			Answered  int     `json:"answered"`
			Total     int     `json:"total"`
			WeightPct float64 `json:"weight_pct"`
		} `json:"coverage"`
		Domains []struct {
			No    int      `json:"no"`
			Name  string   `json:"name"`
			Index *float64 `json:"index"`
		} `json:"domains"`
		Aspects []struct {
			No    int      `json:"no"`
			Name  string   `json:"name"`
			Index *float64 `json:"index"`
		} `json:"aspects"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// 1:3 8:2 16:4 17:3 22:2 43:3 45:3 over weights 1,3 1,3 2,5 2,5 1,5 3 3:
	// (3,9+2,6+10+7,5+3+9+9) / 15,1 = 45 / 15,1 = 2,980…
	if got.Instrument != "spbe-59-2020" || got.Index == nil || *got.Index != 2.98 || got.IndexExact != "450/151" || got.Predikat != "Baik" {
		t.Fatalf("%+v", got)
	}
	if got.Coverage.Answered != 7 || got.Coverage.Total != 47 || got.Coverage.WeightPct != 15.1 {
		t.Fatalf("coverage %+v", got.Coverage)
	}
	if len(got.Domains) != 4 || len(got.Aspects) != 8 || got.Aspects[5].Index != nil || got.Domains[0].Name != "Kebijakan Internal SPBE" {
		t.Fatalf("parts %+v %+v", got.Domains, got.Aspects)
	}
	if !strings.Contains(out, `"index": 2.98,`) {
		t.Fatalf("index not written with two decimals:\n%s", out)
	}
}

func TestScoreBadAnswers(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"level7.csv", "indikator,level\n1,3\n2,7\n", "level7.csv:3: tingkat di luar 1–5 / level out of range: indikator 2, tingkat 7"},
		{"ind48.csv", "indikator,level\n48,3\n", "ind48.csv:2: indikator tidak ada / no such indicator: indikator 48"},
		{"dup.csv", "indikator,level\n5,3\n5,4\n", "dup.csv:3: indikator dijawab dua kali / indicator answered twice: indikator 5, pertama di baris 2"},
		{"nan.csv", "indikator,level\n1,tiga\n", `nan.csv:2: bukan angka / not a number: level "tiga"`},
		{"header.csv", "no;nilai_akhir\n1;3\n", "header.csv:1: baris judul salah / wrong header"},
		{"other.json", `{"instrument":"pemdi-x","answers":[]}`, "instrumen tidak dikenal / unknown instrument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := filepath.Join(dir, tt.name)
			if err := os.WriteFile(f, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCLI(t, "", "score", "--answers", f)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			if !strings.Contains(errs, tt.want) || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "swanilai: ") {
				t.Fatalf("stderr %q, want one line with %q", errs, tt.want)
			}
		})
	}
}

func TestScoreExcelCSVFromStdin(t *testing.T) {
	in := "\xef\xbb\xbfIndikator;Level;Fakta\r\n11;3;\"Perwal 5; 2023\"\r\n12;4;\r\n13;3;\r\n14;2;\r\n"
	code, out, errs := runCLI(t, in, "score", "--answers", "-")
	if code != 0 || !strings.Contains(out, "Indeks SPBE: 3,00") || !strings.Contains(out, "4 dari 47 indikator, 10,00 % bobot") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}

func TestScoreEdgeNote(t *testing.T) {
	_, out, _ := runCLI(t, "", "score", "--answers", fixture("bawah-4,20.csv"))
	if !strings.Contains(out, "exact 4,1995") {
		t.Fatalf("no exact value beside a rounded edge:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "score", "--answers", fixture("tepi-4,20.csv"))
	if strings.Contains(out, "exact") {
		t.Fatalf("exact note on a value that is on the edge:\n%s", out)
	}
}

func TestPlan(t *testing.T) {
	code, out, errs := runCLI(t, "", "plan", "--answers", fixture("contoh-328.csv"), "--target", "4,20")
	if code != 0 || !strings.Contains(out, "Indeks saat ini: 3,28 (Baik) · target 4,20 (Memuaskan)") || !strings.Contains(out, "tercapai dengan 33 kenaikan") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "plan", "--answers", fixture("semua-2.csv"), "--target", "4.2", "--freeze", "32-47")
	if code != 1 {
		t.Fatalf("a range in --freeze should be refused, got exit %d\n%s", code, out)
	}
	var frozen []string
	for no := 32; no <= 47; no++ {
		frozen = append(frozen, strconv.Itoa(no))
	}
	code, out, errs = runCLI(t, "", "plan", "--answers", fixture("semua-2.csv"), "--target", "4.2", "--freeze", strings.Join(frozen, ","), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var plan struct {
		Reachable bool    `json:"reachable"`
		Best      float64 `json:"best"`
		Steps     []struct {
			Indicator int `json:"indicator"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	if plan.Reachable || plan.Best != 3.64 || len(plan.Steps) != 31*3 {
		t.Fatalf("%+v", plan)
	}
	for _, bad := range [][]string{
		{"plan", "--answers", fixture("semua-2.csv")},
		{"plan", "--answers", fixture("semua-2.csv"), "--target", "tinggi"},
		{"plan", "--answers", fixture("semua-2.csv"), "--target", "5,5"},
	} {
		if code, _, errs := runCLI(t, "", bad...); code != 1 || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", bad, code, errs)
		}
	}
}

func TestInstrumentCommands(t *testing.T) {
	code, out, _ := runCLI(t, "", "instrument", "list")
	if code != 0 || !strings.Contains(out, "spbe-59-2020") || !strings.Contains(out, "resmi / official") {
		t.Fatalf("list: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "instrument", "show", "spbe-59-2020")
	if code != 0 || !strings.Contains(out, "Memuaskan    4,20 ≤ x ≤ 5,00") || !strings.Contains(out, "Jaringan Dokumentasi dan Informasi Hukum (JDIH)") {
		t.Fatalf("show: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "instrument", "show", "spbe-59-2020", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "pack.json")
	if err := os.WriteFile(good, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "instrument", "validate", good)
	if code != 0 || !strings.Contains(out, "OK ") || !strings.Contains(out, "47 indikator") {
		t.Fatalf("validate: %d %s %s", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.json")
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, bytes.Replace(raw, []byte(`"weight": 1.30`), []byte(`"weight": 1.40`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, "", "instrument", "validate", bad)
	if code != 1 || !strings.Contains(errs, "aspect 1: jumlah bobot tidak sesuai / weights do not add up") {
		t.Fatalf("validate bad: %d %q", code, errs)
	}
	code, _, errs = runCLI(t, "", "instrument", "show", "spbe-2099")
	if code != 1 || !strings.Contains(errs, `unknown instrument "spbe-2099"`) {
		t.Fatalf("unknown: %d %q", code, errs)
	}
	// A pack file can be used to score against.
	code, out, _ = runCLI(t, "", "score", "--instrument", good, "--answers", fixture("semua-3.csv"))
	if code != 0 || !strings.Contains(out, "3,00") {
		t.Fatalf("score with pack file: %d\n%s", code, out)
	}
}

func TestHelpAndUsage(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != 0 || !strings.Contains(out, "score --answers BERKAS") {
		t.Fatalf("help: %d\n%s", code, out)
	}
	for _, c := range commands {
		code, _, errs := runCLI(t, "", c.name, "-h")
		if code != 0 || !strings.Contains(errs, "swanilai "+c.name) {
			t.Errorf("%s -h: exit %d, %q", c.name, code, errs)
		}
	}
	code, out, _ = runCLI(t, "", "version")
	if code != 0 || out != "swanilai "+assets.Version+"\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	for _, bad := range [][]string{{"frobnicate"}, {"score"}, {"score", "--answers"}, {"score", "--answers", "/nonexistent/x.csv"}, {"score", "--bogus"}, {"version", "extra"}, {"instrument"}} {
		code, out, errs := runCLI(t, "", bad...)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d stdout %q stderr %q", bad, code, out, errs)
		}
	}
}

func TestScorePemdiFixtures(t *testing.T) {
	tests := []struct {
		file, index, predikat string
		exact                 bool // the rounded index hides the exact one
	}{
		{"pemdi-contoh-2,80.csv", "2,80", "Baik (Berkembang / Developing)", false},
		{"pemdi-tepi-1,50.csv", "1,50", "Kurang (Merintis / Initiate)", false},
		{"pemdi-tepi-2,50.csv", "2,50", "Cukup (Membangun / Emerging)", false},
		{"pemdi-tepi-3,50.csv", "3,50", "Baik (Berkembang / Developing)", false},
		{"pemdi-tepi-4,00.csv", "4,00", "Sangat Baik (Melembaga / Embedded)", false},
		{"pemdi-atas-1,50.csv", "1,50", "Cukup (Membangun / Emerging)", true},
		{"pemdi-atas-2,50.csv", "2,50", "Baik (Berkembang / Developing)", true},
		{"pemdi-atas-3,50.csv", "3,50", "Sangat Baik (Melembaga / Embedded)", true},
		{"pemdi-atas-4,00.csv", "4,00", "Memuaskan (Unggul / Leading)", true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "score", "--instrument", "pemdi-8-2026", "--answers", fixture(tt.file))
			if code != 0 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			if !strings.Contains(out, "Indeks Pemdi: "+tt.index) || !strings.Contains(out, "Predikat    : "+tt.predikat+"\n") {
				t.Fatalf("want %s %s, got\n%s", tt.index, tt.predikat, out)
			}
			if strings.Contains(out, "exact") != tt.exact {
				t.Fatalf("exact note %v:\n%s", tt.exact, out)
			}
			if !strings.Contains(out, "transkripsi salinan, belum diverifikasi ke JDIH") || strings.Contains(out, "DOMAIN") {
				t.Fatalf("the status note and no domain table:\n%s", out)
			}
		})
	}
	// The same decimal file is refused by the instrument of whole levels.
	code, _, errs := runCLI(t, "", "score", "--answers", fixture("pemdi-tepi-2,50.csv"))
	if code != 1 || !strings.Contains(errs, "tingkat harus bilangan bulat / not a whole level") {
		t.Fatalf("SPBE with decimals: exit %d %q", code, errs)
	}
}

func TestScorePemdiExternal(t *testing.T) {
	code, out, errs := runCLI(t, "", "score", "--instrument", "pemdi-8-2026", "--answers", fixture("pemdi-eksternal.csv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"Indeks Pemdi: 2,79",
		"5   Tata Kelola Data                      SDI 68,75  3,75   Sangat Baik  Hasil Evaluasi SDI 2025, Bappenas  10 Februari 2026  9 Februari 2027",
		"7   Pembangunan Statistik                 IPS 3      2,94   Baik         Hasil EPSS 2025, BPS               15 Desember 2025  14 Desember 2026",
	} {
		if !strings.Contains(out, want) {
			t.Fatalf("no %q in\n%s", want, out)
		}
	}

	code, out, errs = runCLI(t, "", "score", "--json", "--answers", fixture("pemdi-opd.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Instrument string  `json:"instrument"`
		Index      float64 `json:"index"`
		Predikat   string  `json:"predikat"`
		Domains    []any   `json:"domains"`
		Aspects    []any   `json:"aspects"`
		Indicators []struct {
			No        int     `json:"no"`
			Value     float64 `json:"value"`
			Level     int     `json:"level"`
			LevelName string  `json:"level_name"`
			External  *struct {
				Index      string  `json:"index"`
				Value      float64 `json:"value"`
				Source     string  `json:"source"`
				Date       string  `json:"date"`
				ValidUntil string  `json:"valid_until"`
			} `json:"external"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	// 1:3 5:SDI 25→2 7:IPS 4,20→4,01 13:2,5 16:4 over weights 5 5 3 5 4:
	// (15 + 10 + 12,03 + 12,5 + 16) / 22 = 65,53 / 22 = 2,978…
	if got.Instrument != "pemdi-8-2026" || got.Index != 2.98 || got.Predikat != "Baik" || len(got.Domains) != 1 || len(got.Aspects) != 7 || len(got.Indicators) != 5 {
		t.Fatalf("%+v", got)
	}
	sdi, ips, half := got.Indicators[1], got.Indicators[2], got.Indicators[3]
	if sdi.No != 5 || sdi.Value != 2 || sdi.Level != 2 || sdi.External == nil || sdi.External.Index != "SDI" || sdi.External.Value != 25 || sdi.External.Date != "2026-02-10" || sdi.External.ValidUntil != "2027-02-09" {
		t.Fatalf("SDI %+v %+v", sdi, sdi.External)
	}
	if ips.No != 7 || ips.Value != 4.01 || ips.Level != 5 || ips.LevelName != "Memuaskan" || ips.External.Value != 4.2 || ips.External.Date != "" {
		t.Fatalf("IPS %+v %+v", ips, ips.External)
	}
	if half.No != 13 || half.Value != 2.5 || half.Level != 2 || half.LevelName != "Cukup" || half.External != nil {
		t.Fatalf("13: %+v", half)
	}
	if !strings.Contains(out, `"value": 2.50,`) {
		t.Fatalf("values not written with two decimals:\n%s", out)
	}
}

func TestScorePemdiBadAnswers(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, content, want string
	}{
		{"mismatch.csv", "indikator;level;eksternal;sumber\n5;4;68,75;Bappenas\n", "mismatch.csv:2: tingkat tidak sesuai konversi nilai indeks eksternal / level does not match the external index conversion: indikator 5: SDI 68,75 menjadi 3,75, bukan 4,00"},
		{"not-external.csv", "indikator;level;eksternal;sumber\n1;;50;Bappenas\n", "not-external.csv:2: indikator ini tidak memakai nilai indeks eksternal / indicator takes no external index value: indikator 1, eksternal 50,00"},
		{"range.csv", "indikator;level;eksternal;sumber\n7;;5,5;BPS\n", "range.csv:2: nilai indeks eksternal di luar skalanya / external index value out of range: indikator 7, IPS 5,50 (skala 1 sampai 5)"},
		{"nosource.csv", "indikator;level;eksternal\n5;;25\n", "nosource.csv:2: nilai indeks eksternal harus disertai sumbernya / an external index value needs its source: eksternal 25,00 tanpa sumber"},
		{"level.csv", "indikator,level\n1,5.5\n", "level.csv:2: tingkat di luar 1–5 / level out of range: indikator 1, nilai 5,50 (nilai 1,00 sampai 5,00)"},
		{"date.json", `{"answers":[{"indicator":6,"external":{"value":2,"source":"BIG","date":"20-11-2025"}}]}`, `date.json:1: bukan tanggal TTTT-BB-HH / not a date as YYYY-MM-DD: tanggal "20-11-2025"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := filepath.Join(dir, tt.name)
			if err := os.WriteFile(f, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCLI(t, "", "score", "--instrument", "pemdi-8-2026", "--answers", f)
			if code != 1 || out != "" {
				t.Fatalf("exit %d, stdout %q", code, out)
			}
			if !strings.Contains(errs, tt.want) || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "swanilai: ") {
				t.Fatalf("stderr %q, want one line with %q", errs, tt.want)
			}
		})
	}
}

func TestPlanPemdi(t *testing.T) {
	code, out, errs := runCLI(t, "", "plan", "--instrument", "pemdi-8-2026", "--answers", fixture("pemdi-eksternal.csv"), "--target", "4,01", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var plan struct {
		Reachable bool  `json:"reachable"`
		External  []int `json:"external"`
		Steps     []struct {
			Indicator int `json:"indicator"`
		} `json:"steps"`
	}
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	if !plan.Reachable || len(plan.External) != 3 || plan.External[0] != 5 || plan.External[2] != 7 {
		t.Fatalf("%+v", plan)
	}
	for _, s := range plan.Steps {
		if s.Indicator == 5 || s.Indicator == 6 || s.Indicator == 7 {
			t.Fatalf("external indicator %d planned", s.Indicator)
		}
	}
	code, out, _ = runCLI(t, "", "plan", "--instrument", "pemdi-8-2026", "--answers", fixture("pemdi-eksternal.csv"), "--target", "4")
	if code != 0 || !strings.Contains(out, "target 4,00 (Sangat Baik)") || !strings.Contains(out, "indikator 5, 6, 7") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestInstrumentPemdi(t *testing.T) {
	code, out, _ := runCLI(t, "", "instrument", "list")
	if code != 0 || !strings.Contains(out, "pemdi-8-2026  Indeks Pemdi — PermenPANRB 8/2026  2026–      20         transkripsi salinan, belum diverifikasi ke JDIH") {
		t.Fatalf("list: %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, "", "instrument", "show", "pemdi-8-2026")
	for _, want := range []string{
		"Kurang       1,00 ≤ x ≤ 1,50  (Merintis / Initiate)",
		"Cukup        1,50 < x ≤ 2,50  (Membangun / Emerging)",
		"Sangat Baik  3,50 < x ≤ 4,00  (Melembaga / Embedded)",
		"Memuaskan    4,00 < x ≤ 5,00  (Unggul / Leading)",
		"4  Sangat Baik (Melembaga / Embedded)  3,50 < x ≤ 4,00",
		"tingkat 5  4,20 ≤ IPS ≤ 5,00  teks: 4,20 < IPS < 5,00",
		"Indikator 13: Bobot 5 % menurut Tabel 1",
		"16 ← 7, 18, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41",
		"desimal 1,00–5,00",
	} {
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("show: no %q in\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "instrument", "show", "pemdi-8-2026", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	f := filepath.Join(t.TempDir(), "pemdi.json")
	if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "instrument", "validate", f)
	if code != 0 || !strings.Contains(out, "pemdi-8-2026, 20 indikator") {
		t.Fatalf("validate: %d %s %s", code, out, errs)
	}
}

// TestQuietUnderCLocale runs the binary's code in a child process under
// LANG=C.UTF-8, as on minimal Linux systems and CI, and checks that a
// command prints nothing but its own output: Fyne's locale detection must
// not log on stderr.
func TestQuietUnderCLocale(t *testing.T) {
	if os.Getenv("SWANILAI_CHILD") == "1" {
		os.Exit(run(context.Background(), []string{"version"}, stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr}))
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestQuietUnderCLocale$")
	cmd.Env = append(os.Environ(), "SWANILAI_CHILD=1", "LANG=C.UTF-8", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	if stderr.Len() != 0 || !strings.HasPrefix(stdout.String(), "swanilai ") {
		t.Fatalf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}

// TestFileArgs: a file double-clicked on the desktop arrives as the only
// argument; a workspace opens, a bundle is imported, other words stay
// commands.
func TestFileArgs(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "Bappeda 2025.swanilai")
	b := filepath.Join(dir, "kiriman bappeda.swkirim")
	old := filepath.Join(dir, "kiriman.swanilai.zip")
	for _, f := range []string{ws, b, old} {
		if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for in, want := range map[string][]string{
		ws:                                       {"-w", ws},
		b:                                        {"--import", b},
		old:                                      {"--import", old},
		"score":                                  {"score"},
		filepath.Join(dir, "tidak-ada.swanilai"): {filepath.Join(dir, "tidak-ada.swanilai")},
		dir:                                      {dir},
	} {
		if got := fileArgs(in, []string{in}); !slices.Equal(got, want) {
			t.Errorf("fileArgs(%q) = %q, want %q", in, got, want)
		}
	}
	t.Setenv("DISPLAY", ":0") // the window is a recorder here
	var opened WindowOptions
	code := run(t.Context(), []string{ws}, stdio{in: strings.NewReader(""), out: io.Discard, err: io.Discard, window: func(o WindowOptions) error {
		opened = o
		return nil
	}})
	if code != 0 || opened.Path != ws {
		t.Fatalf("the window got %+v (exit %d)", opened, code)
	}
}
