package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "report",
		args:    "-w BERKAS -o KELUARAN.pdf [--kind opd|recap] [--from BERKAS_OPD]... [--xlsx KELUARAN.xlsx]",
		summary: "cetak laporan PDF / print the PDF report (OPD report, or the coordinator's recap)",
		run:     runReport,
	})
}

// multiFlag collects a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func runReport(ctx context.Context, std stdio, args []string) error {
	c := findCommand("report")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	out := fs.String("o", "", "berkas PDF yang ditulis / the PDF file to write")
	kind := fs.String("kind", "opd", "opd (laporan penilaian mandiri) atau recap (rekapitulasi koordinator) / opd or recap")
	xlsx := fs.String("xlsx", "", "buku kerja Excel rekapitulasi (dengan --kind recap) / the recap as an Excel workbook (with --kind recap)")
	var from multiFlag
	fs.Var(&from, "from", "berkas kerja OPD untuk rekapitulasi, boleh berulang / an OPD workspace for the recap, repeatable")
	pos, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	_ = pos
	if *out == "" && *xlsx == "" {
		return usagef("sebutkan berkas PDF dengan -o / name the PDF file with -o")
	}
	if *xlsx != "" && *kind != "recap" {
		return usagef("--xlsx hanya untuk --kind recap / --xlsx is for --kind recap only")
	}
	a, err := w.Assessment()
	if err != nil {
		return err
	}
	now := time.Now()
	opts := report.Options{Generated: now, Today: model.DateOf(now)}
	var write func(io.Writer) error
	switch *kind {
	case "opd":
		if len(from) > 0 {
			return usagef("--from hanya untuk --kind recap / --from is for --kind recap only")
		}
		write = func(f io.Writer) error { return report.WriteOPD(ctx, f, a, opts) }
	case "recap":
		rc, err := recapFrom(a, from)
		if err != nil {
			return err
		}
		write = func(f io.Writer) error { return report.WriteRecap(ctx, f, rc, opts) }
		if *xlsx != "" {
			if err := report.WriteFile(*xlsx, func(f io.Writer) error { return report.WriteRecapXLSX(ctx, f, rc, opts) }); err != nil {
				return err
			}
			fmt.Fprintf(std.out, "Buku kerja ditulis / workbook written: %s\n", *xlsx)
		}
	default:
		return usagef("--kind %q: pilih opd atau recap / choose opd or recap", *kind)
	}
	if *out == "" {
		return nil
	}
	if err := report.WriteFile(*out, write); err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Laporan ditulis / report written: %s\n", *out)
	return nil
}

// recapFrom builds the recap of the Pemda whose workspace is a from the
// OPD workspaces at paths: each OPD's answers as they stand in its file,
// and the Pemda's answers consolidated the default way (an indicator one
// OPD answered takes that answer; one answered by several waits for the
// coordinator).
func recapFrom(a *model.Assessment, paths []string) (*report.Recap, error) {
	rc := &report.Recap{Pemda: a}
	opds := map[string]*model.Assessment{}
	for _, p := range paths {
		w, err := store.Open(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		oa, err := w.Assessment()
		w.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if oa.Pack.Hash() != a.Pack.Hash() {
			return nil, fmt.Errorf("%s: %w (%s, bukan / not %s)", p, model.ErrInstrumentMismatch, oa.Pack.ID, a.Pack.ID)
		}
		code := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		var answered []int
		for _, no := range oa.Pack.IndicatorNumbers() {
			if ans, ok := oa.Answers[no]; ok && ans.Value != model.Unanswered {
				answered = append(answered, no)
			}
		}
		rc.OPDs = append(rc.OPDs, report.RecapOPD{
			Code: code, Name: oa.Identity.Unit, Assessment: oa,
			Cells:  report.CellStates(answered, oa),
			Status: fmt.Sprintf("%d dari %d indikator dijawab", len(answered), len(oa.Pack.IndicatorNumbers())),
		})
		opds[code] = oa
	}
	if len(paths) > 0 {
		pemda := *a
		pemda.Answers = model.DefaultConsolidation(a.Pack, opds)
		pemda.Evidence = nil
		rc.Pemda = &pemda
	}
	return rc, nil
}
