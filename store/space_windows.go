//go:build windows

package store

import (
	"errors"

	"golang.org/x/sys/windows"
)

// freeSpace returns the bytes the user may still write on the volume that
// holds dir; ok is false when it cannot be told.
func freeSpace(dir string) (free int64, ok bool) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, false
	}
	var avail, total, totalFree uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &total, &totalFree); err != nil {
		return 0, false
	}
	return int64(avail), true
}

// isDiskFull reports whether err is Windows saying that the disk is full.
func isDiskFull(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
