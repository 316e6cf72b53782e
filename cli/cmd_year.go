package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/swanilai/swanilai/model"
)

func init() {
	register(&command{
		name:    "timeline",
		args:    "-w BERKAS [set TAHAP TTTT-BB-HH] [--json]",
		summary: "jadwal tahun ini: tampilkan, atau ubah batas satu tahap / the year's timeline: show it, or change one stage's deadline",
		run:     runTimeline,
	})
	register(&command{
		name:    "trend",
		args:    "-w BERKAS_KOORDINATOR [add TAHUN INDEKS [--predikat P] [--domains \"3,70 3,40 …\"] | remove TAHUN] [--csv BERKAS] [--json]",
		summary: "hasil resmi tahun-tahun sebelumnya: tampilkan, tambah, hapus, impor CSV / earlier years' official results: list, add, remove, import a CSV",
		run:     runTrend,
	})
}

func runTimeline(_ context.Context, std stdio, args []string) error {
	c := findCommand("timeline")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, w, err := wf.parseOpen(fs, args, 0, 3)
	if err != nil {
		return err
	}
	defer w.Close()
	tl, err := w.Timeline()
	if err != nil {
		return err
	}
	switch {
	case len(pos) == 3 && pos[0] == "set":
		stage, err := model.ParseStage(pos[1])
		if err != nil {
			return usagef("%v", err)
		}
		due, err := model.ParseDate(pos[2])
		if err != nil || due.IsZero() {
			return usagef("%q: %v", pos[2], model.ErrDate)
		}
		tl = tl.Set(stage, due)
		if err := w.SetTimeline(wf.by, tl); err != nil {
			return err
		}
	case len(pos) != 0:
		return usagef("pemakaian / usage: swanilai timeline %s", c.args)
	}
	if *asJSON {
		out := []stageJSON{}
		for _, m := range tl {
			out = append(out, stageJSON{Stage: string(m.Stage), Name: m.Stage.Text(), Due: m.Due.String()})
		}
		return writeJSON(std.out, out)
	}
	today := model.Today()
	next, hasNext := tl.Next(today)
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TAHAP\tKODE\tBATAS\tSISA")
	for _, m := range tl {
		left := daysLeft(today, m.Due)
		if hasNext && m == next {
			left += "  ← berikutnya / next"
		}
		fmt.Fprintf(tw, "%s / %s\t%s\t%s\t%s\n", m.Stage.Text(), m.Stage.TextEN(), m.Stage, m.Due.ID(), left)
	}
	return tw.Flush()
}

// daysLeft says how far a deadline is from today: "12 hari lagi / 12 days
// left", "hari ini / today", "lewat 3 hari / 3 days past".
func daysLeft(today, due model.Date) string {
	n := today.DaysTo(due)
	switch {
	case n == 0:
		return "hari ini / today"
	case n > 0:
		return fmt.Sprintf("%d hari lagi / %d days left", n, n)
	}
	return fmt.Sprintf("lewat %d hari / %d days past", -n, -n)
}

// trendJSON is an earlier year's result in `trend --json`.
type trendJSON struct {
	Year     int                `json:"year"`
	Index    model.Hundredths   `json:"index"`
	Predikat string             `json:"predikat"`
	Domains  []model.Hundredths `json:"domains"`
}

func runTrend(_ context.Context, std stdio, args []string) error {
	c := findCommand("trend")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	predikat := fs.String("predikat", "", "add: predikat resmi tahun itu / that year's official predikat")
	domains := fs.String("domains", "", "add: indeks domain menurut urutan instrumen, dipisah spasi atau titik koma, mis. \"3,70 3,40 3,00 3,20\" / the domain indices in the instrument's order, separated by spaces or semicolons")
	csvFile := fs.String("csv", "", "impor dari CSV tahun,indeks[,predikat][,domain…]; tahun yang sama diganti / import from a CSV; the same years are replaced")
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, w, err := wf.parseOpen(fs, args, 0, 3)
	if err != nil {
		return err
	}
	defer w.Close()
	results, err := w.Trend()
	if err != nil {
		return err
	}
	var add []model.YearResult
	switch {
	case len(pos) == 3 && pos[0] == "add":
		r := model.YearResult{Predikat: strings.TrimSpace(*predikat)}
		if r.Year, err = strconv.Atoi(pos[1]); err != nil {
			return usagef("tahun / year %q", pos[1])
		}
		if r.Index, err = model.ParseHundredths(pos[2]); err != nil {
			return usagef("indeks / index %q: %v", pos[2], err)
		}
		for _, f := range strings.FieldsFunc(*domains, func(r rune) bool { return r == ' ' || r == ';' || r == '/' }) {
			d, err := model.ParseHundredths(f)
			if err != nil {
				return usagef("--domains %q: %v", f, err)
			}
			r.Domains = append(r.Domains, d)
		}
		add = append(add, r)
	case len(pos) == 2 && pos[0] == "remove":
		year, err := strconv.Atoi(pos[1])
		if err != nil {
			return usagef("tahun / year %q", pos[1])
		}
		n := len(results)
		results = deleteYear(results, year)
		if len(results) == n {
			return fmt.Errorf("%d: %w: tahun itu tidak ada / no such year", year, model.ErrTrend)
		}
	case len(pos) != 0:
		return usagef("pemakaian / usage: swanilai trend %s", c.args)
	}
	if *csvFile != "" {
		r, err := openInput(std, *csvFile)
		if err != nil {
			return err
		}
		rows, err := model.ParseTrend(*csvFile, r)
		r.Close()
		if err != nil {
			return err
		}
		add = append(add, rows...)
	}
	if len(add) > 0 || (len(pos) > 0 && pos[0] == "remove") {
		results = model.MergeTrend(results, add)
		if err := w.SetTrend(wf.by, results); err != nil {
			return err
		}
	}
	if *asJSON {
		out := []trendJSON{}
		for _, r := range results {
			out = append(out, trendJSON{Year: r.Year, Index: r.Index, Predikat: r.Predikat, Domains: append([]model.Hundredths{}, r.Domains...)})
		}
		return writeJSON(std.out, out)
	}
	if len(results) == 0 {
		fmt.Fprintln(std.out, "Belum ada hasil tahun sebelumnya / no earlier results yet.")
		return nil
	}
	p := w.Pack()
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	header := "TAHUN\tINDEKS\tPREDIKAT"
	for _, d := range p.Domains {
		if p.HasDomains() {
			header += "\t" + strings.ToUpper(d.Name)
		}
	}
	fmt.Fprintln(tw, header)
	for _, r := range results {
		line := fmt.Sprintf("%d\t%s\t%s", r.Year, r.Index.ID(), orDash(r.Predikat))
		for i := range p.Domains {
			if !p.HasDomains() {
				break
			}
			v := "–"
			if i < len(r.Domains) && r.Domains[i] != 0 {
				v = r.Domains[i].ID()
			}
			line += "\t" + v
		}
		fmt.Fprintln(tw, line)
	}
	return tw.Flush()
}

func deleteYear(results []model.YearResult, year int) []model.YearResult {
	var out []model.YearResult
	for _, r := range results {
		if r.Year != year {
			out = append(out, r)
		}
	}
	return out
}
