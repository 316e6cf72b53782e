// Package migration4 is the frozen migration of workspace files from schema
// version 3 to version 4. It carries its own copies of the bucket names it
// creates, as they were, so that later changes to package store cannot
// change what this step does to an old file.
//
// Version 4 gives a coordinator its registry of OPDs, the matrix of which
// OPD answers which indicator, and a target level per indicator, each in a
// new bucket that a version-3 file simply lacks. The year's timeline, the
// earlier years' results, an OPD's received assignment and the
// coordinator's key it pinned are new keys of the meta bucket, absent until
// first set, so they need no step here.
package migration4

import (
	"fmt"

	"go.etcd.io/bbolt"
)

var (
	// registryBucket maps: OPD code -> the registry record JSON. New in
	// version 4.
	registryBucket = []byte("registry")
	// assignmentsBucket maps: OPD code -> the assignment record JSON. New
	// in version 4.
	assignmentsBucket = []byte("assignments")
	// targetsBucket maps: indicator (uint32 BE) -> target level,
	// hundredths as decimal text. New in version 4.
	targetsBucket = []byte("targets")
)

// Migrate turns a version-3 workspace into version 4 inside tx: it creates
// the three new, empty buckets. It fails on a file that has any of them
// already. It does not write the version number; the caller does, in the
// same transaction.
func Migrate(tx *bbolt.Tx) error {
	for _, name := range [][]byte{registryBucket, assignmentsBucket, targetsBucket} {
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("migration4: bucket %q: %w", name, err)
		}
	}
	return nil
}
