package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// Backup writes a consistent copy of the workspace to dst while it stays in
// use: the copy is what one read transaction sees, written to a temporary
// file beside dst, synced to disk and only then renamed to dst, so dst is
// either absent or complete. It refuses an existing dst (ErrExists).
// progress, when not nil, is called with the bytes written and the total.
func (w *Workspace) Backup(ctx context.Context, dst string, progress func(done, total int64)) error {
	if err := refuseExisting(dst); err != nil {
		return err
	}
	return w.copyTo(ctx, dst, false, progress)
}

// copyTo writes the copy; overwrite says whether an existing dst may be
// replaced.
func (w *Workspace) copyTo(ctx context.Context, dst string, overwrite bool, progress func(done, total int64)) error {
	f, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return model.DestinationError(dst, err)
		}
		return fmt.Errorf("%s: %w", dst, diskErr(err))
	}
	tmp := f.Name()
	err = w.view(func(tx *bbolt.Tx) error {
		_, err := tx.WriteTo(&copyWriter{ctx: ctx, w: f, total: tx.Size(), progress: progress})
		if ctx.Err() != nil {
			err = ctx.Err() // bbolt words the writer's error as text
		}
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && !overwrite {
		err = refuseExisting(dst)
	}
	if err == nil {
		err = os.Rename(tmp, dst)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", dst, diskErr(err))
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// copyWriter passes a copy through, reporting progress and stopping when
// ctx is done.
type copyWriter struct {
	ctx      context.Context
	w        io.Writer
	n, total int64
	progress func(done, total int64)
}

func (c *copyWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	if c.progress != nil {
		c.progress(c.n, c.total)
	}
	return n, err
}
