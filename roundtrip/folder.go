package roundtrip

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

// Outcome is what became of one file of an import.
type Outcome string

// The outcomes of ImportMany.
const (
	Imported  Outcome = "diimpor"
	Refused   Outcome = "ditolak"
	Already   Outcome = "sudah-diimpor"
	Cancelled Outcome = "dibatalkan"
)

// Text names the outcome, Indonesian first.
func (o Outcome) Text() string {
	switch o {
	case Imported:
		return "Diimpor / imported"
	case Refused:
		return "Ditolak / refused"
	case Already:
		return "Sudah diimpor / already imported"
	case Cancelled:
		return "Dibatalkan / cancelled"
	}
	return string(o)
}

// FileOutcome is the result of one file of ImportMany.
type FileOutcome struct {
	File string
	// Kind is the bundle's kind (bundle.KindSubmission or
	// bundle.KindAssignment); empty for a file that is no bundle.
	Kind string
	// Unit names the OPD: the sender of a submission, the addressee of an
	// assignment. Code is its registry code when the workspace knows it.
	Unit, Code string
	// Revision is the submission's revision or the assignment's number.
	Revision int
	Outcome  Outcome
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

// ImportMany imports the bundles at paths into w, a folder's bundles (files
// named *.swkirim or *.zip, hidden ones left out, walked in name order) as well as files
// named: submissions into a coordinator's workspace, assignments and
// reviews into an OPD's. It goes on past a file that is refused and returns one outcome per
// file, in the order imported. Within the files of one sender, lower
// revisions are imported first, so that a folder holding revisions 1 and 2
// of an OPD imports both. progress, when not nil, is called before each
// file with the files done and the total, and at the end. A cancelled ctx
// stops the import: the file at hand is not imported (Cancelled) and
// the rest are not returned. `swanilai import` runs it; the window's import
// calls it with its own progress and shows the outcomes as a list.
func ImportMany(ctx context.Context, w *store.Workspace, paths []string, opts ImportOptions, progress func(done, total int, file string)) []FileOutcome {
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
		if o.Outcome == Cancelled {
			return out
		}
	}
	if progress != nil {
		progress(total, total, "")
	}
	return out
}

// BundleExt is the extension of the bundles Swanilai writes. A bundle is a
// zip, and was named .swanilai.zip before; Windows opens a file by its
// last extension only, so a double-click on a bundle could open it in
// Swanilai only by taking .zip from every other program. Bundles named
// .zip are read as before.
const BundleExt = ".swkirim"

// IsBundleName reports whether a file name is a bundle's: BundleExt or
// .zip, in any case.
func IsBundleName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == BundleExt || ext == ".zip"
}

// bundleFiles expands paths into the bundle files to import; a path that
// cannot be read becomes a refused outcome.
func bundleFiles(paths []string) (files []string, refused []FileOutcome) {
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			refused = append(refused, FileOutcome{File: p, Outcome: Refused, Err: model.NewFileError(p, err)})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				refused = append(refused, FileOutcome{File: path, Outcome: Refused, Err: model.NewFileError(path, err)})
				return nil
			}
			hidden := path != p && strings.HasPrefix(d.Name(), ".")
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case !d.Type().IsRegular() || hidden || !IsBundleName(d.Name()):
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			refused = append(refused, FileOutcome{File: p, Outcome: Refused, Err: model.NewFileError(p, err)})
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
		rd, closeFile, err := OpenBundle(f, model.PublicKey{})
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
func importFile(ctx context.Context, w *store.Workspace, path string, opts ImportOptions) FileOutcome {
	o := FileOutcome{File: path}
	rd, closeFile, err := OpenBundle(path, model.PublicKey{})
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
		o.Outcome = Imported
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		o.Outcome = Cancelled
	case replay != nil && replay.Same, assignmentReplay != nil && assignmentReplay.Same(), reviewReplay != nil && reviewReplay.Same():
		o.Outcome = Already
	default:
		o.Outcome = Refused
	}
	return o
}
