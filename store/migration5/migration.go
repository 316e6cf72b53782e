// Package migration5 is the frozen migration of workspace files from schema
// version 4 to version 5. It carries its own copies of the bucket names it
// knows, as they were, so that later changes to package store cannot
// change what this step does to an old file.
//
// Version 5 gives a coordinator the decisions of its reviews, per answer of
// each imported revision, and the review bundles it made; and gives an OPD
// what it sent in each export, so that it can tell what it changed since
// the revision a review speaks of. Each is a new bucket that a version-4
// file simply lacks, empty at first: decisions and reviews did not exist
// before, and what an OPD sent before this version was not kept, so there
// is nothing to fill in. The review an OPD received is a new key of the
// meta bucket, absent until first set, so it needs no step here.
package migration5

import (
	"fmt"

	"go.etcd.io/bbolt"
)

var (
	// decisionsBucket maps: OPD number (uint64 BE) ‖ revision (uint64 BE)
	// ‖ indicator (uint32 BE) -> the decision record JSON. New in
	// version 5.
	decisionsBucket = []byte("decisions")
	// reviewsBucket maps: OPD number (uint64 BE) ‖ sequence (uint64 BE) ->
	// the review record JSON. New in version 5.
	reviewsBucket = []byte("reviews")
	// exportsBucket maps: revision (uint64 BE) -> the submission record
	// JSON of an OPD's export. New in version 5.
	exportsBucket = []byte("exports")
	// metaBucket holds the schema version; its presence tells a workspace
	// file. Since version 1.
	metaBucket = []byte("meta")
)

// Migrate turns a version-4 workspace into version 5 inside tx: it creates
// the three new, empty buckets. It fails on a file that is no workspace and
// on one that has any of the new buckets already. It does not write the
// version number; the caller does, in the same transaction.
func Migrate(tx *bbolt.Tx) error {
	if tx.Bucket(metaBucket) == nil {
		return fmt.Errorf("migration5: bucket %q missing", metaBucket)
	}
	for _, name := range [][]byte{decisionsBucket, reviewsBucket, exportsBucket} {
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("migration5: bucket %q: %w", name, err)
		}
	}
	return nil
}
