package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// runCLI runs one command line as the binary would and returns its exit
// code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(t.Context(), args, stdio{in: strings.NewReader(stdin), out: &out, err: &errb})
	return code, out.String(), errb.String()
}

func fixture(name string) string { return filepath.Join("testdata", "answers", name) }

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
	if code != 0 || out != "swanilai "+version+"\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	for _, bad := range [][]string{{"frobnicate"}, {"score"}, {"score", "--answers"}, {"score", "--answers", "/nonexistent/x.csv"}, {"score", "--bogus"}, {"version", "extra"}, {"instrument"}} {
		code, out, errs := runCLI(t, "", bad...)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d stdout %q stderr %q", bad, code, out, errs)
		}
	}
}
