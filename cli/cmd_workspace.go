package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/swanilai/swanilai/internal/platform"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

func init() {
	register(&command{
		name:    "init",
		args:    "-w BERKAS (--role opd|coordinator --instansi NAMA [--unit NAMA] --year TTTT [--instrument ID] | --assignment BUNDEL) [--from BERKAS_LAMA]",
		summary: "buat berkas kerja / create a workspace",
		run:     runInit,
	})
	register(&command{
		name:    "set",
		args:    "-w BERKAS INDIKATOR TINGKAT [--fakta TEKS] [--analisis TEKS] [--sektor NAMA] [--eksternal X --sumber S [--tanggal T] [--berlaku-sampai T]]",
		summary: "isi jawaban satu indikator; TINGKAT - mengosongkan / answer one indicator; LEVEL - clears it",
		run:     runSet,
	})
	register(&command{
		name:    "attach",
		args:    "-w BERKAS INDIKATOR PATH... [--title T] [--doc-no N] [--doc-date TTTT-BB-HH] [--valid-until TTTT-BB-HH] [--level N]",
		summary: "lampirkan bukti dukung / attach evidence files",
		run:     runAttach,
	})
	register(&command{
		name:    "detach",
		args:    "-w BERKAS INDIKATOR AWALAN-SHA256",
		summary: "lepaskan bukti dukung / detach an evidence file",
		run:     runDetach,
	})
	register(&command{
		name:    "evidence",
		args:    "-w BERKAS [INDIKATOR] [--json]",
		summary: "daftar bukti dukung / list the evidence files",
		run:     runEvidence,
	})
	register(&command{
		name:    "history",
		args:    "-w BERKAS [INDIKATOR] [--json]",
		summary: "riwayat perubahan / change history",
		run:     runHistory,
	})
	register(&command{
		name:    "check",
		args:    "-w BERKAS",
		summary: "periksa keutuhan berkas kerja dan kesiapan jawaban / check the workspace's integrity and the answers' readiness",
		run:     runCheck,
	})
	register(&command{
		name:    "backup",
		args:    "-w BERKAS -o KELUARAN",
		summary: "salin berkas kerja selagi dipakai / copy the workspace while in use",
		run:     runBackup,
	})
}

// workspaceFlags are the flags of every workspace command: the file and,
// for commands that change it, who makes the change.
type workspaceFlags struct {
	path string
	by   string
}

func (wf *workspaceFlags) register(fs *flagSet, changes bool) {
	fs.StringVar(&wf.path, "w", "", "berkas kerja / workspace file")
	if changes {
		fs.StringVar(&wf.by, "by", defaultAuthor(), "nama pengubah, untuk riwayat / who makes the change, for the history")
	}
}

// parseOpen parses the command line of workspace command c, checks that
// it has min to max positional arguments (max -1: any number) and opens the
// workspace; the caller closes it.
func (wf *workspaceFlags) parseOpen(fs *flagSet, args []string, min, max int) ([]string, *store.Workspace, error) {
	pos, err := fs.parse(args)
	if err != nil {
		return nil, nil, err
	}
	if err := wantArgs(fs.c, pos, min, max); err != nil {
		return nil, nil, err
	}
	if wf.path == "" {
		return nil, nil, usagef("sebutkan berkas kerja dengan -w / name the workspace file with -w")
	}
	w, err := store.Open(wf.path)
	return pos, w, err
}

// defaultAuthor is the account's display name, else its login without
// the domain.
func defaultAuthor() string { return platform.UserName() }

// parseIndicator reads an indicator number of p.
func parseIndicator(p *model.Pack, s string) (int, error) {
	no, err := strconv.Atoi(s)
	if err != nil || p.Indicator(no) == nil {
		return 0, usagef("%q bukan nomor indikator %s / is not an indicator of %s", s, p.ID, p.ID)
	}
	return no, nil
}

// progressTo returns a progress callback that draws one line on stderr for
// work of at least minTotal bytes, or nil when stderr is not a terminal.
func progressTo(std stdio, label string, minTotal int64) func(done, total int64) {
	f := terminal(std)
	if f == nil {
		return nil
	}
	last := -1
	return func(done, total int64) {
		if total < minTotal || total <= 0 {
			return
		}
		pct := int(done * 100 / total)
		if pct == last {
			return
		}
		last = pct
		fmt.Fprintf(f, "\r%s: %3d %% (%s / %s)\x1b[K", label, pct, model.SizeText(done), model.SizeText(total))
		if done >= total {
			fmt.Fprintln(f)
		}
	}
}

// terminal returns stderr when it is a terminal, else nil.
func terminal(std stdio) *os.File {
	f, ok := std.err.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return f
}

// bigWork is the size from which attach and check draw progress.
const bigWork = 32 << 20

func runInit(ctx context.Context, std stdio, args []string) error {
	c := findCommand("init")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	role := fs.String("role", "", "opd atau coordinator / opd or coordinator")
	instansi := fs.String("instansi", "", "pemerintah daerah, mis. \"Pemerintah Kota Pekalongan\" / the local government")
	unit := fs.String("unit", "", "OPD, mis. \"Dinas Komunikasi dan Informatika\" / the OPD")
	year := fs.Int("year", 0, "tahun evaluasi / evaluation year")
	instrument := fs.String("instrument", "", "ID instrumen atau berkas paket / instrument id or pack file (default: instrumen tahun itu, atau instrumen --from / the year's instrument, or the one of --from)")
	from := fs.String("from", "", "berkas kerja tahun lalu: jawaban dan bukti dukung dibawa (koordinator: daftar OPD, jadwal, tren) / last year's workspace: answers and evidence are carried over (coordinator: the OPD registry, timeline, trend)")
	assignment := fs.String("assignment", "", "bundel penugasan dari koordinator: berkas kerja OPD dibuat untuknya, dengan instrumen yang dibawanya / an assignment bundle from the coordinator: the OPD workspace is made for it, with the instrument it carries")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := wantArgs(c, pos, 0, 0); err != nil {
		return err
	}
	if wf.path == "" {
		return usagef("sebutkan berkas kerja baru dengan -w / name the new workspace file with -w")
	}
	if *assignment != "" {
		if *role != "" || *instansi != "" || *unit != "" || *year != 0 || *instrument != "" {
			return usagef("--assignment menentukan peran, instansi, unit, tahun dan instrumen / --assignment sets the role, instansi, unit, year and instrument")
		}
		return initFromAssignment(ctx, std, wf, *assignment, *from)
	}
	r, err := model.ParseRole(*role)
	if err != nil {
		return usagef("--role: %v", err)
	}
	if *year == 0 {
		return usagef("sebutkan tahun evaluasi dengan --year / name the evaluation year with --year")
	}
	opts := store.CreateOptions{Role: r, Instansi: *instansi, Unit: *unit, Year: *year, By: wf.by}
	switch {
	case *instrument != "":
		if opts.Pack, err = resolvePack(*instrument); err != nil {
			return err
		}
	case *from == "":
		if opts.Pack, err = model.BuiltinPack(model.DefaultPackFor(*year)); err != nil {
			return err
		}
	}
	var w *store.Workspace
	if *from != "" {
		w, err = store.CreateFrom(ctx, *from, wf.path, opts, progressTo(std, "menyalin bukti dukung / copying evidence", bigWork))
	} else {
		w, err = store.Create(wf.path, opts)
	}
	if err != nil {
		return err
	}
	defer w.Close()
	return printCreated(std, w, wf.path, *from != "")
}

// initFromAssignment makes the OPD workspace an assignment bundle is for:
// the instansi, OPD, year and instrument pack come from the bundle, which
// the new workspace then takes (pinning the coordinator's key). from, when
// not empty, is last year's workspace of the OPD to carry over. Nothing is
// left behind when the assignment is not taken.
func initFromAssignment(ctx context.Context, std stdio, wf workspaceFlags, path, from string) error {
	w, a, err := roundtrip.CreateFromAssignment(ctx, path, wf.path, from, wf.by, progressTo(std, "menyalin bukti dukung / copying evidence", bigWork))
	if err != nil {
		return err
	}
	defer w.Close()
	if err := printCreated(std, w, wf.path, from != ""); err != nil {
		return err
	}
	fmt.Fprintf(std.out, "  %-10s %s\n", "Penugasan", a.Summary())
	fmt.Fprintf(std.out, "  %-10s %s (koordinator) disematkan; pastikan dengan koordinator / (the coordinator's) pinned; confirm it with the coordinator\n", "Kunci", a.Coordinator.Fingerprint())
	return nil
}

// printCreated says what workspace init made; carried says it was started
// from last year's.
func printCreated(std stdio, w *store.Workspace, path string, carried bool) error {
	id, p := w.Identity(), w.Pack()
	fmt.Fprintf(std.out, "Berkas kerja dibuat / workspace created: %s\n", path)
	who := id.Instansi
	if id.Unit != "" {
		who = id.Unit + " — " + id.Instansi
	}
	fmt.Fprintf(std.out, "  %-10s %s (%s), tahun %d\n", "Identitas", who, id.Role, id.Year)
	fmt.Fprintf(std.out, "  %-10s %s (%s, sha256 %s)\n", "Instrumen", p.Label(), p.ID, p.ShortHash())
	fmt.Fprintf(std.out, "  %-10s %s\n", "ID", id.ID)
	if carried && id.Role == model.RoleCoordinator {
		reg, err := w.Registry()
		if err != nil {
			return err
		}
		results, err := w.Trend()
		if err != nil {
			return err
		}
		fmt.Fprintf(std.out, "  %-10s %d OPD terdaftar (tanpa kunci), jadwal digeser, %d tahun tren / OPDs registered (without keys), timeline moved, years of trend\n", "Dibawa", len(reg), len(results))
	} else if carried {
		a, err := w.Assessment()
		if err != nil {
			return err
		}
		files, size := model.EvidenceTotals(a.Evidence)
		fmt.Fprintf(std.out, "  %-10s %d jawaban (perlu dikonfirmasi ulang / to re-confirm), %d tautan bukti dukung, %d berkas, %s / answers, evidence links, files\n",
			"Dibawa", len(a.Answers), len(a.Evidence), files, model.SizeText(size))
	}
	return nil
}

func runSet(_ context.Context, std stdio, args []string) error {
	c := findCommand("set")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	fakta := fs.String("fakta", "", "FAKTA: dokumen apa yang membuktikan / which document proves it")
	analisis := fs.String("analisis", "", "ANALISIS: kriteria mana yang terpenuhi / which criteria it meets")
	sektor := fs.String("sektor", "", "nama layanan publik sektor (indikator 45–47) / sector service name")
	eksternal := fs.String("eksternal", "", "nilai indeks instansi lain (Indeks Pemdi 5–7, mis. SDI 68,75); tingkat boleh dihilangkan / another agency's index value; the level may be left out")
	sumber := fs.String("sumber", "", "sumber nilai --eksternal / source of the --eksternal value")
	tanggal := fs.String("tanggal", "", "tanggal nilai --eksternal (TTTT-BB-HH) / its date")
	berlaku := fs.String("berlaku-sampai", "", "berlaku sampai (TTTT-BB-HH) / valid until")
	pos, w, err := wf.parseOpen(fs, args, 1, 2)
	if err != nil {
		return err
	}
	defer w.Close()
	p := w.Pack()
	no, err := parseIndicator(p, pos[0])
	if err != nil {
		return err
	}
	u := store.AnswerUpdate{Confirm: true}
	if *eksternal != "" {
		x, err := model.ParseHundredths(*eksternal)
		if err != nil {
			return usagef("--eksternal %q bukan angka / is not a number", *eksternal)
		}
		ev := &model.ExternalValue{Value: x, Source: *sumber}
		if ev.Date, err = model.ParseDate(*tanggal); err != nil {
			return usagef("--tanggal: %v", err)
		}
		if ev.ValidUntil, err = model.ParseDate(*berlaku); err != nil {
			return usagef("--berlaku-sampai: %v", err)
		}
		u.External = ev
	} else if len(pos) < 2 {
		return wantArgs(c, pos, 2, 2)
	}
	switch {
	case len(pos) < 2:
	case pos[1] == "-":
		if u.External != nil {
			return usagef("--eksternal memberi nilai; jangan kosongkan tingkat / --eksternal gives a value; do not clear the level")
		}
		u.Value = new(model.Hundredths)
		u.ClearExternal = true
	default:
		v, err := model.ParseHundredths(pos[1])
		if err != nil {
			return usagef("tingkat %q bukan angka 1–5 atau - / level %q is not a number 1–5 or -", pos[1], pos[1])
		}
		if v == model.Unanswered {
			// 0 is how the store spells "unanswered"; a user typing 0
			// means a level, and there is none below 1.
			return fmt.Errorf("indikator %d: %w: 0; pakai - untuk mengosongkan / use - to clear", no, model.ErrLevelRange)
		}
		u.Value = &v
		if u.External == nil {
			u.ClearExternal = true
		}
	}
	// Only the texts given on the command line change; "" clears one.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "fakta":
			u.Fakta = fakta
		case "analisis":
			u.Analisis = analisis
		case "sektor":
			u.Sector = sektor
		}
	})
	before, err := w.Answer(no)
	if err != nil {
		return err
	}
	a, err := w.UpdateAnswer(wf.by, no, u)
	if err != nil {
		return err
	}
	ind := p.Indicator(no)
	level := "belum dijawab / unanswered"
	if a.Value != model.Unanswered {
		level = fmt.Sprintf("tingkat %s %s", a.Value.Compact(), p.LevelName(ind, p.LevelOf(ind, a.Value)))
	}
	if a.External != nil {
		level += fmt.Sprintf(" (dari / from %s %s)", ind.External.Short, a.External.Value.ID())
	}
	state := "disimpan / saved"
	if a.At.Equal(before.At) && a.By == before.By {
		state = "tidak berubah / unchanged"
	}
	fmt.Fprintf(std.out, "Indikator %d (%s): %s — %s\n", no, ind.ShortName, level, state)
	return nil
}

// evidenceFlags are the details of an evidence link on the command line.
type evidenceFlags struct {
	title, docNo, docDate, validUntil string
	level                             int
}

func (ef *evidenceFlags) register(fs *flagSet) {
	fs.StringVar(&ef.title, "title", "", "judul dokumen / document title")
	fs.StringVar(&ef.docNo, "doc-no", "", "nomor dokumen / document number")
	fs.StringVar(&ef.docDate, "doc-date", "", "tanggal dokumen TTTT-BB-HH / document date YYYY-MM-DD")
	fs.StringVar(&ef.validUntil, "valid-until", "", "berlaku sampai TTTT-BB-HH / valid until YYYY-MM-DD")
	fs.IntVar(&ef.level, "level", 0, "tingkat yang didukung, 1–5 / the level the file supports")
}

func (ef *evidenceFlags) meta() (store.EvidenceMeta, error) {
	m := store.EvidenceMeta{Title: ef.title, DocNo: ef.docNo, Level: ef.level}
	var err error
	if m.DocDate, err = model.ParseDate(ef.docDate); err != nil {
		return m, usagef("--doc-date: %v", err)
	}
	if m.ValidUntil, err = model.ParseDate(ef.validUntil); err != nil {
		return m, usagef("--valid-until: %v", err)
	}
	return m, nil
}

func runAttach(ctx context.Context, std stdio, args []string) error {
	c := findCommand("attach")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	var ef evidenceFlags
	ef.register(fs)
	pos, w, err := wf.parseOpen(fs, args, 2, -1)
	if err != nil {
		return err
	}
	defer w.Close()
	meta, err := ef.meta()
	if err != nil {
		return err
	}
	no, err := parseIndicator(w.Pack(), pos[0])
	if err != nil {
		return err
	}
	for _, path := range pos[1:] {
		ev, res, err := w.Attach(ctx, wf.by, no, path, meta, progressTo(std, "menyimpan / storing "+path, bigWork))
		if err != nil {
			return err
		}
		note := ""
		switch {
		case res.AlreadyLinked:
			note = " (sudah terlampir, tidak diubah / already attached, unchanged)"
		case res.AlreadyStored:
			note = " (isi sudah tersimpan, tidak disalin lagi / bytes already stored, not copied again)"
		}
		fmt.Fprintf(std.out, "%s  %9s  %s → indikator %d%s\n", ev.ShortHash(), model.SizeText(ev.Size), ev.Name, no, note)
	}
	return nil
}

func runDetach(_ context.Context, std stdio, args []string) error {
	c := findCommand("detach")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	pos, w, err := wf.parseOpen(fs, args, 2, 2)
	if err != nil {
		return err
	}
	defer w.Close()
	no, err := parseIndicator(w.Pack(), pos[0])
	if err != nil {
		return err
	}
	ev, err := w.Detach(wf.by, no, pos[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Dilepas / detached: %s  %s dari indikator / from indicator %d\n", ev.ShortHash(), ev.Name, no)
	return nil
}

// evidenceJSON is one link in `evidence --json`; scripts depend on it.
type evidenceJSON struct {
	Indicator  int       `json:"indicator"`
	SHA256     string    `json:"sha256"`
	Size       int64     `json:"size"`
	Name       string    `json:"name"`
	Title      string    `json:"title"`
	DocNo      string    `json:"doc_no"`
	DocDate    string    `json:"doc_date"`
	ValidUntil string    `json:"valid_until"`
	Level      int       `json:"level"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

// optionalIndicator reads the optional INDICATOR argument; 0 means all.
func optionalIndicator(p *model.Pack, pos []string) (int, error) {
	if len(pos) == 0 {
		return 0, nil
	}
	return parseIndicator(p, pos[0])
}

func runEvidence(_ context.Context, std stdio, args []string) error {
	c := findCommand("evidence")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, w, err := wf.parseOpen(fs, args, 0, 1)
	if err != nil {
		return err
	}
	defer w.Close()
	no, err := optionalIndicator(w.Pack(), pos)
	if err != nil {
		return err
	}
	ev, err := w.Evidence(no)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]evidenceJSON, 0, len(ev))
		for _, e := range ev {
			out = append(out, evidenceJSON{Indicator: e.Indicator, SHA256: e.SHA256, Size: e.Size, Name: e.Name, Title: e.Title, DocNo: e.DocNo,
				DocDate: e.DocDate.String(), ValidUntil: e.ValidUntil.String(), Level: e.Level, By: e.By, At: e.At})
		}
		return writeJSON(std.out, out)
	}
	if len(ev) == 0 {
		fmt.Fprintln(std.out, "Belum ada bukti dukung / no evidence yet.")
		return nil
	}
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "IND\tSHA256\tUKURAN\tBERKAS\tJUDUL\tNOMOR\tTANGGAL\tBERLAKU S.D.\tTINGKAT")
	for _, e := range ev {
		level := ""
		if e.Level > 0 {
			level = strconv.Itoa(e.Level)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Indicator, e.ShortHash(), model.SizeText(e.Size), e.Name, e.Title, e.DocNo, e.DocDate, e.ValidUntil, level)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	files, size := model.EvidenceTotals(ev)
	fmt.Fprintf(std.out, "\n%d tautan, %d berkas, %s tersimpan / %d links, %d files, %s stored\n", len(ev), files, model.SizeText(size), len(ev), files, model.SizeText(size))
	return nil
}

// changeJSON is one entry in `history --json`.
type changeJSON struct {
	Seq       uint64    `json:"seq"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Indicator int       `json:"indicator"`
	Field     string    `json:"field"`
	Old       string    `json:"old"`
	New       string    `json:"new"`
	Hash      string    `json:"hash"`
}

// historyValue shows one side of a change on one line.
func historyValue(field, s string) string {
	if s == "" {
		return "–"
	}
	switch field {
	case model.FieldLevel, model.FieldTargetIndex:
		return s
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:59]) + "…"
	}
	return `"` + s + `"`
}

func runHistory(_ context.Context, std stdio, args []string) error {
	c := findCommand("history")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	asJSON := fs.Bool("json", false, "keluaran JSON / JSON output")
	pos, w, err := wf.parseOpen(fs, args, 0, 1)
	if err != nil {
		return err
	}
	defer w.Close()
	no, err := optionalIndicator(w.Pack(), pos)
	if err != nil {
		return err
	}
	h, err := w.History(no)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]changeJSON, 0, len(h))
		for _, c := range h {
			out = append(out, changeJSON{Seq: c.Seq, At: c.At, By: c.By, Indicator: c.Indicator, Field: c.Field, Old: c.Old, New: c.New, Hash: c.Hash})
		}
		return writeJSON(std.out, out)
	}
	if len(h) == 0 {
		fmt.Fprintln(std.out, "Belum ada perubahan / no changes yet.")
		return nil
	}
	tw := tabwriter.NewWriter(std.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NO\tWAKTU\tOLEH\tIND\tPERUBAHAN")
	for _, c := range h {
		ind := "–"
		if c.Indicator != 0 {
			ind = strconv.Itoa(c.Indicator)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s: %s → %s\n", c.Seq, c.At.Local().Format("2006-01-02 15:04"), c.By, ind, c.Field, historyValue(c.Field, c.Old), historyValue(c.Field, c.New))
	}
	return tw.Flush()
}

func runCheck(ctx context.Context, std stdio, args []string) error {
	c := findCommand("check")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	r, err := w.Check(ctx, progressTo(std, "membaca ulang bukti dukung / re-reading evidence", bigWork))
	if err != nil {
		return err
	}
	fmt.Fprintf(std.out, "Diperiksa / checked: %d jawaban, %d tautan bukti dukung, %d berkas (%s) dibaca ulang, %d entri riwayat / answers, evidence links, files re-read, history entries\n",
		r.Answers, r.Links, r.Blobs, model.SizeText(r.BlobBytes), r.HistoryEntries)
	for _, p := range r.Problems {
		fmt.Fprintf(std.out, "MASALAH / PROBLEM  %s\n", p)
	}
	a, err := w.Assessment()
	if err != nil {
		return err
	}
	for _, f := range a.Readiness(model.Today()) {
		fmt.Fprintf(std.out, "PERINGATAN / WARNING  indikator %d: %s / %s\n", f.Indicator, f.Text(), f.TextEN())
	}
	if !r.OK() {
		fmt.Fprintf(std.err, "swanilai: %s: %d masalah, lihat di atas / %d problems, see above\n", wf.path, len(r.Problems), len(r.Problems))
		return errSilent
	}
	fmt.Fprintln(std.out, "Berkas kerja utuh / workspace is intact.")
	return nil
}

func runBackup(ctx context.Context, std stdio, args []string) error {
	c := findCommand("backup")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, false)
	out := fs.String("o", "", "berkas cadangan, belum ada / backup file, must not exist")
	_, w, err := wf.parseOpen(fs, args, 0, 0)
	if err != nil {
		return err
	}
	defer w.Close()
	if *out == "" {
		return usagef("sebutkan berkas cadangan dengan -o / name the backup file with -o")
	}
	if err := w.Backup(ctx, *out, progressTo(std, "menyalin / copying", bigWork)); err != nil {
		return err
	}
	size := int64(0)
	if st, err := os.Stat(*out); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(std.out, "Cadangan ditulis / backup written: %s (%s)\n", *out, model.SizeText(size))
	return nil
}

// loadWorkspace reads the answers of a workspace, scored against the
// instrument stored in it.
func (s *answerSource) loadWorkspace() (*model.Pack, *model.AnswerFile, error) {
	if s.instrument != "" {
		return nil, nil, usagef("--instrument tidak berlaku dengan -w: berkas kerja memakai instrumennya sendiri / does not apply with -w: a workspace scores with its own instrument")
	}
	w, err := store.Open(s.workspace)
	if err != nil {
		return nil, nil, err
	}
	defer w.Close()
	a, err := w.Assessment()
	if err != nil {
		return nil, nil, err
	}
	f := &model.AnswerFile{Name: s.workspace, Instrument: a.Pack.ID}
	for _, no := range a.Pack.IndicatorNumbers() {
		if ans, ok := a.Answers[no]; ok {
			f.Answers = append(f.Answers, ans)
		}
	}
	return a.Pack, f, nil
}
