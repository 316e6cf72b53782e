package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "diff",
		args:    "-w BERKAS_KOORDINATOR --opd KODE [--from N] [--to M]",
		summary: "apa yang berubah antara dua revisi kiriman OPD / what changed between two revisions of an OPD's submission",
		run:     runDiff,
	})
	register(&command{
		name:    "review",
		args:    "-w BERKAS_KOORDINATOR --opd KODE [--json] | --opd KODE INDIKATOR accept|adjust TINGKAT|revise [--fakta T] [--analisis T] [--justifikasi T] [--missing T]",
		summary: "reviu jawaban OPD: terima, sesuaikan tingkat atau minta revisi, atau tampilkan keputusannya / review an OPD's answers: accept, adjust the level or ask for revision, or list the decisions",
		run:     runReview,
	})
	register(&command{
		name:    "review-export",
		args:    "-w BERKAS_KOORDINATOR --opd KODE -o KELUARAN.swanilai.zip [--passphrase-file F]",
		summary: "tulis bundel reviu bertanda tangan untuk OPD / write the signed review bundle for an OPD",
		run:     runReviewExport,
	})
}

// staleText says that a review is for an older revision than the OPD's
// latest export, as the OPD's window says it.
func staleText(r *model.Review, latest int) string {
	return fmt.Sprintf("catatan ini untuk revisi %d; Anda sudah mengirim revisi %d / these notes are for revision %d; you have sent revision %d since",
		r.Revision, latest, r.Revision, latest)
}

// reviewFlags are the flags of the commands about one OPD's review: the
// coordinator's workspace and the OPD's code.
type reviewFlags struct {
	workspaceFlags
	code string
}

func (rf *reviewFlags) register(fs *flagSet, changes bool) {
	rf.workspaceFlags.register(fs, changes)
	fs.StringVar(&rf.code, "opd", "", "kode OPD / the OPD's code")
}

// parseOpen parses the command line as workspaceFlags.parseOpen does, and
// checks that the workspace is a coordinator's and the OPD's code reads;
// the caller closes the workspace.
func (rf *reviewFlags) parseOpen(fs *flagSet, args []string, min, max int) ([]string, *store.Workspace, error) {
	pos, w, err := rf.workspaceFlags.parseOpen(fs, args, min, max)
	if err != nil {
		return nil, nil, err
	}
	switch {
	case rf.code == "":
		err = usagef("sebutkan OPD dengan --opd / name the OPD with --opd")
	case w.Identity().Role != model.RoleCoordinator:
		err = model.ErrCoordinatorOnly
	default:
		rf.code, err = model.NormalizeCode(rf.code)
	}
	if err != nil {
		w.Close()
		return nil, nil, err
	}
	return pos, w, nil
}

func runDiff(_ context.Context, std stdio, args []string) error {
	c := findCommand("diff")
	fs := newFlags(c, std)
	var rf reviewFlags
	rf.register(fs, false)
	from := fs.Int("from", 0, "revisi awal; bawaan: revisi sebelum --to / the earlier revision; default: the one before --to")
	to := fs.Int("to", 0, "revisi akhir; bawaan: yang terakhir / the later revision; default: the latest")
	_, w, err := rf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	code := rf.code
	revs, err := w.Revisions(code)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("%s: %w", code, model.ErrNoSubmission)
	}
	if *to == 0 {
		*to = revs[len(revs)-1]
	}
	i := slices.Index(revs, *to)
	if i < 0 {
		return fmt.Errorf("%s revisi %d: %w", code, *to, model.ErrNoSubmission)
	}
	if *from == 0 {
		if i == 0 {
			fmt.Fprintf(std.out, "%s: revisi %d adalah kiriman pertama; belum ada yang dibandingkan / revision %d is the first submission; nothing to compare yet\n", code, *to, *to)
			return nil
		}
		*from = revs[i-1]
	}
	if !slices.Contains(revs, *from) {
		return fmt.Errorf("%s revisi %d: %w", code, *from, model.ErrNoSubmission)
	}
	before, err := w.Submitted(code, *from)
	if err != nil {
		return err
	}
	after, err := w.Submitted(code, *to)
	if err != nil {
		return err
	}
	return printDiff(std.out, w.Pack(), code, before, after)
}

// printDiff writes, per indicator, what changed from before to after: the
// level, the texts of the penjelasan as word diffs ([-deleted-] and
// {+inserted+}), the evidence added and removed; then the answered
// indicators that did not change.
func printDiff(out io.Writer, p *model.Pack, code string, before, after *model.Assessment) error {
	changes := model.Compare(p, before, after)
	fmt.Fprintf(out, "%s — %s: revisi %d → revisi %d\n", code, after.Identity.Unit, before.Revision, after.Revision)
	fmt.Fprintf(out, "%d indikator berubah / indicators changed: %d\n", len(changes), len(changes))
	changed := map[int]bool{}
	for _, ch := range changes {
		changed[ch.Indicator] = true
		ind := p.Indicator(ch.Indicator)
		fmt.Fprintf(out, "\nIndikator %d — %s\n", ch.Indicator, ind.ShortName)
		if ch.LevelChanged() {
			fmt.Fprintf(out, "  Tingkat / level: %s → %s\n", levelOrDash(p, ind, ch.From), levelOrDash(p, ind, ch.To))
		}
		for _, part := range []struct {
			label string
			diff  []model.DiffSegment
		}{{"FAKTA", ch.Fakta}, {"ANALISIS", ch.Analisis}, {"Sektor", ch.Sector}} {
			if part.diff != nil {
				fmt.Fprintf(out, "  %s: %s\n", part.label, model.DiffText(part.diff))
			}
		}
		for _, e := range ch.Added {
			fmt.Fprintf(out, "  + bukti dukung / evidence: %s (%s, %s)\n", e.Name, e.ShortHash(), model.SizeText(e.Size))
		}
		for _, e := range ch.Removed {
			fmt.Fprintf(out, "  - bukti dukung / evidence: %s (%s, %s)\n", e.Name, e.ShortHash(), model.SizeText(e.Size))
		}
	}
	var same []int
	for _, no := range p.IndicatorNumbers() {
		if after.Answers[no].Value != model.Unanswered && !changed[no] {
			same = append(same, no)
		}
	}
	if len(same) > 0 {
		fmt.Fprintf(out, "\nTidak berubah / unchanged: %s\n", numbersText(same))
	}
	return nil
}

// levelOrDash is a level with its name, "–" for none.
func levelOrDash(p *model.Pack, ind *model.Indicator, h model.Hundredths) string {
	if h == model.Unanswered {
		return "–"
	}
	return h.Compact() + " " + p.LevelName(ind, p.LevelOf(ind, h))
}

// verdictWords are the verdicts as `swanilai review` takes them, in
// English and in Indonesian.
var verdictWords = map[string]model.Verdict{
	"accept": model.VerdictAccepted, "terima": model.VerdictAccepted,
	"adjust": model.VerdictAdjusted, "sesuaikan": model.VerdictAdjusted,
	"revise": model.VerdictRevise, "revisi": model.VerdictRevise,
}

func runReview(_ context.Context, std stdio, args []string) error {
	c := findCommand("review")
	fs := newFlags(c, std)
	var rf reviewFlags
	rf.register(fs, true)
	asJSON := fs.Bool("json", false, "daftar keputusan dalam JSON / the decisions as JSON")
	fakta := fs.String("fakta", "", "FAKTA catatan reviu / the review note's FAKTA")
	analisis := fs.String("analisis", "", "ANALISIS: kriteria mana yang (tidak) terpenuhi / which criterion is (not) met")
	justifikasi := fs.String("justifikasi", "", "JUSTIFIKASI HASIL catatan reviu / the review note's JUSTIFIKASI HASIL")
	missing := fs.String("missing", "", "revise: bukti dukung yang masih kurang / the evidence still missing")
	pos, w, err := rf.parseOpen(fs, args, 0, 3)
	if err != nil {
		return err
	}
	defer w.Close()
	code := rf.code
	p := w.Pack()
	if len(pos) == 0 {
		return printReview(std.out, w, code, *asJSON)
	}
	if len(pos) < 2 {
		return usagef("pemakaian / usage: swanilai review %s", c.args)
	}
	no, err := parseIndicator(p, pos[0])
	if err != nil {
		return err
	}
	verdict, ok := verdictWords[strings.ToLower(pos[1])]
	if !ok {
		return usagef("%q: pilih accept, adjust TINGKAT atau revise / choose accept, adjust LEVEL or revise", pos[1])
	}
	d := model.Decision{Indicator: no, Verdict: verdict, Fakta: *fakta, Analisis: *analisis, Justifikasi: *justifikasi, MissingEvidence: *missing}
	switch {
	case verdict == model.VerdictAdjusted && len(pos) != 3:
		return usagef("adjust memerlukan tingkat, mis. adjust 3 / adjust needs a level, e.g. adjust 3")
	case verdict == model.VerdictAdjusted:
		if d.Level, err = model.ParseHundredths(pos[2]); err != nil || d.Level == model.Unanswered {
			return usagef("tingkat %q bukan angka 1–5 / level %q is not a number 1–5", pos[2], pos[2])
		}
	case len(pos) != 2:
		return usagef("pemakaian / usage: swanilai review %s", c.args)
	case verdict != model.VerdictRevise && *missing != "":
		return usagef("--missing hanya untuk revise / --missing is for revise only")
	}
	revs, err := w.Revisions(code)
	if err != nil {
		return err
	}
	if len(revs) > 0 {
		d.Revision = revs[len(revs)-1]
	}
	if err := w.SetDecision(rf.by, code, d); err != nil {
		return err
	}
	fmt.Fprintf(std.out, "%s revisi %d, indikator %d (%s): %s\n", code, d.Revision, no, p.Indicator(no).ShortName, d.Text())
	return nil
}

// reviewJSON is the shape of `review --json`; scripts depend on it.
type reviewJSON struct {
	Code      string `json:"code"`
	Unit      string `json:"unit"`
	Revision  int    `json:"revision"`
	Revisions []int  `json:"revisions"`
	// AnswersReview is the revision whose review the latest revision
	// answers; 0 for none.
	AnswersReview int            `json:"answers_review"`
	Decisions     []decisionJSON `json:"decisions"`
	// Undecided lists the answered indicators without a decision.
	Undecided []int `json:"undecided"`
	// Sent lists the review bundles made for the OPD, oldest first.
	Sent []sentJSON `json:"sent"`
}

type decisionJSON struct {
	Indicator       int              `json:"indicator"`
	Answered        model.Hundredths `json:"answered"`
	Verdict         model.Verdict    `json:"verdict"`
	Level           model.Hundredths `json:"level"`
	Fakta           string           `json:"fakta"`
	Analisis        string           `json:"analisis"`
	Justifikasi     string           `json:"justifikasi"`
	MissingEvidence string           `json:"missing_evidence"`
	Revision        int              `json:"revision"`
	By              string           `json:"by"`
	At              time.Time        `json:"at"`
}

type sentJSON struct {
	Revision  int       `json:"revision"`
	Sent      time.Time `json:"sent"`
	By        string    `json:"by"`
	Decisions int       `json:"decisions"`
}

// printReview lists the decisions standing on the latest revision of the
// OPD code, the answered indicators still undecided and the review
// bundles made.
func printReview(out io.Writer, w *store.Workspace, code string, asJSON bool) error {
	p := w.Pack()
	revs, err := w.Revisions(code)
	if err != nil {
		return err
	}
	if len(revs) == 0 {
		return fmt.Errorf("%s: %w", code, model.ErrNoSubmission)
	}
	latest, err := w.Submitted(code, revs[len(revs)-1])
	if err != nil {
		return err
	}
	decisions, err := w.Decisions(code)
	if err != nil {
		return err
	}
	sent, err := w.ReviewsSent(code)
	if err != nil {
		return err
	}
	sub, err := w.Submission(latest.Identity.Unit, latest.Revision)
	if err != nil {
		return err
	}
	rv := &model.Review{Decisions: decisions}
	var undecided []int
	for _, no := range p.IndicatorNumbers() {
		if _, ok := rv.Decision(no); !ok && latest.Answers[no].Value != model.Unanswered {
			undecided = append(undecided, no)
		}
	}
	if asJSON {
		j := reviewJSON{Code: code, Unit: latest.Identity.Unit, Revision: latest.Revision, Revisions: revs, AnswersReview: sub.AnswersReview,
			Decisions: []decisionJSON{}, Undecided: append([]int{}, undecided...), Sent: []sentJSON{}}
		for _, d := range decisions {
			j.Decisions = append(j.Decisions, decisionJSON{Indicator: d.Indicator, Answered: latest.Answers[d.Indicator].Value, Verdict: d.Verdict,
				Level: d.Level, Fakta: d.Fakta, Analisis: d.Analisis, Justifikasi: d.Justifikasi, MissingEvidence: d.MissingEvidence,
				Revision: d.Revision, By: d.By, At: d.At})
		}
		for _, r := range sent {
			j.Sent = append(j.Sent, sentJSON{Revision: r.Revision, Sent: r.Sent, By: r.By, Decisions: len(r.Decisions)})
		}
		return writeJSON(out, j)
	}
	answers := ""
	if sub.AnswersReview > 0 {
		answers = fmt.Sprintf("; menjawab reviu revisi %d / answers the review of revision %d", sub.AnswersReview, sub.AnswersReview)
	}
	fmt.Fprintf(out, "%s — %s: revisi %d (%d revisi diimpor / revisions imported%s)\n", code, latest.Identity.Unit, latest.Revision, len(revs), answers)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nNO\tINDIKATOR\tTINGKAT OPD\tKEPUTUSAN\tPADA REVISI\tOLEH")
	for _, no := range p.IndicatorNumbers() {
		d, decided := rv.Decision(no)
		answered := latest.Answers[no].Value
		if !decided && answered == model.Unanswered {
			continue
		}
		verdict, on, by := "belum diputuskan / undecided", "–", "–"
		if decided {
			verdict, on, by = d.Verdict.Text(), strconv.Itoa(d.Revision), d.By
			if d.Verdict == model.VerdictAdjusted {
				verdict += " ke " + d.Level.Compact()
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", no, p.Indicator(no).ShortName, orDash(levelText(answered)), verdict, on, by)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	var notes []string
	for _, d := range decisions {
		if strings.TrimSpace(d.Fakta+d.Analisis+d.Justifikasi+d.MissingEvidence) != "" {
			notes = append(notes, fmt.Sprintf("  %d: %s", d.Indicator, d.Text()))
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(out, "\nCatatan / notes:\n%s\n", strings.Join(notes, "\n"))
	}
	count := rv.Count()
	fmt.Fprintf(out, "\n%d diterima, %d disesuaikan, %d perlu revisi, %d belum diputuskan / accepted, adjusted, revision needed, undecided\n",
		count[model.VerdictAccepted], count[model.VerdictAdjusted], count[model.VerdictRevise], len(undecided))
	if n := len(sent); n > 0 {
		last := sent[n-1]
		fmt.Fprintf(out, "Reviu terakhir dikirim / last review sent: revisi %d, %s oleh / by %s\n", last.Revision, last.Sent.Local().Format("2006-01-02 15:04"), last.By)
	} else {
		fmt.Fprintln(out, "Belum ada reviu dikirim / no review sent yet")
	}
	return nil
}

// levelText is a level in the short form, "" for none.
func levelText(h model.Hundredths) string {
	if h == model.Unanswered {
		return ""
	}
	return h.Compact()
}

func runReviewExport(ctx context.Context, std stdio, args []string) error {
	c := findCommand("review-export")
	fs := newFlags(c, std)
	var rf reviewFlags
	rf.register(fs, true)
	out := fs.String("o", "", "berkas bundel reviu yang ditulis / the review bundle file to write")
	passFile := fs.String("passphrase-file", "", "berkas berisi kata sandi kunci / file holding the key's passphrase")
	_, w, err := rf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	if *out == "" {
		return usagef("sebutkan berkas bundel dengan -o / name the bundle file with -o")
	}
	pass, err := keyPassphrase(std, w, *passFile)
	if err != nil {
		return err
	}
	r, err := roundtrip.ExportReview(ctx, w, rf.by, rf.code, *out, pass)
	if err != nil {
		return err
	}
	var size int64
	if st, err := os.Stat(*out); err == nil {
		size = st.Size()
	}
	key, err := w.SigningKey()
	if err != nil {
		return err
	}
	count := r.Count()
	fmt.Fprintf(std.out, "Bundel reviu ditulis / review bundle written: %s (%s)\n", *out, model.SizeText(size))
	fmt.Fprintf(std.out, "  %-13s %s — %s, revisi %d\n", "Reviu", r.Code, r.Unit, r.Revision)
	fmt.Fprintf(std.out, "  %-13s %d diterima, %d disesuaikan, %d perlu revisi / accepted, adjusted, revision needed\n", "Keputusan",
		count[model.VerdictAccepted], count[model.VerdictAdjusted], count[model.VerdictRevise])
	fmt.Fprintf(std.out, "  %-13s %s\n", "Sidik kunci", key.Public.Fingerprint())
	return nil
}
