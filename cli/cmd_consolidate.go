package cli

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "decide",
		args:    "-w BERKAS_KOORDINATOR INDIKATOR [TINGKAT|-] [--opd KODE] [--fakta T] [--analisis T] | --default",
		summary: "tetapkan jawaban Pemda untuk satu indikator, atau tampilkan jawaban OPD-nya / set the Pemda's answer to an indicator, or show its OPDs' answers",
		run:     runDecide,
	})
	register(&command{
		name:    "targets",
		args:    "-w BERKAS_KOORDINATOR --target X [--from BERKAS_TAHUN_LALU] [--dry-run]",
		summary: "isi target tingkat tiap indikator menuju target indeks / fill in each indicator's target level towards a target index",
		run:     runTargets,
	})
}

func runDecide(_ context.Context, std stdio, args []string) error {
	c := findCommand("decide")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	code := fs.String("opd", "", "ambil jawaban OPD ini (tingkat, penjelasan, bukti dukung) / take this OPD's answer (level, penjelasan, evidence)")
	fakta := fs.String("fakta", "", "FAKTA jawaban Pemda / the Pemda answer's FAKTA")
	analisis := fs.String("analisis", "", "ANALISIS jawaban Pemda / the Pemda answer's ANALISIS")
	all := fs.Bool("default", false, "ambil jawaban tiap indikator yang dijawab tepat satu OPD dan belum diputuskan / take the answer of every undecided indicator exactly one OPD answered")
	pos, w, err := wf.parseOpen(fs, args, 0, 2)
	if err != nil {
		return err
	}
	defer w.Close()
	if w.Identity().Role != model.RoleCoordinator {
		return model.ErrCoordinatorOnly
	}
	p := w.Pack()
	contributions, err := w.Contributions()
	if err != nil {
		return err
	}
	if *all {
		if len(pos) > 0 || *code != "" {
			return usagef("--default tanpa indikator atau --opd / --default takes no indicator or --opd")
		}
		return decideDefaults(std.out, w, wf.by, contributions)
	}
	if len(pos) == 0 {
		return usagef("pemakaian / usage: swanilai decide %s", c.args)
	}
	no, err := parseIndicator(p, pos[0])
	if err != nil {
		return err
	}
	texts := visited(fs.FlagSet, "fakta") || visited(fs.FlagSet, "analisis")
	if len(pos) == 1 && *code == "" && !texts {
		return printSpread(std.out, w, no, contributions)
	}
	if *code != "" {
		if _, err := w.AdoptAnswer(wf.by, no, *code); err != nil {
			return err
		}
	}
	u := store.AnswerUpdate{Confirm: true}
	if len(pos) == 2 {
		v := model.Unanswered
		if pos[1] != "-" {
			if v, err = model.ParseHundredths(pos[1]); err != nil || v == model.Unanswered {
				return usagef("tingkat %q bukan angka 1–5 atau - / level %q is not a number 1–5 or -", pos[1], pos[1])
			}
		}
		u.Value, u.ClearExternal = &v, true
	}
	if visited(fs.FlagSet, "fakta") {
		u.Fakta = fakta
	}
	if visited(fs.FlagSet, "analisis") {
		u.Analisis = analisis
	}
	a, err := w.UpdateAnswer(wf.by, no, u)
	if err != nil {
		return err
	}
	ind := p.Indicator(no)
	level := "belum diputuskan / undecided"
	if a.Value != model.Unanswered {
		level = fmt.Sprintf("tingkat %s %s", a.Value.Compact(), p.LevelName(ind, p.LevelOf(ind, a.Value)))
	}
	from := ""
	if *code != "" {
		from = " (dari / from " + strings.ToUpper(*code) + ")"
	}
	fmt.Fprintf(std.out, "Indikator %d (%s): Pemda %s%s\n", no, ind.ShortName, level, from)
	return nil
}

// decideDefaults takes, for every indicator the Pemda has not decided, the
// answer of the one OPD that answered it (roundtrip.DecideDefaults), and
// says what it took and what waits: for the coordinator where several OPDs
// answered, for a revision where the OPD was asked to revise.
func decideDefaults(out io.Writer, w *store.Workspace, by string, contributions map[string]*model.Assessment) error {
	defaults, err := roundtrip.DecideDefaults(w, by, contributions)
	taken := 0
	for _, d := range defaults {
		switch {
		case d.Revising:
			fmt.Fprintf(out, "Indikator %d: %s diminta merevisi; menunggu revisinya / %s was asked to revise; waiting for its revision\n",
				d.Indicator, d.OPD, d.OPD)
		case d.Spread != nil:
			var levels []string
			for _, c := range d.Spread {
				levels = append(levels, c.OPD+" "+c.Answer.Value.Compact())
			}
			fmt.Fprintf(out, "Indikator %d: %d OPD menjawab (%s), putuskan / %d OPDs answered, decide: swanilai decide -w %s %d TINGKAT\n",
				d.Indicator, len(d.Spread), strings.Join(levels, ", "), len(d.Spread), w.Path(), d.Indicator)
		default:
			taken++
			fmt.Fprintf(out, "Indikator %d: tingkat %s dari / from %s\n", d.Indicator, d.Taken.Value.Compact(), d.OPD)
		}
	}
	if err != nil {
		return err
	}
	a, err := w.Assessment()
	if err != nil {
		return err
	}
	p := w.Pack()
	fmt.Fprintf(out, "%d jawaban diambil; Pemda kini menjawab %d dari %d indikator / %d answers taken; the Pemda now answers %d of %d indicators\n",
		taken, len(a.Values()), len(p.IndicatorNumbers()), taken, len(a.Values()), len(p.IndicatorNumbers()))
	return nil
}

// printSpread shows what the OPDs answered to indicator no, with the
// coordinator's review of each answer, and the Pemda's answer.
func printSpread(out io.Writer, w *store.Workspace, no int, contributions map[string]*model.Assessment) error {
	p := w.Pack()
	ind := p.Indicator(no)
	a, err := w.Assessment()
	if err != nil {
		return err
	}
	reviews, err := roundtrip.ReviewsOf(w, contributions)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Indikator %d — %s\n", no, ind.Name)
	if t, ok := a.Targets[no]; ok {
		fmt.Fprintf(out, "  Target tingkat / target level: %s\n", t.Compact())
	}
	var spread *model.Spread
	for _, s := range model.Spreads(p, contributions) {
		if s.Indicator == no {
			spread = &s
		}
	}
	if spread == nil {
		fmt.Fprintln(out, "  Belum ada OPD yang menjawabnya / no OPD has answered it yet.")
	} else {
		for _, c := range spread.Contributions {
			fmt.Fprintf(out, "\n  %s: tingkat %s %s\n", c.OPD, c.Answer.Value.Compact(), p.LevelName(ind, p.LevelOf(ind, c.Answer.Value)))
			if d, ok := reviews[c.OPD].Decision(no); ok {
				fmt.Fprintf(out, "    reviu     %s (revisi %d)\n", d.Text(), d.Revision)
			}
			fmt.Fprintf(out, "    FAKTA     %s\n    ANALISIS  %s\n", orDash(oneLine(c.Answer.Fakta)), orDash(oneLine(c.Answer.Analisis)))
			for _, e := range contributions[c.OPD].EvidenceFor(no) {
				fmt.Fprintf(out, "    bukti     %s  %s  %s\n", e.ShortHash(), model.SizeText(e.Size), e.Name)
			}
		}
	}
	pemda := "belum diputuskan / undecided"
	if ans := a.Answers[no]; ans.Value != model.Unanswered {
		pemda = "tingkat " + ans.Value.Compact() + " " + p.LevelName(ind, p.LevelOf(ind, ans.Value))
	}
	fmt.Fprintf(out, "\n  Pemda: %s\n", pemda)
	return nil
}

func runTargets(_ context.Context, std stdio, args []string) error {
	c := findCommand("targets")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	target := fs.String("target", "", "indeks target Pemda, mis. 4,20 / the Pemda's target index")
	from := fs.String("from", "", "berkas kerja koordinator tahun lalu: tingkatnya titik awal / last year's coordinator workspace: its levels are the starting point (bawaan: jawaban berkas ini / default: this workspace's answers)")
	dry := fs.Bool("dry-run", false, "tampilkan usulan tanpa menyimpan / show the proposal without saving it")
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	if w.Identity().Role != model.RoleCoordinator {
		return model.ErrCoordinatorOnly
	}
	if *target == "" {
		return usagef("sebutkan target dengan --target, mis. 4,20 / name the target with --target, e.g. 4.20")
	}
	goal, err := model.ParseHundredths(*target)
	if err != nil {
		return usagef("--target %q bukan angka / is not a number", *target)
	}
	p := w.Pack()
	source, err := w.Assessment()
	if err != nil {
		return err
	}
	if *from != "" {
		old, err := store.Open(*from)
		if err != nil {
			return err
		}
		source, err = old.Assessment()
		old.Close()
		if err != nil {
			return err
		}
		if source.Pack.ID != p.ID {
			return fmt.Errorf("%s: %w (%s, bukan / not %s)", *from, model.ErrInstrumentMismatch, source.Pack.ID, p.ID)
		}
	}
	last := source.Values()
	targets, plan, err := p.ProposeTargets(last, goal)
	if err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Dari / from %d (%d indikator, indeks %s) menuju target / towards the target %s (%s)\n",
		source.Identity.Year, len(last), plan.Current.ID(), goal.ID(), p.PredikatOf(model.RatioOf(goal)))
	if !plan.Reachable {
		fmt.Fprintf(std.out, "Target tidak dapat dicapai; indeks tertinggi %s / the target cannot be reached; the highest index is %s\n", plan.Best.ID(), plan.Best.ID())
	}
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NO\tINDIKATOR\tAWAL\tTARGET")
	raised := 0
	for _, no := range p.IndicatorNumbers() {
		v, ok := targets[no]
		if !ok || v == last[no] {
			continue
		}
		raised++
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", no, p.Indicator(no).ShortName, last[no].Compact(), v.Compact())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(std.out, "%d indikator naik, %d tetap / %d raised, %d kept\n", raised, len(targets)-raised, raised, len(targets)-raised)
	if *dry {
		return nil
	}
	if err := w.SetTargetIndex(wf.by, goal); err != nil {
		return err
	}
	for _, no := range slices.Sorted(maps.Keys(targets)) {
		if err := w.SetTarget(wf.by, no, targets[no]); err != nil {
			return err
		}
	}
	fmt.Fprintf(std.out, "Target indeks dan %d target tingkat disimpan / target index and %d target levels saved\n", len(targets), len(targets))
	return nil
}
