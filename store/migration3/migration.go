// Package migration3 is the frozen migration of workspace files from schema
// version 2 to version 3. It carries its own copies of the bucket names it
// creates, as they were, so that later changes to package store cannot
// change what this step does to an old file.
//
// Version 3 gives a workspace a signing key and an export revision, kept
// under new keys of the meta bucket that a version-2 file simply lacks (the
// key is made on first use), and gives a coordinator two new buckets: the
// OPDs it imported submissions from, with their pinned keys, and every
// imported submission. Blob records keep their layout; from version 3 their
// link count also counts the submissions that hold the blob, and a
// version-2 file has none.
package migration3

import (
	"fmt"

	"go.etcd.io/bbolt"
)

var (
	// opdsBucket maps: an OPD's unit name, lower case, white space
	// collapsed -> the OPD record JSON. New in version 3.
	opdsBucket = []byte("opds")
	// submissionsBucket maps: OPD number (uint64 BE) ‖ revision (uint64 BE)
	// -> the submission record JSON. New in version 3.
	submissionsBucket = []byte("submissions")
)

// Migrate turns a version-2 workspace into version 3 inside tx: it creates
// the two new, empty buckets. It fails on a file that has either already.
// It does not write the version number; the caller does, in the same
// transaction.
func Migrate(tx *bbolt.Tx) error {
	for _, name := range [][]byte{opdsBucket, submissionsBucket} {
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("migration3: bucket %q: %w", name, err)
		}
	}
	return nil
}
