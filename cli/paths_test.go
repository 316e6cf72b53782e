package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAwkwardPaths runs the OPD's round trip through folders and files
// named as people name them on Windows laptops — spaces, an em dash,
// letters outside ASCII — and through a folder deeper than Windows' old
// 260-character limit. The same test runs as a Windows program under
// Wine (scripts/dev.sh test).
func TestAwkwardPaths(t *testing.T) {
	base := filepath.Join(t.TempDir(), "Dokumen Saya", "Penilaian SPBE — 2025", "Bappéda Kota")
	deep := base
	for len(deep) < 300 {
		deep = filepath.Join(deep, "Subfolder arsip bukti dukung")
	}
	for _, dir := range []string{base, deep} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		opd := filepath.Join(dir, "Bappeda Kota Pekalongan 2025 (salinan).swanilai")
		coord := filepath.Join(dir, "Tim Asesor — Koordinator.swanilai")
		doc := filepath.Join(dir, "Perwal No 12 Tahun 2022 – Arsitektur SPBE.pdf")
		if err := os.WriteFile(doc, []byte("%PDF-1.4 perwal"), 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "init", "-w", opd, "--role", "opd", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Bappéda", "--year", "2025", "--by", "Rina")
		mustRun(t, "init", "-w", coord, "--role", "coordinator", "--instansi", "Pemerintah Kota Pekalongan", "--year", "2025", "--by", "Sari")
		mustRun(t, "set", "-w", opd, "--by", "Rina", "1", "3", "--fakta", "Perwal 12/2022 (Perwal No 12 Tahun 2022 – Arsitektur SPBE.pdf).", "--analisis", "Terpenuhi.")
		mustRun(t, "attach", "-w", opd, "--by", "Rina", "1", doc)
		sent := filepath.Join(dir, "kiriman Bappéda rev 1.swanilai.zip")
		mustRun(t, "export", "-w", opd, "-o", sent)
		mustRun(t, "verify", sent)
		if out := mustRun(t, "import", "-w", coord, "--by", "Sari", dir); !strings.Contains(out, "1 diimpor") {
			t.Fatalf("import of %s:\n%s", dir, out)
		}
		if out := mustRun(t, "evidence", "-w", opd); !strings.Contains(out, "Perwal No 12 Tahun 2022 – Arsitektur SPBE.pdf") {
			t.Fatalf("evidence:\n%s", out)
		}
		// A second program on the same workspace is told it is open.
		w := openStore(t, opd)
		code, _, errs := runCLI(t, "", "set", "-w", opd, "--by", "Rina", "2", "2")
		w.Close()
		if code != 1 || !strings.Contains(errs, "sedang dibuka") {
			t.Fatalf("a second program: %d %q", code, errs)
		}
	}
}
