//go:build !linux

package store

import "go.etcd.io/bbolt"

// releaseMapped does nothing here: the pages bbolt maps are counted, and
// reclaimed, by the system's own rules.
func releaseMapped(*bbolt.Tx) {}
