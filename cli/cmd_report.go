package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "report",
		args:    "-w BERKAS -o KELUARAN.pdf [--kind opd|recap] [--xlsx KELUARAN.xlsx]",
		summary: "cetak laporan PDF / print the PDF report (OPD report, or the coordinator's recap)",
		run:     runReport,
	})
}

// multiFlag collects a flag given several times (the window's --attach).
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
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
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
		// An OPD's report shows the coordinator's review it received.
		if opts.Review, err = w.Review(); err != nil {
			return err
		}
		write = func(f io.Writer) error { return report.WriteOPD(ctx, f, a, opts) }
	case "recap":
		rc, err := recapOf(w, a, opts.Today)
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

// recapOf builds the recap of the coordinator workspace w, whose
// assessment a is the Pemda's consolidated one: every OPD of the registry
// with its latest imported submission, its row of the OPD × indicator
// matrix and its status as of today, and the earlier years' results.
func recapOf(w *store.Workspace, a *model.Assessment, today model.Date) (*report.Recap, error) {
	if a.Identity.Role != model.RoleCoordinator {
		return nil, fmt.Errorf("rekapitulasi / recap: %w", model.ErrCoordinatorOnly)
	}
	status, err := w.Status(today)
	if err != nil {
		return nil, err
	}
	latest, err := w.LatestSubmissions()
	if err != nil {
		return nil, err
	}
	rc := &report.Recap{Pemda: a}
	for _, s := range status {
		o := report.RecapOPD{Code: s.OPD.Code, Name: s.OPD.Name, Status: opdStatusText(s), Revision: s.Revision, Submitted: s.Submitted}
		if sub := latest[s.OPD.Code]; sub != nil {
			o.Assessment = sub.Assessment
		}
		o.Cells = report.CellStates(s.Assigned, o.Assessment)
		rc.OPDs = append(rc.OPDs, o)
	}
	results, err := w.Trend()
	if err != nil {
		return nil, err
	}
	for _, r := range results {
		pt := report.TrendPoint{Year: r.Year, Index: model.RatioOf(r.Index), Predikat: r.Predikat}
		for i, d := range r.Domains {
			if d != 0 && i < len(a.Pack.Domains) {
				pt.Domains = append(pt.Domains, report.DomainIndex{Name: a.Pack.Domains[i].Name, Index: model.RatioOf(d)})
			}
		}
		rc.Trend = append(rc.Trend, pt)
	}
	return rc, nil
}

// opdStatusText says where an OPD stands in the recap's words: "Terkirim,
// revisi 2 (20 September 2025)", "Penugasan dikirim 20 Agustus 2025".
func opdStatusText(s model.OPDStatus) string {
	switch s.State {
	case model.OPDSubmitted:
		return fmt.Sprintf("%s, revisi %d (%s)", s.State.Text(), s.Revision, s.Submitted.ID())
	case model.OPDAssignmentSent:
		return s.State.Text() + " " + s.Sent.ID()
	}
	return s.State.Text()
}
