package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoCoordinator makes the coordinator's demo both ways: with the
// OPDs' submissions imported and decided, and with them left in a folder,
// which `swanilai import` then takes to the same state.
func TestDemoCoordinator(t *testing.T) {
	dir := t.TempDir()
	coord := filepath.Join(dir, "koordinator.swanilai")
	if out := mustRun(t, "demo", "-w", coord, "--role", "coordinator", "--by", "Dewi"); !strings.Contains(out, "12 OPD, 9 kiriman diimpor") {
		t.Fatalf("demo: %q", out)
	}
	s := statusOf(t, coord, "2025-10-01")
	states := map[string]string{}
	for _, o := range s.OPDs {
		states[o.Code] = string(o.State)
	}
	if len(s.OPDs) != 12 || len(s.Unassigned) != 0 || states["BAPPEDA"] != "terkirim" || states["BKPSDM"] != "terlambat" {
		t.Fatalf("status: %d OPDs, unassigned %v, states %v", len(s.OPDs), s.Unassigned, states)
	}
	score := mustRun(t, "score", "-w", coord)
	if !strings.Contains(score, "Indeks SPBE: 3,02") || !strings.Contains(score, "37 dari 47 indikator") {
		t.Fatalf("the Pemda's score:\n%s", score)
	}
	// Indicator 14 waits for the coordinator: two OPDs answered 2 and 3.
	if out := mustRun(t, "decide", "-w", coord, "14"); !strings.Contains(out, "BAPPEDA") || !strings.Contains(out, "ORGANISASI") {
		t.Fatalf("decide 14:\n%s", out)
	}

	waiting := filepath.Join(dir, "menunggu.swanilai")
	bundles := filepath.Join(dir, "kiriman")
	mustRun(t, "demo", "-w", waiting, "--role", "coordinator", "--bundles", bundles, "--by", "Dewi")
	files, err := os.ReadDir(bundles)
	if err != nil || len(files) != 9 {
		t.Fatalf("%d bundles written: %v", len(files), err)
	}
	if out := mustRun(t, "import", "-w", waiting, "--by", "Dewi", bundles); !strings.Contains(out, "9 diimpor") {
		t.Fatalf("import of the demo's bundles:\n%s", out)
	}
	mustRun(t, "decide", "-w", waiting, "--default", "--by", "Dewi")
	if again := mustRun(t, "score", "-w", waiting); again != score {
		t.Fatalf("imported by hand:\n%s\nby the demo:\n%s", again, score)
	}
	if code, _, errs := runCLI(t, "", "demo", "-w", filepath.Join(dir, "x.swanilai"), "--bundles", bundles); code != 1 || !strings.Contains(errs, "--bundles hanya untuk --role coordinator") {
		t.Fatalf("--bundles for an OPD: %d %q", code, errs)
	}
}
