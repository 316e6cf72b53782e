// Package migration4 is the frozen migration of workspace files from schema
// version 3 to version 4. It carries its own copies of the bucket names and
// records it knows, as they were, so that later changes to package store
// cannot change what this step does to an old file.
//
// Version 4 gives a coordinator its registry of OPDs, the matrix of which
// OPD answers which indicator, and a target level per indicator, each in a
// new bucket that a version-3 file simply lacks; and the record of each OPD
// a coordinator imported submissions from keeps what the coordinator's
// status needs of its newest submission (when it was made, the indicators
// it answers and those with evidence), which this step reads from that
// submission. The year's timeline, the earlier years' results, an OPD's
// received assignment and the coordinator's key it pinned are new keys of
// the meta bucket, absent until first set, so they need no step here.
package migration4

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

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
	// opdsBucket maps: an OPD's unit name, lower case, white space
	// collapsed -> the OPD record JSON. Since version 3; version 4 adds
	// "created", "answered" and "evidenced".
	opdsBucket = []byte("opds")
	// submissionsBucket maps: OPD number (uint64 BE) ‖ revision (uint64 BE)
	// -> the submission record JSON. Since version 3.
	submissionsBucket = []byte("submissions")
)

// opdV3 is what this step reads of an OPD record of version 3.
type opdV3 struct {
	No     uint64 `json:"no"`
	Latest int    `json:"latest"`
}

// submissionV3 is what this step reads of a submission record of version
// 3: an answer's value is in hundredths, 0 when unanswered.
type submissionV3 struct {
	Created time.Time `json:"created"`
	Answers []struct {
		Indicator int   `json:"indicator"`
		Value     int64 `json:"value"`
	} `json:"answers"`
	Evidence []struct {
		Indicator int `json:"indicator"`
	} `json:"evidence"`
}

// Migrate turns a version-3 workspace into version 4 inside tx: it creates
// the three new, empty buckets and adds to each OPD record the summary of
// its newest submission. It fails on a file that has any of the new
// buckets already, and on an OPD record or submission it cannot read. It
// does not write the version number; the caller does, in the same
// transaction.
func Migrate(tx *bbolt.Tx) error {
	for _, name := range [][]byte{registryBucket, assignmentsBucket, targetsBucket} {
		if _, err := tx.CreateBucket(name); err != nil {
			return fmt.Errorf("migration4: bucket %q: %w", name, err)
		}
	}
	opds, subs := tx.Bucket(opdsBucket), tx.Bucket(submissionsBucket)
	if opds == nil || subs == nil {
		return fmt.Errorf("migration4: buckets %q and %q missing", opdsBucket, submissionsBucket)
	}
	updated := map[string][]byte{}
	err := opds.ForEach(func(k, v []byte) error {
		var o opdV3
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(v, &o); err != nil {
			return fmt.Errorf("migration4: OPD %q: %w", k, err)
		}
		if err := json.Unmarshal(v, &fields); err != nil {
			return fmt.Errorf("migration4: OPD %q: %w", k, err)
		}
		key := binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, o.No), uint64(o.Latest))
		data := subs.Get(key)
		if data == nil {
			return fmt.Errorf("migration4: OPD %q: revision %d missing", k, o.Latest)
		}
		var s submissionV3
		if err := json.Unmarshal(data, &s); err != nil {
			return fmt.Errorf("migration4: OPD %q revision %d: %w", k, o.Latest, err)
		}
		answered, evidenced := []int{}, []int{}
		for _, a := range s.Answers {
			if a.Value != 0 && !slices.Contains(answered, a.Indicator) {
				answered = append(answered, a.Indicator)
			}
		}
		for _, e := range s.Evidence {
			if !slices.Contains(evidenced, e.Indicator) {
				evidenced = append(evidenced, e.Indicator)
			}
		}
		slices.Sort(answered)
		slices.Sort(evidenced)
		for name, value := range map[string]any{"created": s.Created.UTC(), "answered": answered, "evidenced": evidenced} {
			b, err := json.Marshal(value)
			if err != nil {
				return err
			}
			fields[name] = b
		}
		b, err := json.Marshal(fields)
		if err != nil {
			return err
		}
		updated[string(k)] = b
		return nil
	})
	if err != nil {
		return err
	}
	for k, v := range updated {
		if err := opds.Put([]byte(k), v); err != nil {
			return err
		}
	}
	return nil
}
