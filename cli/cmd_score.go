package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/swanilai/swanilai/model"
)

func init() {
	register(&command{
		name:    "score",
		args:    "--answers BERKAS [--instrument ID] [--json] | -w RUANG_KERJA [--json]",
		summary: "hitung indeks dan predikat / compute the index and predikat",
		run:     runScore,
	})
	register(&command{
		name:    "plan",
		args:    "(--answers BERKAS | -w RUANG_KERJA) --target X [--freeze 1,2] [--json]",
		summary: "rencana kenaikan menuju target / plan the raises to a target",
		run:     runPlan,
	})
}

// answerSource is the set of flags that say where answers come from: an
// answers file, or a workspace.
type answerSource struct {
	answers    string
	instrument string
	workspace  string
}

func (s *answerSource) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&s.answers, "answers", "", "berkas jawaban CSV atau JSON (- untuk stdin) / answers file, CSV or JSON")
	fs.StringVar(&s.instrument, "instrument", "", "ID instrumen atau berkas paket / instrument id or pack file (default: dari berkas / from the file, else "+model.DefaultPackID+")")
	fs.StringVar(&s.workspace, "w", "", "berkas kerja, sebagai ganti --answers / workspace, instead of --answers")
}

// load reads the answers and the instrument they are scored against, and
// checks them against it (which converts external index values).
func (s *answerSource) load(std stdio) (*model.Pack, *model.AnswerFile, error) {
	if s.answers == "" {
		if s.workspace != "" {
			return s.loadWorkspace()
		}
		return nil, nil, usagef("sebutkan berkas jawaban dengan --answers atau berkas kerja dengan -w / name the answers file with --answers or the workspace with -w")
	}
	if s.workspace != "" {
		return nil, nil, usagef("pakai --answers atau -w, tidak keduanya / use --answers or -w, not both")
	}
	r, err := openInput(std, s.answers)
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	f, err := model.ParseAnswers(s.answers, r)
	if err != nil {
		return nil, nil, err
	}
	id := s.instrument
	if id == "" {
		id = f.Instrument
	}
	if id == "" {
		id = model.DefaultPackID
	}
	p, err := resolvePack(id)
	if err != nil {
		return nil, nil, err
	}
	if err := f.Check(p); err != nil {
		return nil, nil, err
	}
	return p, f, nil
}

// externalAnswers returns the answers converted from an external index
// value, in instrument order.
func externalAnswers(p *model.Pack, f *model.AnswerFile) []model.Answer {
	byNo := map[int]model.Answer{}
	for _, a := range f.Answers {
		if a.External != nil {
			byNo[a.Indicator] = a
		}
	}
	var out []model.Answer
	for _, no := range p.IndicatorNumbers() {
		if a, ok := byNo[no]; ok {
			out = append(out, a)
		}
	}
	return out
}

func runScore(_ context.Context, std stdio, args []string) error {
	c := findCommand("score")
	fs := newFlags(c, std)
	var src answerSource
	src.register(fs)
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := wantArgs(c, pos, 0, 0); err != nil {
		return err
	}
	p, f, err := src.load(std)
	if err != nil {
		return err
	}
	s, err := p.Score(f.Values())
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(std.out, scoreToJSON(s, f))
	}
	return printScore(std.out, s, externalAnswers(p, f))
}

// partJSON is a domain or aspect in `score --json`.
type partJSON struct {
	No       int               `json:"no"`
	Name     string            `json:"name"`
	Weight   model.Hundredths  `json:"weight"`
	Index    *model.Hundredths `json:"index"`
	Answered int               `json:"answered"`
	Total    int               `json:"total"`
}

type coverageJSON struct {
	Answered  int              `json:"answered"`
	Total     int              `json:"total"`
	WeightPct model.Hundredths `json:"weight_pct"`
}

// externalJSON is an external index value in `score --json`.
type externalJSON struct {
	Index      string           `json:"index"`
	Value      model.Hundredths `json:"value"`
	Source     string           `json:"source"`
	Date       string           `json:"date,omitempty"`
	ValidUntil string           `json:"valid_until,omitempty"`
}

// indicatorJSON is an answered indicator in `score --json`.
type indicatorJSON struct {
	No        int              `json:"no"`
	Name      string           `json:"name"`
	Weight    model.Hundredths `json:"weight"`
	Value     model.Hundredths `json:"value"`
	Level     int              `json:"level"`
	LevelName string           `json:"level_name"`
	External  *externalJSON    `json:"external,omitempty"`
}

// scoreJSON is the shape of `score --json`; scripts depend on it.
type scoreJSON struct {
	Instrument     string            `json:"instrument"`
	InstrumentHash string            `json:"instrument_hash"`
	Index          *model.Hundredths `json:"index"`
	IndexExact     string            `json:"index_exact"`
	Predikat       string            `json:"predikat"`
	Coverage       coverageJSON      `json:"coverage"`
	Domains        []partJSON        `json:"domains"`
	Aspects        []partJSON        `json:"aspects"`
	// Indicators are the answered indicators in instrument order, with
	// the external index value each was converted from.
	Indicators []indicatorJSON `json:"indicators"`
}

func roundedPtr(has bool, r model.Ratio) *model.Hundredths {
	if !has {
		return nil
	}
	h := r.Round()
	return &h
}

func partsToJSON(parts []model.Part) []partJSON {
	out := make([]partJSON, 0, len(parts))
	for _, p := range parts {
		out = append(out, partJSON{No: p.No, Name: p.Name, Weight: p.Weight, Index: roundedPtr(p.HasIndex(), p.Index), Answered: p.Coverage.Answered, Total: p.Coverage.Total})
	}
	return out
}

func scoreToJSON(s *model.Score, f *model.AnswerFile) scoreJSON {
	p := s.Pack
	out := scoreJSON{
		Instrument:     p.ID,
		InstrumentHash: p.Hash(),
		Index:          roundedPtr(s.HasIndex(), s.Index),
		Predikat:       s.Predikat,
		Coverage:       coverageJSON{Answered: s.Coverage.Answered, Total: s.Coverage.Total, WeightPct: s.Coverage.WeightPercent().Round()},
		Domains:        partsToJSON(s.Domains),
		Aspects:        partsToJSON(s.Aspects),
		Indicators:     []indicatorJSON{},
	}
	if s.HasIndex() {
		out.IndexExact = s.Index.Exact()
	}
	answers := map[int]model.Answer{}
	for _, a := range f.Answers {
		answers[a.Indicator] = a
	}
	for _, no := range p.IndicatorNumbers() {
		a, ok := answers[no]
		if !ok || a.Value == model.Unanswered {
			continue
		}
		ind := p.Indicator(no)
		lv := p.LevelOf(ind, a.Value)
		ij := indicatorJSON{No: no, Name: ind.ShortName, Weight: ind.Weight, Value: a.Value, Level: lv, LevelName: p.LevelName(ind, lv)}
		if x := a.External; x != nil {
			ij.External = &externalJSON{Index: ind.External.Short, Value: x.Value, Source: x.Source, Date: x.Date.String(), ValidUntil: x.ValidUntil.String()}
		}
		out.Indicators = append(out.Indicators, ij)
	}
	return out
}

func coverageText(c model.Coverage) string {
	return fmt.Sprintf("%d dari %d indikator, %s %% bobot", c.Answered, c.Total, c.WeightPercent().ID())
}

// edgeNote explains an index whose rounded display lies in another band
// than its exact value, e.g. 4,1995 shown as 4,20 but rated Sangat Baik:
// the predikat follows the exact value.
func edgeNote(s *model.Score) string {
	if s.Pack.PredikatOf(model.RatioOf(s.Index.Round())) == s.Predikat {
		return ""
	}
	return fmt.Sprintf(" (nilai tepat / exact %s; predikat menurut nilai tepat / the predikat follows the exact value)", strings.Replace(s.Index.Exact(), ".", ",", 1))
}

func partIndex(p model.Part) string {
	if !p.HasIndex() {
		return "–"
	}
	return p.Index.ID()
}

// withAliases writes a name with its aliases, "Baik (Berkembang /
// Developing)", or the name alone.
func withAliases(name string, aliases []string) string {
	if len(aliases) == 0 {
		return name
	}
	return name + " (" + strings.Join(aliases, " / ") + ")"
}

func printScore(w io.Writer, s *model.Score, external []model.Answer) error {
	p := s.Pack
	// The labels line up on the colon: "Indeks SPBE:", "Indeks Pemdi:".
	width := max(11, utf8.RuneCountInString(p.IndexName))
	fmt.Fprintf(w, "%-*s: %s (%s)\n", width, "Instrumen", p.Label(), p.ID)
	if s.HasIndex() {
		b, _ := p.BandOf(s.Index)
		fmt.Fprintf(w, "%-*s: %s%s\n", width, p.IndexName, s.Index.ID(), edgeNote(s))
		fmt.Fprintf(w, "%-*s: %s\n", width, "Predikat", withAliases(s.Predikat, b.Aliases))
	} else {
		fmt.Fprintf(w, "%-*s: – (belum ada indikator yang dijawab / nothing answered)\n", width, p.IndexName)
	}
	fmt.Fprintf(w, "%-*s: %s\n", width, "Cakupan", coverageText(s.Coverage))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if p.HasDomains() {
		fmt.Fprintln(tw, "\nNO\tDOMAIN\tBOBOT\tINDEKS\tDIJAWAB")
		for _, d := range s.Domains {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d/%d\n", d.No, d.Name, d.Weight.ID(), partIndex(d), d.Coverage.Answered, d.Coverage.Total)
		}
	}
	fmt.Fprintln(tw, "\nNO\tASPEK\tBOBOT\tINDEKS\tDIJAWAB")
	for _, a := range s.Aspects {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d/%d\n", a.No, a.Name, a.Weight.ID(), partIndex(a), a.Coverage.Answered, a.Coverage.Total)
	}
	if len(external) > 0 {
		fmt.Fprintln(tw, "\nNILAI INDEKS EKSTERNAL / EXTERNAL INDEX VALUES")
		fmt.Fprintln(tw, "NO\tINDIKATOR\tINDEKS\tNILAI\tTINGKAT\tSUMBER\tTANGGAL\tBERLAKU S.D.")
		for _, a := range external {
			ind := p.Indicator(a.Indicator)
			x := a.External
			fmt.Fprintf(tw, "%d\t%s\t%s %s\t%s\t%s\t%s\t%s\t%s\n", a.Indicator, ind.ShortName, ind.External.Short, x.Value.Compact(), a.Value.ID(), p.LevelName(ind, p.LevelOf(ind, a.Value)), x.Source, dateText(x.Date), dateText(x.ValidUntil))
		}
	}
	return tw.Flush()
}

// dateText writes a date the Indonesian way, or "–" when it is not given.
func dateText(d model.Date) string {
	if d.IsZero() {
		return "–"
	}
	return d.ID()
}

func runPlan(_ context.Context, std stdio, args []string) error {
	c := findCommand("plan")
	fs := newFlags(c, std)
	var src answerSource
	src.register(fs)
	target := fs.String("target", "", "indeks target, mis. 4,20 / target index, e.g. 4.20")
	freeze := fs.String("freeze", "", "indikator yang tidak dapat naik tahun ini, mis. 11,12 / indicators that cannot move")
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := wantArgs(c, pos, 0, 0); err != nil {
		return err
	}
	if *target == "" {
		return usagef("sebutkan target dengan --target, mis. 4,20 / name the target with --target, e.g. 4.20")
	}
	goal, err := model.ParseHundredths(*target)
	if err != nil {
		return usagef("--target %q bukan angka / is not a number", *target)
	}
	p, f, err := src.load(std)
	if err != nil {
		return err
	}
	frozen, err := parseIndicatorList(p, *freeze)
	if err != nil {
		return err
	}
	// A value converted from another agency's index moves only when that
	// agency evaluates again: it is not planned.
	var external []int
	for _, a := range externalAnswers(p, f) {
		frozen[a.Indicator] = true
		external = append(external, a.Indicator)
	}
	plan, err := p.PlanTarget(f.Values(), goal, frozen)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(std.out, planToJSON(p, plan, external))
	}
	return printPlan(std.out, p, plan, external)
}

func parseIndicatorList(p *model.Pack, s string) (map[int]bool, error) {
	out := map[int]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		no, err := strconv.Atoi(f)
		if err != nil || p.Indicator(no) == nil {
			return nil, usagef("--freeze: %q bukan nomor indikator %s / is not an indicator of %s", f, p.ID, p.ID)
		}
		out[no] = true
	}
	return out, nil
}

type raiseJSON struct {
	Indicator  int              `json:"indicator"`
	Name       string           `json:"name"`
	From       model.Hundredths `json:"from"`
	To         model.Hundredths `json:"to"`
	Weight     model.Hundredths `json:"weight"`
	IndexAfter model.Hundredths `json:"index_after"`
	Exact      string           `json:"index_after_exact"`
}

type planJSON struct {
	Instrument string           `json:"instrument"`
	Target     model.Hundredths `json:"target"`
	Current    model.Hundredths `json:"current"`
	Reachable  bool             `json:"reachable"`
	Best       model.Hundredths `json:"best"`
	// External lists the indicators left out because their value comes
	// from another agency's index.
	External []int       `json:"external"`
	Steps    []raiseJSON `json:"steps"`
}

func planToJSON(p *model.Pack, plan *model.Plan, external []int) planJSON {
	out := planJSON{Instrument: p.ID, Target: plan.Target, Current: plan.Current.Round(), Reachable: plan.Reachable, Best: plan.Best.Round(), External: []int{}, Steps: []raiseJSON{}}
	out.External = append(out.External, external...)
	for _, s := range plan.Steps {
		out.Steps = append(out.Steps, raiseJSON{Indicator: s.Indicator, Name: p.Indicator(s.Indicator).ShortName, From: s.From, To: s.To, Weight: s.Weight, IndexAfter: s.IndexAfter.Round(), Exact: s.IndexAfter.Exact()})
	}
	return out
}

func printPlan(w io.Writer, p *model.Pack, plan *model.Plan, external []int) error {
	goalBand := p.PredikatOf(model.RatioOf(plan.Target))
	fmt.Fprintf(w, "Indeks saat ini: %s (%s) · target %s (%s)\n", plan.Current.ID(), p.PredikatOf(plan.Current), plan.Target.ID(), goalBand)
	if len(external) > 0 {
		nos := make([]string, len(external))
		for i, no := range external {
			nos[i] = strconv.Itoa(no)
		}
		fmt.Fprintf(w, "Tidak direncanakan, nilainya dari indeks instansi lain / not planned, the value comes from another agency's index: indikator %s\n", strings.Join(nos, ", "))
	}
	if len(plan.Steps) == 0 && plan.Reachable {
		fmt.Fprintln(w, "Target sudah tercapai / the target is already reached.")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nLANGKAH\tINDIKATOR\tDARI\tKE\tBOBOT\tINDEKS SETELAHNYA")
	for i, s := range plan.Steps {
		fmt.Fprintf(tw, "%d\t%d %s\t%s\t%s\t%s\t%s\n", i+1, s.Indicator, p.Indicator(s.Indicator).ShortName, s.From.Compact(), s.To.Compact(), s.Weight.ID(), s.IndexAfter.ID())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if plan.Reachable {
		fmt.Fprintf(w, "\nTarget %s tercapai dengan %d kenaikan satu tingkat / reached with %d one-level raises.\n", plan.Target.ID(), len(plan.Steps), len(plan.Steps))
		return nil
	}
	fmt.Fprintf(w, "\nTarget %s tidak dapat dicapai: dengan semua indikator yang dapat naik di tingkat 5, indeks tertinggi %s. / The target cannot be reached: with every movable indicator at level 5 the index is at most %s.\n", plan.Target.ID(), plan.Best.ID(), plan.Best.ID())
	return nil
}
