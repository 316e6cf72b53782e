package roundtrip

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

// importAssignment verifies the open assignment bundle rd and has the OPD
// workspace w take the assignment: the coordinator's key is pinned on the
// first, and a later one signed by another key is refused unless
// opts.AcceptNewKey.
func importAssignment(ctx context.Context, w *store.Workspace, rd *bundle.Reader, opts ImportOptions) (*model.Assignment, store.ReceiveResult, error) {
	a, _, err := rd.Assignment(ctx)
	if err != nil {
		return nil, store.ReceiveResult{}, err
	}
	res, err := w.ReceiveAssignment(*a, store.ReceiveOptions{By: opts.By, AcceptNewKey: opts.AcceptNewKey})
	return a, res, err
}

// ExportAssignment writes the signed assignment bundle of the OPD code of
// the coordinator workspace w to path and returns what went in: the
// indicators assigned to the OPD with their target levels, the timeline and
// the instrument pack, signed by the workspace's key, opened with
// passphrase when it is protected. deadline, when not zero, replaces the
// timeline's penilaian mandiri deadline. The bundle appears under path only
// once it is complete, and the workspace records it just before (by
// makes the record): the OPD's status becomes "assignment sent".
// `swanilai assign -o` runs it; the window's assignment matrix calls it for
// the OPD chosen.
func ExportAssignment(ctx context.Context, w *store.Workspace, by, code, path, passphrase string, deadline model.Date) (model.Assignment, error) {
	a, err := w.AssignmentFor(code)
	if err != nil {
		return model.Assignment{}, err
	}
	if !deadline.IsZero() {
		a.Deadline = deadline
	}
	signer, err := Signer(w, passphrase)
	if err != nil {
		return model.Assignment{}, err
	}
	opts := bundle.AssignmentOptions{Signer: signer, Created: time.Now(), AppVersion: assets.Version, Sender: w.Identity()}
	_, err = bundle.WriteAssignmentFile(ctx, path, &a, w.Pack(), opts, func(a *model.Assignment) error { return w.RecordAssignment(by, *a) })
	if err != nil {
		return model.Assignment{}, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// CreateFromAssignment creates at dst the OPD workspace the assignment
// bundle at path is for, carrying over last year's workspace from when not
// empty (progress reports the copy), and takes the assignment. Nothing is
// left at dst when it fails.
func CreateFromAssignment(ctx context.Context, path, dst, from, by string, progress func(done, total int64)) (*store.Workspace, *model.Assignment, error) {
	rd, closeFile, err := OpenBundle(path, model.PublicKey{})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	defer closeFile()
	a, p, err := rd.Assignment(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	opts := store.CreateOptions{Role: model.RoleOPD, Instansi: a.Instansi, Unit: a.Name, Year: a.Year, Pack: p, By: by}
	var w *store.Workspace
	if from != "" {
		w, err = store.CreateFrom(ctx, from, dst, opts, progress)
	} else {
		w, err = store.Create(dst, opts)
	}
	if err != nil {
		return nil, nil, err
	}
	if _, err := w.ReceiveAssignment(*a, store.ReceiveOptions{By: by}); err != nil {
		w.Close()
		os.Remove(dst)
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return w, a, nil
}
