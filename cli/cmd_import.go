package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/roundtrip"
)

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
	opts := roundtrip.ImportOptions{By: wf.by, AcceptNewKey: *accept,
		Verifying: progressTo(std, "memeriksa / verifying", bigWork),
		Storing:   progressTo(std, "menyimpan / storing", bigWork)}
	var files func(done, total int, file string)
	if tty := terminal(std); tty != nil {
		files = func(done, total int, file string) {
			if file != "" {
				fmt.Fprintf(tty, "\rberkas %d dari %d / file %d of %d: %s\x1b[K\n", done+1, total, done+1, total, file)
			}
		}
	}
	outcomes := roundtrip.ImportMany(ctx, w, pos, opts, files)
	counts := map[roundtrip.Outcome]int{}
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
		counts[roundtrip.Imported], counts[roundtrip.Refused], counts[roundtrip.Already], counts[roundtrip.Imported], counts[roundtrip.Refused], counts[roundtrip.Already])
	if n := counts[roundtrip.Refused]; n > 0 {
		fmt.Fprintf(std.err, "swanilai: berkas ditolak: %d, lihat di atas / files refused: %d, see above\n", n, n)
		return errSilent
	}
	return nil
}

// outcomeDetail says in one line what a file brought, or why it was
// refused.
func outcomeDetail(o roundtrip.FileOutcome) string {
	who := o.Unit
	if o.Code != "" {
		who += " (" + o.Code + ")"
	}
	switch {
	case o.Outcome == roundtrip.Refused || o.Outcome == roundtrip.Cancelled:
		s := oneLine(o.Err.Error())
		if errors.Is(o.Err, model.ErrKeyChanged) && o.Kind != bundle.KindReview {
			s += " (--accept-new-key)"
		}
		return s
	case o.Outcome == roundtrip.Already:
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
