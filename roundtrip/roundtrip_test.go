package roundtrip

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/internal/platform"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

const instansi = "Pemerintah Kota Pekalongan"

// smallReport puts a small fixed PDF in the place of the OPD report, which
// the report package tests.
func smallReport(t *testing.T) {
	saved := OPDReport
	OPDReport = func(_ context.Context, w io.Writer, _ *model.Assessment, _ report.Options) error {
		_, err := io.WriteString(w, "%PDF-1.4 laporan\n%%EOF\n")
		return err
	}
	t.Cleanup(func() { OPDReport = saved })
}

func create(t *testing.T, path string, role model.Role, unit string) *store.Workspace {
	t.Helper()
	p, err := model.BuiltinPack("spbe-59-2020")
	if err != nil {
		t.Fatal(err)
	}
	w, err := store.Create(path, store.CreateOptions{Role: role, Instansi: instansi, Unit: unit, Year: 2025, Pack: p, By: "Sari"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// TestRoundTrip goes once around: the coordinator assigns, the OPD is made
// from its assignment, answers with evidence and exports; the coordinator
// verifies, imports, asks for a revision and sends the review; the OPD
// takes it. Every step runs through this package, over real files.
func TestRoundTrip(t *testing.T) {
	smallReport(t)
	ctx, dir := t.Context(), t.TempDir()
	coord := create(t, filepath.Join(dir, "koordinator.swanilai"), model.RoleCoordinator, "Tim Asesor Internal")
	if err := coord.PutOPD("Sari", model.OPD{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"}); err != nil {
		t.Fatal(err)
	}
	for _, no := range []int{1, 2} {
		if err := coord.SetAssigned("Sari", "BAPPEDA", no, true); err != nil {
			t.Fatal(err)
		}
	}
	assignment := filepath.Join(dir, "penugasan.swanilai.zip")
	if _, err := ExportAssignment(ctx, coord, "Sari", "BAPPEDA", assignment, "", model.Date{}); err != nil {
		t.Fatal(err)
	}
	opd, a, err := CreateFromAssignment(ctx, assignment, filepath.Join(dir, "bappeda.swanilai"), "", "Rina", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer opd.Close()
	if len(a.Indicators) != 2 || a.Code != "BAPPEDA" {
		t.Fatalf("assignment taken: %+v", a)
	}
	v := model.Hundredths(300)
	fakta, analisis := "Perwal 12/2022 (perwal.pdf) menetapkan Arsitektur SPBE.", "Kriteria tingkat 3 terpenuhi."
	if _, err := opd.UpdateAnswer("Rina", 1, store.AnswerUpdate{Value: &v, Fakta: &fakta, Analisis: &analisis}); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "perwal.pdf")
	if err := os.WriteFile(doc, []byte("%PDF-1.4 perwal"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := opd.Attach(ctx, "Rina", 1, doc, store.EvidenceMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	sent := filepath.Join(dir, "bappeda-1.swanilai.zip")
	sum, err := ExportSubmission(ctx, opd, sent, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Revision != 1 || sum.Answered != 1 || sum.Files != 1 {
		t.Fatalf("summary: %+v", sum)
	}

	v1, err := Verify(ctx, sent, model.PublicKey{}, coord, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !v1.Workspace || v1.Pack == nil || v1.Manifest.Revision != 1 || v1.Summary.Answered != 1 {
		t.Fatalf("verified: %+v", v1)
	}
	outcomes := ImportMany(ctx, coord, []string{sent, filepath.Join(dir, "tidak-ada.zip")}, ImportOptions{By: "Sari"}, nil)
	if len(outcomes) != 2 || outcomes[0].Outcome != Refused || outcomes[1].Outcome != Imported || outcomes[1].Code != "BAPPEDA" {
		t.Fatalf("outcomes: %+v", outcomes)
	}
	if again := ImportMany(ctx, coord, []string{sent}, ImportOptions{By: "Sari"}, nil); again[0].Outcome != Already {
		t.Fatalf("the same bundle again: %+v", again[0])
	}

	if err := coord.SetDecision("Sari", "BAPPEDA", model.Decision{Indicator: 1, Verdict: model.VerdictRevise, Fakta: "Lampirkan SK."}); err != nil {
		t.Fatal(err)
	}
	defaults, err := DecideDefaults(coord, "Sari", mustContributions(t, coord))
	if err != nil {
		t.Fatal(err)
	}
	if len(defaults) != 1 || !defaults[0].Revising || defaults[0].OPD != "BAPPEDA" {
		t.Fatalf("defaults: %+v", defaults)
	}
	back := filepath.Join(dir, "reviu-1.swanilai.zip")
	if _, err := ExportReview(ctx, coord, "Sari", "BAPPEDA", back, ""); err != nil {
		t.Fatal(err)
	}
	taken := ImportMany(ctx, opd, []string{back}, ImportOptions{By: "Rina"}, nil)
	if taken[0].Outcome != Imported || taken[0].Kind != bundle.KindReview || taken[0].Review.Count()[model.VerdictRevise] != 1 {
		t.Fatalf("review taken: %+v", taken[0])
	}
	// A submission is not something an OPD imports.
	if _, err := ImportBundle(ctx, opd, sent, ImportOptions{By: "Rina"}); !errors.Is(err, model.ErrNotCoordinator) {
		t.Fatalf("a submission into an OPD's workspace: %v", err)
	}
}

func mustContributions(t *testing.T, w *store.Workspace) map[string]*model.Assessment {
	t.Helper()
	c, err := w.Contributions()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestOpenBundleRefusesAFolder: a folder named like a bundle is no bundle.
func TestOpenBundleRefusesAFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kiriman.swanilai.zip")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := OpenBundle(dir, model.PublicKey{}); err == nil {
		t.Fatal("a folder opened as a bundle")
	}
	if _, _, err := OpenBundle(filepath.Join(t.TempDir(), "tidak-ada.zip"), model.PublicKey{}); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a missing file: %v", err)
	}
}

// TestExportRefusedOnFAT32: a bundle that would pass FAT32's 4 GiB limit
// is refused before anything is written or a revision is taken, with a
// sentence that says what to do.
func TestExportRefusedOnFAT32(t *testing.T) {
	smallReport(t)
	dir := t.TempDir()
	opd := create(t, filepath.Join(dir, "bappeda.swanilai"), model.RoleOPD, "Badan Perencanaan Pembangunan Daerah")
	v := model.Hundredths(200)
	if _, err := opd.UpdateAnswer("Rina", 1, store.AnswerUpdate{Value: &v}); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "notulen.pdf")
	if err := os.WriteFile(doc, make([]byte, 3<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := opd.Attach(t.Context(), "Rina", 1, doc, store.EvidenceMeta{}, nil); err != nil {
		t.Fatal(err)
	}
	saved := fileSystemOf
	t.Cleanup(func() { fileSystemOf = saved })
	// A stick that holds files of at most 66 MiB: the 3 MiB of evidence
	// and the bundle's 64 MiB of room for the rest do not fit.
	fileSystemOf = func(string) platform.FileSystem { return platform.FileSystem{Name: "FAT32", MaxFile: 66 << 20} }
	out := filepath.Join(dir, "E", "bappeda.swanilai.zip")
	_, err := ExportSubmission(t.Context(), opd, out, "", nil)
	if !errors.Is(err, ErrTooLargeForDisk) || !strings.Contains(err.Error(), "FAT32") {
		t.Fatalf("got %v", err)
	}
	if got := model.Say(err, model.ID); !strings.Contains(got, "FAT32") || strings.Contains(got, " / ") {
		t.Fatalf("the window says %q", got)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("something was written: %v", err)
	}
	// The stick with room enough takes it, as revision 1: the refusal
	// took no revision number.
	fileSystemOf = func(string) platform.FileSystem { return platform.FileSystem{Name: "FAT32", MaxFile: 68 << 20} }
	sum, err := ExportSubmission(t.Context(), opd, filepath.Join(dir, "bappeda.swanilai.zip"), "", nil)
	if err != nil || sum.Revision != 1 {
		t.Fatalf("revision %d, %v", sum.Revision, err)
	}
}
