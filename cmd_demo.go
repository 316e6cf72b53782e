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
		args:    "-w BERKAS",
		summary: "buat berkas kerja contoh yang sudah terisi / create a filled demo workspace",
		run:     runDemo,
	})
}

// demoTarget is the demo's target index: the edge of Memuaskan.
const demoTarget model.Hundredths = 420

// runDemo creates the demo workspace: Diskominfo of Kota Pekalongan in
// 2025, with plausible answers, penjelasan and evidence PDFs, and a few of
// everything the window shows: answered, without evidence, expired
// evidence, evidence too old for its level, one file linked to several
// indicators.
func runDemo(ctx context.Context, std stdio, args []string) error {
	c := findCommand("demo")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
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
	pack, err := model.BuiltinPack("spbe-59-2020")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(wf.path), 0o755); err != nil {
		return fileError(wf.path, err)
	}
	w, err := store.Create(wf.path, store.CreateOptions{Role: model.RoleOPD, Instansi: "Pemerintah Kota Pekalongan", Unit: "Dinas Komunikasi dan Informatika", Year: 2025, Pack: pack, By: wf.by})
	if err != nil {
		return err
	}
	err = fillDemo(ctx, w, wf.by)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(wf.path)
		return err
	}
	fmt.Fprintf(std.out, "Berkas kerja contoh dibuat / demo workspace created: %s\n  %d indikator dijawab, bukti dukung dilampirkan; buka dengan / open with: swanilai -w %s\n", wf.path, len(demoAnswers), wf.path)
	return nil
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
	made := map[string]string{}
	for _, da := range demoAnswers {
		v := model.Hundredths(da.Level * 100)
		u := store.AnswerUpdate{Value: &v, Fakta: &da.Fakta, Analisis: &da.Analisis}
		if da.Sector != "" {
			u.Sector = &da.Sector
		}
		if _, err := w.UpdateAnswer(by, da.No, u); err != nil {
			return fmt.Errorf("indikator %d: %w", da.No, err)
		}
		for _, doc := range da.Docs {
			path, ok := made[doc.File]
			if !ok {
				if path, err = writeDemoDoc(ctx, dir, doc); err != nil {
					return err
				}
				made[doc.File] = path
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
