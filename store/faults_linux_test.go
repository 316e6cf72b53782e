package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/swanilai/swanilai/internal/testenv"
)

// TestDiskFull fills a real, small file system. It needs root to mount it.
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=6m"); err != nil {
		testenv.Missing(t, "cannot mount a small tmpfs (needs root): "+err.Error())
	}
	t.Cleanup(func() { syscall.Unmount(dir, 0) })
	opts := testOptions(t)
	w, err := Create(filepath.Join(dir, "kerja.swanilai"), opts)
	if err != nil {
		t.Fatal(err)
	}
	// Known size, too big for the disk: refused before writing anything.
	big := writeFile(t, t.TempDir(), "besar.pdf", randomBytes(8, 16<<20))
	_, _, err = w.Attach(t.Context(), "Rina", 1, big, EvidenceMeta{}, nil)
	var se *SpaceError
	if !errors.As(err, &se) || !errors.Is(err, ErrDiskFull) || se.Need <= se.Free {
		t.Fatalf("got %v", err)
	}
	before := snapshot(t, w)
	// Unknown size: the disk fills up half way. Leave room to clean up.
	filler := writeFile(t, dir, "pengisi", make([]byte, 512<<10))
	w.chunksPerTx = 4 // 1 MiB transactions
	_, _, err = w.AttachReader(t.Context(), "Rina", 1, "besar.pdf", bytes.NewReader(randomBytes(8, 16<<20)), EvidenceMeta{}, nil)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("got %v", err)
	}
	t.Logf("disk full: %v", err)
	os.Remove(filler)
	w = reopen(t, w)
	if after := snapshot(t, w); after != before {
		t.Fatalf("workspace changed:\n%s\nwas\n%s", after, before)
	}
	mustCheck(t, w)
}
