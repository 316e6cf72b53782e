//go:build !linux && !windows

package store

import (
	"errors"
	"syscall"
)

// freeSpace cannot tell the free space on this system; attach then relies
// on the write failing cleanly when the disk fills up.
func freeSpace(string) (int64, bool) { return 0, false }

// isDiskFull reports whether err is the operating system saying that the
// disk is full.
func isDiskFull(err error) bool { return errors.Is(err, syscall.ENOSPC) }
