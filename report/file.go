package report

import (
	"io"
	"os"
	"path/filepath"

	"github.com/swanilai/swanilai/model"
)

// WriteFile writes the file at path through write, under a temporary
// name beside it, synced, and renamed into place only when complete: a
// failure, a full disk or a cancelled report never leaves half a file
// under the real name, and never spoils a file that was there before.
func WriteFile(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return model.DestinationError(path, err)
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
