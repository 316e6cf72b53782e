//go:build linux

package store

import (
	"errors"
	"syscall"
)

// freeSpace returns the bytes an unprivileged user may still write on the
// file system that holds dir; ok is false when it cannot be told.
func freeSpace(dir string) (free int64, ok bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}

// isDiskFull reports whether err is the operating system saying that the
// disk (or the user's quota, or the file size limit) is full.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG)
}
