package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/swanilai/swanilai/model"
)

func init() {
	register(&command{
		name:    "instrument",
		args:    "list [--json] | show ID [--json] | validate BERKAS",
		summary: "instrumen penilaian / evaluation instruments",
		run:     runInstrument,
	})
}

func runInstrument(_ context.Context, std stdio, args []string) error {
	c := findCommand("instrument")
	fs := newFlags(c, std)
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return wantArgs(c, pos, 1, 1)
	}
	switch pos[0] {
	case "list":
		if err := wantArgs(c, pos, 1, 1); err != nil {
			return err
		}
		return instrumentList(std, *asJSON)
	case "show":
		if err := wantArgs(c, pos, 2, 2); err != nil {
			return err
		}
		p, err := resolvePack(pos[1])
		if err != nil {
			return err
		}
		if *asJSON {
			b, err := p.IndentedJSON()
			if err != nil {
				return err
			}
			_, err = std.out.Write(b)
			return err
		}
		return instrumentShow(std, p)
	case "validate":
		if err := wantArgs(c, pos, 2, 2); err != nil {
			return err
		}
		p, err := loadPackFile(pos[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(std.out, "OK %s: %s, %d indikator, sha256 %s\n", pos[1], p.ID, len(p.IndicatorNumbers()), p.Hash())
		return nil
	}
	return usagef("pemakaian / usage: swanilai %s %s", c.name, c.args)
}

// resolvePack finds an instrument by built-in id, or reads it from a pack
// file when the argument names one.
func resolvePack(idOrFile string) (*model.Pack, error) {
	p, err := model.BuiltinPack(idOrFile)
	if err == nil {
		return p, nil
	}
	if st, serr := os.Stat(idOrFile); serr == nil && !st.IsDir() {
		return loadPackFile(idOrFile)
	}
	var ids []string
	for _, b := range model.BuiltinPacks() {
		ids = append(ids, b.ID)
	}
	return nil, fmt.Errorf("%w %q (bawaan / built in: %s)", model.ErrUnknownPack, idOrFile, strings.Join(ids, ", "))
}

func loadPackFile(name string) (*model.Pack, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, model.NewFileError(name, err)
	}
	defer f.Close()
	p, err := model.ParsePack(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return p, nil
}

func statusText(p *model.Pack) string {
	if p.Status == model.StatusOfficial {
		return "resmi / official"
	}
	if p.StatusNote != "" {
		return p.StatusNote
	}
	return "draf / draft"
}

func yearsText(y model.YearSpan) string {
	if y.To == 0 {
		return fmt.Sprintf("%d–", y.From)
	}
	return fmt.Sprintf("%d–%d", y.From, y.To)
}

type instrumentJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Status     string   `json:"status"`
	StatusNote string   `json:"status_note,omitempty"`
	Years      string   `json:"years"`
	Indicators int      `json:"indicators"`
	Hash       string   `json:"hash"`
	LegalBasis []string `json:"legal_basis"`
}

func instrumentList(std stdio, asJSON bool) error {
	packs := model.BuiltinPacks()
	if asJSON {
		out := make([]instrumentJSON, 0, len(packs))
		for _, p := range packs {
			out = append(out, instrumentJSON{ID: p.ID, Title: p.Title, Status: p.Status, StatusNote: p.StatusNote, Years: yearsText(p.Years), Indicators: len(p.IndicatorNumbers()), Hash: p.Hash(), LegalBasis: p.LegalBasis})
		}
		return writeJSON(std.out, out)
	}
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tINSTRUMEN\tTAHUN\tINDIKATOR\tSTATUS\tHASH")
	for _, p := range packs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%s\n", p.ID, p.Title, yearsText(p.Years), len(p.IndicatorNumbers()), statusText(p), p.ShortHash())
	}
	return tw.Flush()
}

func instrumentShow(std stdio, p *model.Pack) error {
	w := std.out
	showHeading(w, p)
	showPredikat(w, p)
	if err := showScales(w, p); err != nil {
		return err
	}
	if err := showIndicators(w, p); err != nil {
		return err
	}
	if err := showExternal(w, p); err != nil {
		return err
	}
	showNotes(w, p)
	showCrosswalks(w, p)
	return nil
}

// showHeading writes the pack's title and id, its legal basis, its
// version, status, years and hash, and the kind of values its indicators
// take.
func showHeading(w io.Writer, p *model.Pack) {
	fmt.Fprintf(w, "%s (%s)\n", p.Title, p.ID)
	for _, l := range p.LegalBasis {
		fmt.Fprintf(w, "  %s\n", l)
	}
	fmt.Fprintf(w, "Versi %s · %s · tahun %s · sha256 %s\n", p.Version, statusText(p), yearsText(p.Years), p.Hash())
	if p.DecimalValues {
		fmt.Fprintln(w, "Nilai indikator: desimal 1,00–5,00, dua angka di belakang koma / decimal values")
	} else {
		fmt.Fprintln(w, "Nilai indikator: tingkat bulat 1–5 / whole levels")
	}
}

// showPredikat lists the pack's predikat bands with their ranges and
// other names.
func showPredikat(w io.Writer, p *model.Pack) {
	fmt.Fprintln(w, "\nPredikat:")
	for _, b := range p.Predikat {
		line := fmt.Sprintf("  %-12s %s", b.Name, b.Range())
		if len(b.Aliases) > 0 {
			line += "  (" + strings.Join(b.Aliases, " / ") + ")"
		}
		fmt.Fprintln(w, line)
	}
}

// showScales lists the pack's scales, each on one line when its levels
// are names only, else as a table of levels.
func showScales(w io.Writer, p *model.Pack) error {
	fmt.Fprintln(w, "\nSkala / scales:")
	for _, s := range p.Scales {
		if plainScale(s) {
			showPlainScale(w, s)
			continue
		}
		if err := showScaleTable(w, s); err != nil {
			return err
		}
	}
	return nil
}

// plainScale reports whether the levels of s are names only: no aliases,
// no ranges.
func plainScale(s model.Scale) bool {
	for _, l := range s.Levels {
		if l.Range != nil || len(l.Aliases) > 0 {
			return false
		}
	}
	return true
}

// showPlainScale writes a scale whose levels are names only on one line.
func showPlainScale(w io.Writer, s model.Scale) {
	var names []string
	for _, l := range s.Levels {
		names = append(names, fmt.Sprintf("%d %s", l.Value, l.Name))
	}
	fmt.Fprintf(w, "  %s: %s\n", s.Name, strings.Join(names, " · "))
}

// showScaleTable writes a scale as a table of its levels with their
// other names and ranges.
func showScaleTable(w io.Writer, s model.Scale) error {
	fmt.Fprintf(w, "  %s:\n", s.Name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, l := range s.Levels {
		rng := ""
		if l.Range != nil {
			rng = l.Range.String()
		}
		fmt.Fprintf(tw, "    %d\t%s\t%s\n", l.Value, withAliases(l.Name, l.Aliases), rng)
	}
	return tw.Flush()
}

// showIndicators writes, after a blank line, the table of the pack's
// domains (when it has them), aspects and indicators with their weights
// and scales.
func showIndicators(w io.Writer, p *model.Pack) error {
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	indent := ""
	if p.HasDomains() {
		fmt.Fprintln(tw, "NO\tDOMAIN / ASPEK / INDIKATOR\tBOBOT\tSKALA")
		indent = "  "
	} else {
		fmt.Fprintln(tw, "NO\tASPEK / INDIKATOR\tBOBOT\tSKALA")
	}
	for _, d := range p.Domains {
		if p.HasDomains() {
			fmt.Fprintf(tw, "D%d\t%s\t%s\t\n", d.No, d.Name, d.Weight.ID())
		}
		for _, a := range d.Aspects {
			showAspect(tw, a, indent)
		}
	}
	return tw.Flush()
}

// showAspect writes the rows of an aspect and its indicators in the table
// of showIndicators, their names indented by indent.
func showAspect(tw io.Writer, a model.Aspect, indent string) {
	fmt.Fprintf(tw, "A%d\t%s%s\t%s\t\n", a.No, indent, a.Name, a.Weight.ID())
	for _, ind := range a.Indicators {
		scale := ind.Scale
		if ind.External != nil {
			scale += " / " + ind.External.Short
		}
		fmt.Fprintf(tw, "%d\t%s  %s\t%s\t%s\n", ind.No, indent, ind.ShortName, ind.Weight.ID(), scale)
	}
}

// showNotes writes the pack's notes and then its indicators' notes, when
// it has notes of its own.
func showNotes(w io.Writer, p *model.Pack) {
	if len(p.Notes) == 0 {
		return
	}
	fmt.Fprintln(w, "\nCatatan / notes:")
	for _, n := range p.Notes {
		fmt.Fprintf(w, "  - %s\n", n)
	}
	for _, no := range p.IndicatorNumbers() {
		for _, n := range p.Indicator(no).Notes {
			fmt.Fprintf(w, "  - Indikator %d: %s\n", no, n)
		}
	}
}

// showCrosswalks writes each of the pack's crosswalks: for each indicator,
// the indicators of the older pack it stands for.
func showCrosswalks(w io.Writer, p *model.Pack) {
	for _, c := range p.Crosswalks {
		fmt.Fprintf(w, "\nPadanan dari / crosswalk from %s (bukan ketentuan resmi / not official):\n", c.From)
		for _, l := range c.Links {
			olds := make([]string, len(l.From))
			for i, no := range l.From {
				olds[i] = strconv.Itoa(no)
			}
			fmt.Fprintf(w, "  %2d ← %s\n", l.Indicator, strings.Join(olds, ", "))
		}
	}
}

// showExternal lists the indicators whose value can be entered as another
// agency's index, with the bands that convert it, as the pack holds them
// and as the instrument prints them.
func showExternal(w io.Writer, p *model.Pack) error {
	for _, no := range p.IndicatorNumbers() {
		ind := p.Indicator(no)
		e := ind.External
		if e == nil {
			continue
		}
		status := "dari teks instrumen / from the instrument's text"
		if !e.Official {
			status = "bukan dari teks instrumen / not in the instrument's text"
		}
		fmt.Fprintf(w, "\nIndikator %d %s: %s (%s), skala %s–%s, %s\n", no, ind.ShortName, e.Index, e.Agency, e.Min.Compact(), e.Max.Compact(), status)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, b := range e.Bands {
			fmt.Fprintf(tw, "  tingkat %d\t%s", b.Level, b.Format(e.Short))
			if b.Literal != "" {
				fmt.Fprintf(tw, "\tteks: %s", b.Literal)
			}
			fmt.Fprintln(tw)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s\n", e.Basis)
	}
	return nil
}
