package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/swanilai/swanilai/internal/demo"
	"github.com/swanilai/swanilai/model"
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
		return model.NewFileError(wf.path, err)
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
		err = demo.FillOPD(ctx, w, wf.by)
	} else {
		err = demo.FillCoordinator(ctx, w, wf.by, *bundles, *opdWorkspaces)
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(wf.path)
		return err
	}
	if r == model.RoleOPD {
		fmt.Fprintf(std.out, "Berkas kerja contoh dibuat / demo workspace created: %s\n  %d indikator dijawab, bukti dukung dilampirkan; buka dengan / open with: swanilai -w %s\n", wf.path, demo.Answered(), wf.path)
		return nil
	}
	opds, sent := demo.Submitters()
	fmt.Fprintf(std.out, "Berkas kerja koordinator contoh dibuat / demo coordinator workspace created: %s\n  %d OPD, %d kiriman", wf.path, opds, sent)
	if *bundles != "" {
		fmt.Fprintf(std.out, " di / in %s, belum diimpor / not yet imported", *bundles)
	} else {
		fmt.Fprint(std.out, " diimpor / imported")
	}
	fmt.Fprintf(std.out, "; buka dengan / open with: swanilai -w %s\n", wf.path)
	return nil
}
