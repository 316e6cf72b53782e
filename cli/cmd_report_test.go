package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/internal/testenv"
)

func pdfText(t *testing.T, path string) string {
	t.Helper()
	testenv.NeedTool(t, "pdftotext", "poppler-utils")
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestDemoAndReports(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.swanilai")
	if code, out, errs := runCLI(t, "", "demo", "-w", demo, "--by", "Penguji"); code != 0 || !strings.Contains(out, "25 indikator dijawab") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, "", "demo", "-w", demo); code != 1 || !strings.Contains(errs, "sudah ada") {
		t.Fatalf("demo over an existing file: %d %q", code, errs)
	}
	code, out, _ := runCLI(t, "", "score", "-w", demo)
	if code != 0 || !strings.Contains(out, "Indeks SPBE: 3,03") || !strings.Contains(out, "25 dari 47 indikator") {
		t.Fatalf("score of the demo: %d\n%s", code, out)
	}
	if code, out, _ := runCLI(t, "", "check", "-w", demo); code != 0 || !strings.Contains(out, "tidak berlaku lagi sejak 30 Juni 2025") {
		t.Fatalf("check of the demo: %d\n%s", code, out)
	}

	pdf := filepath.Join(dir, "laporan.pdf")
	if code, _, errs := runCLI(t, "", "report", "-w", demo, "-o", pdf); code != 0 {
		t.Fatalf("report: %d %s", code, errs)
	}
	txt := pdfText(t, pdf)
	for _, want := range []string{"Dinas Komunikasi dan Informatika", "3,03", "Baik", "Arsitektur SPBE", "Halaman 1 dari"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the OPD report lacks %q", want)
		}
	}

	// The recap of a coordinator that imported the demo OPD's submission
	// and is waiting for BAPPEDA's.
	coord := filepath.Join(dir, "koordinator.swanilai")
	bundleFile := filepath.Join(dir, "kominfo.swanilai.zip")
	for _, args := range [][]string{
		{"init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Tim Asesor Internal", "--year", "2025", "--by", "P"},
		{"opd", "-w", coord, "add", "--code", "diskominfo", "--name", "Dinas Komunikasi dan Informatika", "--by", "P"},
		{"opd", "-w", coord, "add", "--code", "BAPPEDA", "--name", "Badan Perencanaan Pembangunan Daerah", "--by", "P"},
		{"assign", "-w", coord, "--opd", "DISKOMINFO", "--indicators", "1-10", "--by", "P"},
		{"assign", "-w", coord, "--opd", "BAPPEDA", "--indicators", "11-14", "--target-level", "3", "--by", "P"},
		{"export", "-w", demo, "-o", bundleFile},
		{"import", "-w", coord, "--by", "P", bundleFile},
		{"decide", "-w", coord, "--default", "--by", "P"},
	} {
		if code, _, errs := runCLI(t, "", args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	recap := filepath.Join(dir, "rekap.pdf")
	book := filepath.Join(dir, "rekap.xlsx")
	if code, out, errs := runCLI(t, "", "report", "-w", coord, "--kind", "recap", "-o", recap, "--xlsx", book); code != 0 || !strings.Contains(out, "rekap.xlsx") {
		t.Fatalf("recap: %d %s", code, errs)
	}
	if b, err := os.ReadFile(book); err != nil || !strings.HasPrefix(string(b), "PK") {
		t.Fatalf("no workbook: %v", err)
	}
	txt = pdfText(t, recap)
	for _, want := range []string{"Rekapitulasi", "BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "DISKOMINFO", "Terkirim, revisi 1"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the recap lacks %q", want)
		}
	}
	runFails(t, "hanya untuk berkas kerja koordinator", "report", "-w", demo, "--kind", "recap", "-o", filepath.Join(dir, "x.pdf"))
	// A failed report leaves no file behind.
	bad := filepath.Join(dir, "gagal.pdf")
	if code, _, _ := runCLI(t, "", "report", "-w", coord, "--kind", "rekap", "-o", bad); code != 1 {
		t.Fatal("an unknown kind should fail")
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Fatal("a failed report left a file")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
