package cli

import (
	"context"
	"fmt"
	"io"
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
	removed := false
	switch {
	case len(pos) == 3 && pos[0] == "add":
		r, err := parseTrendYear(pos[1], pos[2], *predikat, *domains)
		if err != nil {
			return err
		}
		add = append(add, r)
	case len(pos) == 2 && pos[0] == "remove":
		if results, err = removeTrendYear(results, pos[1]); err != nil {
			return err
		}
		removed = true
	case len(pos) != 0:
		return usagef("pemakaian / usage: swanilai trend %s", c.args)
	}
	rows, err := readTrendCSV(std, *csvFile)
	if err != nil {
		return err
	}
	add = append(add, rows...)
	if len(add) > 0 || removed {
		results = model.MergeTrend(results, add)
		if err := w.SetTrend(wf.by, results); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeTrendJSON(std.out, results)
	}
	return printTrend(std.out, w.Pack(), results)
}

// parseTrendYear reads the arguments of `trend add`: the year, its index,
// its predikat and the --domains list of domain indices.
func parseTrendYear(year, index, predikat, domains string) (model.YearResult, error) {
	r := model.YearResult{Predikat: strings.TrimSpace(predikat)}
	var err error
	if r.Year, err = strconv.Atoi(year); err != nil {
		return r, usagef("tahun / year %q", year)
	}
	if r.Index, err = model.ParseHundredths(index); err != nil {
		return r, usagef("indeks / index %q: %v", index, err)
	}
	r.Domains, err = parseDomainIndices(domains)
	return r, err
}

// parseDomainIndices reads the --domains flag of `trend add`: domain
// indices separated by spaces, semicolons or slashes. It returns nil when
// the flag is empty.
func parseDomainIndices(s string) ([]model.Hundredths, error) {
	var out []model.Hundredths
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ';' || r == '/' }) {
		d, err := model.ParseHundredths(f)
		if err != nil {
			return nil, usagef("--domains %q: %v", f, err)
		}
		out = append(out, d)
	}
	return out, nil
}

// removeTrendYear takes the year named by the argument of `trend remove`
// out of results; it is an error when results has no such year.
func removeTrendYear(results []model.YearResult, arg string) ([]model.YearResult, error) {
	year, err := strconv.Atoi(arg)
	if err != nil {
		return nil, usagef("tahun / year %q", arg)
	}
	kept := deleteYear(results, year)
	if len(kept) == len(results) {
		return nil, fmt.Errorf("%d: %w: tahun itu tidak ada / no such year", year, model.ErrTrend)
	}
	return kept, nil
}

// readTrendCSV reads the earlier years' results from the --csv file name
// ("-" is standard input). It reads nothing when name is empty.
func readTrendCSV(std stdio, name string) ([]model.YearResult, error) {
	if name == "" {
		return nil, nil
	}
	r, err := openInput(std, name)
	if err != nil {
		return nil, err
	}
	rows, err := model.ParseTrend(name, r)
	r.Close()
	if err != nil {
		return nil, err
	}
	return rows, nil
}

// writeTrendJSON writes the earlier years' results as `trend --json`.
func writeTrendJSON(w io.Writer, results []model.YearResult) error {
	out := []trendJSON{}
	for _, r := range results {
		out = append(out, trendJSON{Year: r.Year, Index: r.Index, Predikat: r.Predikat, Domains: append([]model.Hundredths{}, r.Domains...)})
	}
	return writeJSON(w, out)
}

// printTrend writes the earlier years' results as a table, with a column
// for each domain of p when p has domains, or says there are none yet.
func printTrend(w io.Writer, p *model.Pack, results []model.YearResult) error {
	if len(results) == 0 {
		fmt.Fprintln(w, "Belum ada hasil tahun sebelumnya / no earlier results yet.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, trendHeader(p))
	for _, r := range results {
		fmt.Fprintln(tw, trendLine(p, r))
	}
	return tw.Flush()
}

// trendHeader is the header line of the `trend` table.
func trendHeader(p *model.Pack) string {
	header := "TAHUN\tINDEKS\tPREDIKAT"
	if p.HasDomains() {
		for _, d := range p.Domains {
			header += "\t" + strings.ToUpper(d.Name)
		}
	}
	return header
}

// trendLine is one year's line of the `trend` table; a domain index the
// year lacks shows as a dash.
func trendLine(p *model.Pack, r model.YearResult) string {
	line := fmt.Sprintf("%d\t%s\t%s", r.Year, r.Index.ID(), orDash(r.Predikat))
	if !p.HasDomains() {
		return line
	}
	for i := range p.Domains {
		v := "–"
		if i < len(r.Domains) && r.Domains[i] != 0 {
			v = r.Domains[i].ID()
		}
		line += "\t" + v
	}
	return line
}

// deleteYear returns results without the result of year.
func deleteYear(results []model.YearResult, year int) []model.YearResult {
	var out []model.YearResult
	for _, r := range results {
		if r.Year != year {
			out = append(out, r)
		}
	}
	return out
}
