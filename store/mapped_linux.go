//go:build linux

package store

import (
	"syscall"

	"go.etcd.io/bbolt"
)

// releaseMapped tells Linux that this process no longer needs the pages of
// the workspace file it has touched through bbolt's memory map. bbolt reads
// through that map: appending chunks re-reads the last leaf (two or three
// chunks) every transaction, and reading evidence back reads every chunk.
// Those pages would stay mapped into the process and count as its memory,
// so a 1 GB attach would end with some 70 MB of them, a 1 GB read with 1 GB.
// The map is shared and read-only, so dropping its pages loses nothing: the
// data stays in the file and in the page cache, and a later read maps it
// again. It must run inside a transaction of tx's database, which keeps
// bbolt from remapping the file meanwhile.
func releaseMapped(tx *bbolt.Tx) {
	info := tx.DB().Info()
	syscall.Syscall(syscall.SYS_MADVISE, info.Data, uintptr(tx.Size()), syscall.MADV_DONTNEED)
}
