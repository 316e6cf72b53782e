package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/store"
)

// TestDemoCoordinator makes the coordinator's demo both ways: with the
// OPDs' submissions imported and decided after a first review round with
// Bappeda, and with them left in a folder, which `swanilai import` then
// takes to the same state but for that review.
func TestDemoCoordinator(t *testing.T) {
	dir := t.TempDir()
	coord := filepath.Join(dir, "koordinator.swanilai")
	opds := filepath.Join(dir, "opd")
	if out := mustRun(t, "demo", "-w", coord, "--role", "coordinator", "--opd-workspaces", opds, "--by", "Dewi"); !strings.Contains(out, "12 OPD, 9 kiriman diimpor") {
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
	// The review of Bappeda's revision 1 lowered indicator 32 from 3 to 2.
	score := mustRun(t, "score", "-w", coord)
	if !strings.Contains(score, "Indeks SPBE: 2,98") || !strings.Contains(score, "37 dari 47 indikator") {
		t.Fatalf("the Pemda's score:\n%s", score)
	}
	if out := mustRun(t, "diff", "-w", coord, "--opd", "BAPPEDA"); !strings.Contains(out, "1 indikator berubah") || !strings.Contains(out, "Indikator 13") || !strings.Contains(out, "Tidak berubah / unchanged: 2, 12, 14, 32") {
		t.Fatalf("diff of Bappeda's revisions:\n%s", out)
	}
	if out := mustRun(t, "review", "-w", coord, "--opd", "BAPPEDA"); !strings.Contains(out, "level disesuaikan ke 2") || !strings.Contains(out, "menjawab reviu revisi 1") {
		t.Fatalf("Bappeda's review:\n%s", out)
	}
	ow, err := store.Open(filepath.Join(opds, "BAPPEDA.swanilai"))
	if err != nil {
		t.Fatal(err)
	}
	held, err := ow.Review()
	ow.Close()
	if err != nil || held == nil || held.Revision != 1 || len(held.Decisions) != 4 {
		t.Fatalf("Bappeda's workspace holds the review %+v: %v", held, err)
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
	// Without the review round indicator 32 keeps Bappeda's level 3.
	if again := mustRun(t, "score", "-w", waiting); !strings.Contains(again, "Indeks SPBE: 3,02") || !strings.Contains(again, "37 dari 47 indikator") {
		t.Fatalf("imported by hand, without the review:\n%s", again)
	}
	if code, _, errs := runCLI(t, "", "demo", "-w", filepath.Join(dir, "x.swanilai"), "--bundles", bundles); code != 1 || !strings.Contains(errs, "--bundles dan --opd-workspaces hanya untuk --role coordinator") {
		t.Fatalf("--bundles for an OPD: %d %q", code, errs)
	}
}
