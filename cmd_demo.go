package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "demo",
		args:    "-w BERKAS [--role opd|coordinator] [--bundles FOLDER] [--opd-workspaces FOLDER]",
		summary: "buat berkas kerja contoh yang sudah terisi / create a filled demo workspace",
		run:     runDemo,
	})
}

// demoTarget is the demo's target index: the edge of Memuaskan.
const demoTarget model.Hundredths = 420

// runDemo creates a demo workspace. The OPD's (the default) is Diskominfo
// of Kota Pekalongan in 2025, with plausible answers, penjelasan and
// evidence PDFs, and a few of everything the window shows: answered,
// without evidence, expired evidence, evidence too old for its level, one
// file linked to several indicators. The coordinator's is the Pemda's
// Diskominfo as Tim Asesor Internal with twelve OPDs, their assignments,
// targets and trend, and the submissions of eight of them, imported and,
// where one OPD answered, decided; with --bundles the submissions are
// written to a folder instead, for the coordinator to import.
func runDemo(ctx context.Context, std stdio, args []string) error {
	c := findCommand("demo")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	role := fs.String("role", "opd", "opd atau coordinator / opd or coordinator")
	bundles := fs.String("bundles", "", "coordinator: tulis kiriman OPD ke folder ini, tanpa diimpor / write the OPDs' submissions to this folder, not imported")
	opdWorkspaces := fs.String("opd-workspaces", "", "coordinator: simpan berkas kerja OPD yang mengirim di folder ini / keep the workspaces of the OPDs that sent in this folder")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := wantArgs(c, pos, 0, 0); err != nil {
		return err
	}
	if wf.path == "" {
		return usagef("sebutkan berkas kerja baru dengan -w / name the new workspace with -w")
	}
	r, err := model.ParseRole(*role)
	if err != nil {
		return usagef("--role %q: pilih opd atau coordinator / choose opd or coordinator", *role)
	}
	if (*bundles != "" || *opdWorkspaces != "") && r != model.RoleCoordinator {
		return usagef("--bundles dan --opd-workspaces hanya untuk --role coordinator / --bundles and --opd-workspaces are for --role coordinator only")
	}
	pack, err := model.BuiltinPack("spbe-59-2020")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(wf.path), 0o755); err != nil {
		return fileError(wf.path, err)
	}
	opts := store.CreateOptions{Role: r, Instansi: "Pemerintah Kota Pekalongan", Year: 2025, Pack: pack, By: wf.by}
	if r == model.RoleOPD {
		opts.Unit = "Dinas Komunikasi dan Informatika"
	}
	w, err := store.Create(wf.path, opts)
	if err != nil {
		return err
	}
	if r == model.RoleOPD {
		err = fillDemo(ctx, w, wf.by)
	} else {
		err = fillDemoCoordinator(ctx, w, wf.by, *bundles, *opdWorkspaces)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(wf.path)
		return err
	}
	if r == model.RoleOPD {
		fmt.Fprintf(std.out, "Berkas kerja contoh dibuat / demo workspace created: %s\n  %d indikator dijawab, bukti dukung dilampirkan; buka dengan / open with: swanilai -w %s\n", wf.path, len(demoAnswers), wf.path)
		return nil
	}
	sent := 0
	for _, o := range demoOPDs {
		sent += o.Revisions
	}
	fmt.Fprintf(std.out, "Berkas kerja koordinator contoh dibuat / demo coordinator workspace created: %s\n  %d OPD, %d kiriman", wf.path, len(demoOPDs), sent)
	if *bundles != "" {
		fmt.Fprintf(std.out, " di / in %s, belum diimpor / not yet imported", *bundles)
	} else {
		fmt.Fprint(std.out, " diimpor / imported")
	}
	fmt.Fprintf(std.out, "; buka dengan / open with: swanilai -w %s\n", wf.path)
	return nil
}

// fillDemoCoordinator fills the coordinator's demo, its OPDs' bundles
// written to bundles when not empty (and not imported), else to a
// temporary folder and imported; the OPDs' workspaces stay in opds when
// it is not empty.
func fillDemoCoordinator(ctx context.Context, w *store.Workspace, by, bundles, opds string) error {
	dir := bundles
	if dir == "" {
		tmp, err := os.MkdirTemp("", "swanilai-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return fileError(dir, err)
	}
	if opds != "" {
		if err := os.MkdirAll(opds, 0o755); err != nil {
			return fileError(opds, err)
		}
	}
	return fillCoordinatorDemo(ctx, w, by, dir, opds, bundles != "")
}

func fillDemo(ctx context.Context, w *store.Workspace, by string) error {
	if err := w.SetOfficials(by, demoOfficials); err != nil {
		return err
	}
	if err := w.SetTargetIndex(by, demoTarget); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "swanilai-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	return answerDemo(ctx, w, by, demoAnswers, dir)
}

// answerDemo stores answers in w, with their evidence documents, which it
// prints in dir (once each).
func answerDemo(ctx context.Context, w *store.Workspace, by string, answers []demoAnswer, dir string) error {
	for _, da := range answers {
		v := model.Hundredths(da.Level * 100)
		u := store.AnswerUpdate{Value: &v, Fakta: &da.Fakta, Analisis: &da.Analisis}
		if da.Sector != "" {
			u.Sector = &da.Sector
		}
		if _, err := w.UpdateAnswer(by, da.No, u); err != nil {
			return fmt.Errorf("indikator %d: %w", da.No, err)
		}
		for _, doc := range da.Docs {
			path := filepath.Join(dir, doc.File)
			if _, err := os.Stat(path); err != nil {
				if path, err = writeDemoDoc(ctx, dir, doc); err != nil {
					return err
				}
			}
			meta := store.EvidenceMeta{Title: doc.Title, DocNo: doc.DocNo, DocDate: doc.Date, ValidUntil: doc.Until, Level: doc.Level}
			if _, _, err := w.Attach(ctx, by, da.No, path, meta, nil); err != nil {
				return fmt.Errorf("indikator %d: %w", da.No, err)
			}
		}
	}
	return nil
}

// writeDemoDoc prints one of the demo's documents as a PDF in dir.
func writeDemoDoc(ctx context.Context, dir string, doc demoDoc) (string, error) {
	path := filepath.Join(dir, doc.File)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	err = report.WriteDocument(ctx, f, report.Document{
		Issuer: "Pemerintah Kota Pekalongan", Title: doc.Title, Number: doc.DocNo, Date: doc.Date,
		Place: "Pekalongan", Signatory: "WALI KOTA PEKALONGAN", Body: doc.Body,
	}, time.Date(doc.Date.Year, doc.Date.Month, doc.Date.Day, 9, 0, 0, 0, time.UTC))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return path, err
}
