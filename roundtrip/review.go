package roundtrip

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

// ExportReview writes the signed review bundle of the OPD code of the
// coordinator workspace w to path and returns what went in: the decisions
// standing on the OPD's latest revision (store.Workspace.ReviewFor), signed
// by the workspace's key, opened with passphrase when it is protected. The
// bundle appears under path only once it is complete, and the workspace
// records it just before (by makes the review and the record). `swanilai
// review-export` runs it; the window's review page calls it for the OPD
// shown.
func ExportReview(ctx context.Context, w *store.Workspace, by, code, path, passphrase string) (*model.Review, error) {
	r, err := w.ReviewFor(code)
	if err != nil {
		return nil, err
	}
	signer, err := Signer(w, passphrase)
	if err != nil {
		return nil, err
	}
	r.By = strings.TrimSpace(by)
	opts := bundle.ReviewOptions{Signer: signer, Created: time.Now(), AppVersion: assets.Version, Sender: w.Identity()}
	_, err = bundle.WriteReviewFile(ctx, path, r, opts, func(r *model.Review) error { return w.RecordReview(by, r) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// importReview reads the open review bundle rd against the instrument of
// the OPD workspace w and has w take it: only a review signed by the
// coordinator's key w pinned from its assignment is taken.
func importReview(ctx context.Context, w *store.Workspace, rd *bundle.Reader, opts ImportOptions) (*model.Review, store.ReviewResult, error) {
	r, err := rd.Review(ctx, w.Pack())
	if err != nil {
		return nil, store.ReviewResult{}, err
	}
	res, err := w.ReceiveReview(opts.By, r, rd.Key())
	return r, res, err
}
