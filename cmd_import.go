package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

// outcome is what became of one file of an import.
type outcome string

// The outcomes of importMany.
const (
	outcomeImported  outcome = "diimpor"
	outcomeRefused   outcome = "ditolak"
	outcomeAlready   outcome = "sudah-diimpor"
	outcomeCancelled outcome = "dibatalkan"
)

// Text names the outcome, Indonesian first.
func (o outcome) Text() string {
	switch o {
	case outcomeImported:
		return "Diimpor / imported"
	case outcomeRefused:
		return "Ditolak / refused"
	case outcomeAlready:
		return "Sudah diimpor / already imported"
	case outcomeCancelled:
		return "Dibatalkan / cancelled"
	}
	return string(o)
}

// importOutcome is the result of one file of importMany.
type importOutcome struct {
	File string
	// Kind is the bundle's kind (bundle.KindSubmission or
	// bundle.KindAssignment); empty for a file that is no bundle.
	Kind string
	// Unit names the OPD: the sender of a submission, the addressee of an
	// assignment. Code is its registry code when the workspace knows it.
	Unit, Code string
	// Revision is the submission's revision or the assignment's number.
	Revision int
	Outcome  outcome
	// Err says why the file was refused, or that it was imported before.
	Err error
	// NewKey is the fingerprint of a key pinned by this file, which people
	// should compare with the sender's; empty when none was.
	NewKey string
	// KeyReplaced: NewKey replaces a pinned key (--accept-new-key).
	KeyReplaced bool
	// Submission is what the import of a submission did; Assignment the
	// assignment taken; Review the review taken and ReviewResult what
	// taking it found (a stale review: ReviewResult.Stale).
	Submission   store.ImportResult
	Assignment   *model.Assignment
	Review       *model.Review
	ReviewResult store.ReviewResult
}

// importMany imports the bundles at paths into w, a folder's bundles (files
// named *.zip, hidden ones left out, walked in name order) as well as files
// named: submissions into a coordinator's workspace, assignments and
// reviews into an OPD's. It goes on past a file that is refused and returns one outcome per
// file, in the order imported. Within the files of one sender, lower
// revisions are imported first, so that a folder holding revisions 1 and 2
// of an OPD imports both. progress, when not nil, is called before each
// file with the files done and the total, and at the end. A cancelled ctx
// stops the import: the file at hand is not imported (outcomeCancelled) and
// the rest are not returned. `swanilai import` runs it; the window's import
// calls it with its own progress and shows the outcomes as a list.
func importMany(ctx context.Context, w *store.Workspace, paths []string, opts importOptions, progress func(done, total int, file string)) []importOutcome {
	files, out := bundleFiles(paths)
	files = importOrder(files)
	codes := map[string]string{}
	if reg, err := w.Registry(); err == nil {
		for _, o := range reg {
			codes[strings.Join(strings.Fields(strings.ToLower(o.Name)), " ")] = o.Code
		}
	}
	total := len(files) + len(out)
	for _, f := range files {
		if progress != nil {
			progress(len(out), total, f)
		}
		o := importFile(ctx, w, f, opts)
		if o.Code == "" {
			o.Code = codes[strings.Join(strings.Fields(strings.ToLower(o.Unit)), " ")]
		}
		out = append(out, o)
		if o.Outcome == outcomeCancelled {
			return out
		}
	}
	if progress != nil {
		progress(total, total, "")
	}
	return out
}

// bundleFiles expands paths into the bundle files to import; a path that
// cannot be read becomes a refused outcome.
func bundleFiles(paths []string) (files []string, refused []importOutcome) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			refused = append(refused, importOutcome{File: p, Outcome: outcomeRefused, Err: fileError(p, err)})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				refused = append(refused, importOutcome{File: path, Outcome: outcomeRefused, Err: fileError(path, err)})
				return nil
			}
			hidden := path != p && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case !d.Type().IsRegular() || hidden || !strings.HasSuffix(strings.ToLower(d.Name()), ".zip"):
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			refused = append(refused, importOutcome{File: p, Outcome: outcomeRefused, Err: fileError(p, err)})
		}
	}
	return files, refused
}

// importOrder puts the bundles of each sender in the order of their
// revisions, in the places they had among the files: a submission of
// revision 2 named before revision 1 of the same OPD comes after it. Files
// that do not open as bundles keep their place.
func importOrder(files []string) []string {
	type head struct {
		file     string
		revision int
	}
	groups := map[string][]int{} // kind and sender -> places
	heads := make([]head, len(files))
	for i, f := range files {
		heads[i] = head{file: f}
		rd, closeFile, err := openBundle(f, model.PublicKey{})
		if err != nil {
			continue
		}
		m := rd.Manifest()
		closeFile()
		heads[i].revision = m.Revision
		key := m.Kind + "\x00" + strings.Join(strings.Fields(strings.ToLower(m.Sender.Unit)), " ")
		groups[key] = append(groups[key], i)
	}
	out := slices.Clone(files)
	for _, places := range groups {
		group := make([]head, len(places))
		for j, i := range places {
			group[j] = heads[i]
		}
		slices.SortStableFunc(group, func(a, b head) int { return a.revision - b.revision })
		for j, i := range places {
			out[i] = group[j].file
		}
	}
	return out
}

// importFile imports one bundle file into w, as its kind says.
func importFile(ctx context.Context, w *store.Workspace, path string, opts importOptions) importOutcome {
	o := importOutcome{File: path}
	rd, closeFile, err := openBundle(path, model.PublicKey{})
	if err == nil {
		defer closeFile()
		m := rd.Manifest()
		o.Kind, o.Revision = m.Kind, m.Revision
		switch m.Kind {
		case bundle.KindSubmission:
			o.Unit = m.Sender.Unit
			o.Submission, err = importSubmission(ctx, w, rd, opts)
			if err == nil && ((o.Submission.NewOPD && !o.Submission.KeyRegistered) || o.Submission.KeyReplaced) {
				o.NewKey, o.KeyReplaced = o.Submission.Key.Fingerprint(), o.Submission.KeyReplaced
			}
		case bundle.KindAssignment:
			var res store.ReceiveResult
			o.Assignment, res, err = importAssignment(ctx, w, rd, opts)
			if o.Assignment != nil {
				o.Unit, o.Code = o.Assignment.Name, o.Assignment.Code
			}
			if err == nil && (res.NewKey || res.KeyReplaced) {
				o.NewKey, o.KeyReplaced = res.Key.Fingerprint(), res.KeyReplaced
			}
		case bundle.KindReview:
			o.Review, o.ReviewResult, err = importReview(ctx, w, rd, opts)
			if o.Review != nil {
				o.Unit, o.Code = o.Review.Unit, o.Review.Code
			}
		}
	}
	o.Err = err
	replay, _ := errors.AsType[*model.ReplayError](err)
	assignmentReplay, _ := errors.AsType[*model.AssignmentReplayError](err)
	reviewReplay, _ := errors.AsType[*model.ReviewReplayError](err)
	switch {
	case err == nil:
		o.Outcome = outcomeImported
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		o.Outcome = outcomeCancelled
	case replay != nil && replay.Same, assignmentReplay != nil && assignmentReplay.Same(), reviewReplay != nil && reviewReplay.Same():
		o.Outcome = outcomeAlready
	default:
		o.Outcome = outcomeRefused
	}
	return o
}

func runImport(ctx context.Context, std stdio, args []string) error {
	c := findCommand("import")
	fs := newFlags(c, std)
	var wf workspaceFlags
	wf.register(fs, true)
	accept := fs.Bool("accept-new-key", false, "terima bundel bertanda tangan kunci baru pengirim, setelah sidik kuncinya dipastikan dengan pengirim / accept a bundle signed by a new key of its sender, once its fingerprint is confirmed with the sender")
	pos, w, err := wf.parseOpen(fs, args, 1, -1)
	if err != nil {
		return err
	}
	defer w.Close()
	opts := importOptions{by: wf.by, acceptNewKey: *accept,
		verifying: progressTo(std, "memeriksa / verifying", bigWork),
		storing:   progressTo(std, "menyimpan / storing", bigWork)}
	var files func(done, total int, file string)
	if tty := terminal(std); tty != nil {
		files = func(done, total int, file string) {
			if file != "" {
				fmt.Fprintf(tty, "\rberkas %d dari %d / file %d of %d: %s\x1b[K\n", done+1, total, done+1, total, file)
			}
		}
	}
	outcomes := importMany(ctx, w, pos, opts, files)
	counts := map[outcome]int{}
	for _, o := range outcomes {
		counts[o.Outcome]++
		fmt.Fprintf(std.out, "%s: %s — %s\n", o.Outcome.Text(), o.File, outcomeDetail(o))
		if o.NewKey != "" {
			what := "Kunci baru disematkan / new key pinned"
			if o.KeyReplaced {
				what = "Kunci DIGANTI / key REPLACED"
			}
			fmt.Fprintf(std.out, "  %s: %s; pastikan sidik kunci ini dengan pengirimnya / confirm this fingerprint with its sender\n", what, o.NewKey)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(std.out, "%d diimpor, %d ditolak, %d sudah diimpor sebelumnya / %d imported, %d refused, %d already imported\n",
		counts[outcomeImported], counts[outcomeRefused], counts[outcomeAlready], counts[outcomeImported], counts[outcomeRefused], counts[outcomeAlready])
	if n := counts[outcomeRefused]; n > 0 {
		fmt.Fprintf(std.err, "swanilai: berkas ditolak: %d, lihat di atas / files refused: %d, see above\n", n, n)
		return errSilent
	}
	return nil
}

// outcomeDetail says in one line what a file brought, or why it was
// refused.
func outcomeDetail(o importOutcome) string {
	who := o.Unit
	if o.Code != "" {
		who += " (" + o.Code + ")"
	}
	switch {
	case o.Outcome == outcomeRefused || o.Outcome == outcomeCancelled:
		s := oneLine(o.Err.Error())
		if errors.Is(o.Err, model.ErrKeyChanged) && o.Kind != bundle.KindReview {
			s += " (--accept-new-key)"
		}
		return s
	case o.Outcome == outcomeAlready:
		return fmt.Sprintf("%s, revisi %d", who, o.Revision)
	case o.Kind == bundle.KindAssignment:
		a := o.Assignment
		targets := 0
		for _, no := range a.Indicators {
			if _, ok := a.Targets[no]; ok {
				targets++
			}
		}
		return fmt.Sprintf("penugasan %d untuk / assignment %d for %s: %d indikator, %d dengan target tingkat / with target levels; batas / due %s",
			a.Revision, a.Revision, who, len(a.Indicators), targets, dateText(a.Deadline))
	case o.Kind == bundle.KindReview:
		r, count := o.Review, o.Review.Count()
		s := fmt.Sprintf("reviu atas revisi %d untuk / review of revision %d for %s: %d diterima, %d disesuaikan, %d perlu revisi / accepted, adjusted, revision needed",
			r.Revision, r.Revision, who, count[model.VerdictAccepted], count[model.VerdictAdjusted], count[model.VerdictRevise])
		if o.ReviewResult.Stale {
			s += "; PERHATIAN / NOTE: " + staleText(r, o.ReviewResult.Latest)
		}
		return s
	}
	r := o.Submission
	prev := "kiriman pertama / first submission"
	if r.Previous > 0 {
		prev = fmt.Sprintf("sebelumnya / previously %d", r.Previous)
	}
	return fmt.Sprintf("%s, revisi %d (%s); %d berkas, %d disimpan (%s), %d sudah ada / files, stored, already held; %s",
		who, r.Revision, prev, r.Files, r.Stored, model.SizeText(r.StoredBytes), r.Files-r.Stored, r.Continuity.Text())
}
