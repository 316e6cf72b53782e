package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "opd",
		args:    "-w BERKAS_KOORDINATOR add --code KODE --name NAMA [--contact K] [--pubkey BERKAS.pub] | list [--json] | remove KODE",
		summary: "daftar OPD koordinator: tambah atau ubah, tampilkan, hapus / the coordinator's OPD registry: add or change, list, remove",
		run:     runOPD,
	})
	register(&command{
		name:    "assign",
		args:    "-w BERKAS_KOORDINATOR --opd KODE [--indicators 11,12,13] [--unassign 14] [--target-level 4] [-o KELUARAN.swanilai.zip [--deadline TTTT-BB-HH] [--passphrase-file F]]",
		summary: "tugaskan indikator ke OPD dan tulis bundel penugasannya / assign indicators to an OPD and write its assignment bundle",
		run:     runAssign,
	})
	register(&command{
		name:    "status",
		args:    "-w BERKAS_KOORDINATOR [--today TTTT-BB-HH] [--json]",
		summary: "keadaan tiap OPD dan matriks OPD × indikator / each OPD's state and the OPD × indicator matrix",
		run:     runStatus,
	})
}

func runOPD(_ context.Context, std stdio, args []string) error {
	c := findCommand("opd")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	code := fs.String("code", "", "add: kode singkat, mis. BAPPEDA / short code, e.g. BAPPEDA")
	name := fs.String("name", "", "add: nama lengkap OPD seperti di berkas kerjanya / the OPD's full name as its workspace names it")
	contact := fs.String("contact", "", "add: narahubung, dengan telepon atau surel / contact person, with phone or e-mail")
	pubFile := fs.String("pubkey", "", "add: kunci publik OPD (berkas .pub dari `swanilai key export`), didaftarkan sebelum kiriman pertamanya / the OPD's public key, registered before its first submission")
	asJSON := fs.Bool("json", false, "list: keluaran JSON / JSON output")
	pos, w, err := wf.parseOpen(fs, args, 1, 2)
	if err != nil {
		return err
	}
	defer w.Close()
	switch pos[0] {
	case "add":
		if len(pos) != 1 {
			break
		}
		if *code == "" || *name == "" {
			return usagef("sebutkan --code dan --name / give --code and --name")
		}
		o := model.OPD{Code: *code, Name: *name, Contact: *contact}
		if *pubFile != "" {
			text, err := os.ReadFile(*pubFile)
			if err != nil {
				return model.NewFileError(*pubFile, err)
			}
			if o.Key, err = bundle.ParsePublicKey(text); err != nil {
				return fmt.Errorf("%s: %w", *pubFile, err)
			}
		}
		if err := w.PutOPD(wf.by, o); err != nil {
			return err
		}
		norm, _ := model.NormalizeCode(*code)
		fmt.Fprintf(std.out, "OPD disimpan / OPD saved: %s — %s\n", norm, strings.Join(strings.Fields(*name), " "))
		if !o.Key.IsZero() {
			fmt.Fprintf(std.out, "  Kunci terdaftar / key registered: %s\n", o.Key.Fingerprint())
		}
		return nil
	case "list":
		if len(pos) != 1 {
			break
		}
		reg, err := w.Registry()
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]opdJSON, 0, len(reg))
			for _, o := range reg {
				out = append(out, opdJSON{Code: o.Code, Name: o.Name, Contact: o.Contact, Fingerprint: o.Key.Fingerprint()})
			}
			return writeJSON(std.out, out)
		}
		if len(reg) == 0 {
			fmt.Fprintln(std.out, "Belum ada OPD terdaftar / no OPD registered yet.")
			return nil
		}
		tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "KODE\tOPD\tNARAHUBUNG\tSIDIK KUNCI")
		for _, o := range reg {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", o.Code, o.Name, o.Contact, orDash(o.Key.Fingerprint()))
		}
		return tw.Flush()
	case "remove":
		if len(pos) != 2 {
			break
		}
		if err := w.RemoveOPD(wf.by, pos[1]); err != nil {
			return err
		}
		fmt.Fprintf(std.out, "OPD dihapus dari daftar / OPD removed from the registry: %s (kirimannya tetap tersimpan / its submissions are kept)\n", strings.ToUpper(pos[1]))
		return nil
	}
	return usagef("pemakaian / usage: swanilai opd %s", c.args)
}

// opdJSON is an OPD in `opd list --json`.
type opdJSON struct {
	Code        string `json:"code"`
	Name        string `json:"name"`
	Contact     string `json:"contact"`
	Fingerprint string `json:"fingerprint"`
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// parseNumbers reads a list of indicators of p such as "11,12,13" (spaces
// and semicolons also separate them; "11-14" is a range).
func parseNumbers(p *model.Pack, flag, s string) ([]int, error) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		lo, hi, isRange := strings.Cut(f, "-")
		a, err1 := strconv.Atoi(lo)
		b, err2 := a, error(nil)
		if isRange {
			b, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil || b < a || p.Indicator(a) == nil || p.Indicator(b) == nil {
			return nil, usagef("--%s: %q bukan nomor indikator %s / is not an indicator of %s", flag, f, p.ID, p.ID)
		}
		for no := a; no <= b; no++ {
			if p.Indicator(no) != nil && !slices.Contains(out, no) {
				out = append(out, no)
			}
		}
	}
	return out, nil
}

func runAssign(ctx context.Context, std stdio, args []string) error {
	c := findCommand("assign")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	code := fs.String("opd", "", "kode OPD / the OPD's code")
	indicators := fs.String("indicators", "", "indikator yang ditugaskan, mis. 11,12,13 atau 11-14 / indicators to assign")
	unassign := fs.String("unassign", "", "indikator yang dilepas dari OPD / indicators to take off the OPD")
	target := fs.String("target-level", "", "target tingkat untuk indikator --indicators, mis. 4 (- menghapus) / target level of the --indicators (- clears it)")
	out := fs.String("o", "", "tulis bundel penugasan ke berkas ini / write the assignment bundle to this file")
	deadline := fs.String("deadline", "", "batas kiriman dalam bundel (TTTT-BB-HH); bawaan: batas penilaian mandiri / the deadline in the bundle; default: the penilaian mandiri deadline")
	passFile := fs.String("passphrase-file", "", "berkas berisi kata sandi kunci / file holding the key's passphrase")
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	if *code == "" {
		return usagef("sebutkan OPD dengan --opd / name the OPD with --opd")
	}
	p := w.Pack()
	ch, err := parseAssignChange(p, *code, *indicators, *unassign, *target)
	if err != nil {
		return err
	}
	due, err := model.ParseDate(*deadline)
	if err != nil {
		return usagef("--deadline: %v", err)
	}
	// Check everything before changing anything.
	if err := ch.check(p); err != nil {
		return err
	}
	if err := ch.apply(w, wf.by); err != nil {
		return err
	}
	if *out == "" {
		return showAssignment(std.out, w, p, *code)
	}
	pass, err := keyPassphrase(std, w, *passFile)
	if err != nil {
		return err
	}
	a, err := roundtrip.ExportAssignment(ctx, w, wf.by, *code, *out, pass, due)
	if err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Bundel penugasan ditulis / assignment bundle written: %s (%s)\n", *out, model.SizeText(fileSize(*out)))
	if err := printAssignment(std.out, p, &a); err != nil {
		return err
	}
	fmt.Fprintf(std.out, "  %-13s %s\n", "Sidik kunci", a.Coordinator.Fingerprint())
	return nil
}

// assignChange is what one `assign` asks of an OPD's assignment: the
// indicators it gains, the ones it loses, and, when --target-level is
// given, the target level of the ones it gains (0 clears it).
type assignChange struct {
	code      string
	add, drop []int
	setTarget bool
	level     model.Hundredths
}

// parseAssignChange reads the --indicators, --unassign and --target-level
// flags of `assign` for the OPD code against the indicators of p.
func parseAssignChange(p *model.Pack, code, indicators, unassign, target string) (assignChange, error) {
	ch := assignChange{code: code, setTarget: target != ""}
	var err error
	if ch.add, err = parseNumbers(p, "indicators", indicators); err != nil {
		return ch, err
	}
	if ch.drop, err = parseNumbers(p, "unassign", unassign); err != nil {
		return ch, err
	}
	if target != "" && target != "-" {
		if ch.level, err = model.ParseHundredths(target); err != nil {
			return ch, usagef("--target-level %q bukan angka 1–5 atau - / is not a number 1–5 or -", target)
		}
	}
	if ch.setTarget && len(ch.add) == 0 {
		return ch, usagef("--target-level berlaku untuk indikator --indicators / applies to the --indicators")
	}
	return ch, nil
}

// check returns the error of the first indicator gained that the target
// level does not suit, so that nothing is changed when one does not.
func (ch assignChange) check(p *model.Pack) error {
	for _, no := range ch.add {
		if err := p.CheckValue(no, ch.level); err != nil {
			return err
		}
	}
	return nil
}

// apply records the change in the coordinator's workspace w in the name
// of by: the indicators gained, with their target level, then the ones
// lost.
func (ch assignChange) apply(w *store.Workspace, by string) error {
	for _, no := range ch.add {
		if err := w.SetAssigned(by, ch.code, no, true); err != nil {
			return err
		}
		if ch.setTarget {
			if err := w.SetTarget(by, no, ch.level); err != nil {
				return err
			}
		}
	}
	for _, no := range ch.drop {
		if err := w.SetAssigned(by, ch.code, no, false); err != nil {
			return err
		}
	}
	return nil
}

// showAssignment writes the OPD code's current assignment in w, or says
// that nothing is assigned to it yet.
func showAssignment(out io.Writer, w *store.Workspace, p *model.Pack, code string) error {
	a, err := w.AssignmentFor(code)
	if errors.Is(err, model.ErrNothingAssigned) {
		fmt.Fprintf(out, "%s: belum ada indikator yang ditugaskan / no indicator assigned yet\n", strings.ToUpper(code))
		return nil
	}
	if err != nil {
		return err
	}
	return printAssignment(out, p, &a)
}

// fileSize is the size of the file at path, 0 when it cannot be read.
func fileSize(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

// printAssignment writes what an assignment asks of its OPD.
func printAssignment(w io.Writer, p *model.Pack, a *model.Assignment) error {
	fmt.Fprintf(w, "Penugasan / assignment %d: %s — %s\n", a.Revision, a.Code, a.Name)
	fmt.Fprintf(w, "  %-13s %s\n", "Batas", orDash(a.Deadline.ID()))
	if a.TargetIndex != 0 {
		fmt.Fprintf(w, "  %-13s %s (%s)\n", "Target indeks", a.TargetIndex.ID(), p.PredikatOf(model.RatioOf(a.TargetIndex)))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  NO\tINDIKATOR\tTARGET")
	for _, no := range a.Indicators {
		target := "–"
		if v, ok := a.Targets[no]; ok {
			ind := p.Indicator(no)
			target = v.Compact() + " " + p.LevelName(ind, p.LevelOf(ind, v))
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\n", no, p.Indicator(no).ShortName, target)
	}
	return tw.Flush()
}

// cellMarks draws the cells of the OPD × indicator matrix on a terminal.
var cellMarks = map[report.CellState]string{
	report.NotAssigned:  "·",
	report.Assigned:     "○",
	report.Answered:     "◐",
	report.WithEvidence: "●",
}

// cellNames are the cell states in `status --json`.
var cellNames = map[report.CellState]string{
	report.Assigned:     "assigned",
	report.Answered:     "answered",
	report.WithEvidence: "with-evidence",
}

// statusJSON is the shape of `status --json`; scripts depend on it.
type statusJSON struct {
	Instansi string         `json:"instansi"`
	Year     int            `json:"year"`
	Today    string         `json:"today"`
	Timeline []stageJSON    `json:"timeline"`
	OPDs     []opdStateJSON `json:"opds"`
	// Unassigned lists the indicators no OPD answers.
	Unassigned []int `json:"unassigned"`
}

type stageJSON struct {
	Stage string `json:"stage"`
	Name  string `json:"name"`
	Due   string `json:"due"`
}

type opdStateJSON struct {
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	Contact      string            `json:"contact"`
	Fingerprint  string            `json:"fingerprint"`
	State        model.OPDState    `json:"state"`
	StateText    string            `json:"state_text"`
	Assigned     []int             `json:"assigned"`
	Sent         string            `json:"sent"`
	Revision     int               `json:"revision"`
	Submitted    string            `json:"submitted"`
	Answered     int               `json:"answered"`
	WithEvidence int               `json:"with_evidence"`
	Cells        map[string]string `json:"cells"`
}

// cellsOf returns an OPD's row of the OPD × indicator matrix as its
// status tells it: the states of its assigned indicators in its latest
// submission. It is what report.CellStates makes of that submission.
func cellsOf(s model.OPDStatus) map[int]report.CellState {
	out := make(map[int]report.CellState, len(s.Assigned))
	for _, no := range s.Assigned {
		switch s.States[no] {
		case model.StateNoEvidence:
			out[no] = report.Answered
		case model.StateAnswered, model.StateExpired:
			out[no] = report.WithEvidence
		default:
			out[no] = report.Assigned
		}
	}
	return out
}

func runStatus(_ context.Context, std stdio, args []string) error {
	c := findCommand("status")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	todayFlag := fs.String("today", "", "keadaan per tanggal ini (TTTT-BB-HH); bawaan hari ini / the state as of this date; default today")
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	today := model.Today()
	if *todayFlag != "" {
		if today, err = model.ParseDate(*todayFlag); err != nil {
			return usagef("--today: %v", err)
		}
	}
	status, err := w.Status(today)
	if err != nil {
		return err
	}
	tl, err := w.Timeline()
	if err != nil {
		return err
	}
	p, id := w.Pack(), w.Identity()
	covered := map[int]bool{}
	for _, s := range status {
		for _, no := range s.Assigned {
			covered[no] = true
		}
	}
	unassigned := []int{}
	for _, no := range p.IndicatorNumbers() {
		if !covered[no] {
			unassigned = append(unassigned, no)
		}
	}
	if *asJSON {
		out := statusJSON{Instansi: id.Instansi, Year: id.Year, Today: today.String(), Timeline: []stageJSON{}, OPDs: []opdStateJSON{}, Unassigned: unassigned}
		for _, m := range tl {
			out.Timeline = append(out.Timeline, stageJSON{Stage: string(m.Stage), Name: m.Stage.Text(), Due: m.Due.String()})
		}
		for _, s := range status {
			o := opdStateJSON{Code: s.OPD.Code, Name: s.OPD.Name, Contact: s.OPD.Contact, Fingerprint: s.OPD.Key.Fingerprint(), State: s.State,
				StateText: s.State.Text(), Assigned: append([]int{}, s.Assigned...), Sent: s.Sent.String(), Revision: s.Revision,
				Submitted: s.Submitted.String(), Answered: s.Answered, WithEvidence: s.WithEvidence, Cells: map[string]string{}}
			for no, st := range cellsOf(s) {
				o.Cells[strconv.Itoa(no)] = cellNames[st]
			}
			out.OPDs = append(out.OPDs, o)
		}
		return writeJSON(std.out, out)
	}
	due, _ := tl.Due(model.StageSelfAssessment)
	fmt.Fprintf(std.out, "%s %d — keadaan per / state as of %s; batas penilaian mandiri / self-assessment due %s\n", id.Instansi, id.Year, today.ID(), orDash(due.ID()))
	if len(status) == 0 {
		fmt.Fprintln(std.out, "Belum ada OPD terdaftar / no OPD registered yet: swanilai opd -w BERKAS add --code KODE --name NAMA")
		return nil
	}
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "\nKODE\tOPD\tKEADAAN\tDITUGASKAN\tDIJAWAB\tBERBUKTI\tREVISI\tTERKIRIM\tPENUGASAN")
	for _, s := range status {
		rev := "–"
		if s.Revision > 0 {
			rev = strconv.Itoa(s.Revision)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\t%s\n", s.OPD.Code, s.OPD.Name, s.State.Text(), len(s.Assigned), s.Answered, s.WithEvidence,
			rev, orDash(s.Submitted.String()), orDash(s.Sent.String()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(std.out, "\nMatriks OPD × indikator / OPD × indicator matrix: · tidak ditugaskan / not assigned, ○ ditugaskan / assigned, ◐ dijawab / answered, ● dijawab dengan bukti dukung / answered with evidence")
	width := 0
	for _, s := range status {
		width = max(width, len(s.OPD.Code))
	}
	nos := p.IndicatorNumbers()
	fmt.Fprintf(std.out, "%-*s  %s\n", width, "", ruler(nos))
	for _, s := range status {
		cells := cellsOf(s)
		var b strings.Builder
		for _, no := range nos {
			b.WriteString(cellMarks[cells[no]])
		}
		fmt.Fprintf(std.out, "%-*s  %s\n", width, s.OPD.Code, b.String())
	}
	if len(unassigned) > 0 {
		fmt.Fprintf(std.out, "\nIndikator tanpa OPD / indicators without an OPD: %s\n", numbersText(unassigned))
	}
	return nil
}

// ruler numbers the columns of the matrix: the first indicator and every
// tenth, each written from its own column.
func ruler(nos []int) string {
	line := []byte(strings.Repeat(" ", len(nos)))
	next := 0
	for i, no := range nos {
		if i < next || (i > 0 && no%10 != 0) {
			continue
		}
		label := strconv.Itoa(no)
		if i+len(label) > len(line) {
			break
		}
		copy(line[i:], label)
		next = i + len(label) + 1
	}
	return strings.TrimRight(string(line), " ")
}

// numbersText writes indicator numbers as a list: "1, 2, 5".
func numbersText(nos []int) string {
	s := make([]string, len(nos))
	for i, no := range nos {
		s[i] = strconv.Itoa(no)
	}
	return strings.Join(s, ", ")
}

// visited reports whether the flag named was given on the command line.
func visited(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}
