package store

import (
	"errors"
	"os"
	"testing"
)

// FuzzOpen opens arbitrary bytes as a workspace: refused with a store
// error, or opened and checked, never a panic. The seeds run in every
// `go test`.
func FuzzOpen(f *testing.F) {
	good, err := os.ReadFile(filledWorkspace(f))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:4096])
	f.Add(good[:len(good)/3])
	f.Add([]byte("indikator,level\n1,3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := writeFile(t, t.TempDir(), "f.swanilai", data)
		w, err := Open(path)
		if err != nil {
			if !errors.Is(err, ErrNotWorkspace) && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrSchemaTooNew) {
				t.Fatalf("open: %v", err)
			}
			return
		}
		defer w.Close()
		if _, err := w.Check(t.Context(), nil); err != nil && !errors.Is(err, ErrDamaged) {
			t.Fatalf("check: %v", err)
		}
	})
}
