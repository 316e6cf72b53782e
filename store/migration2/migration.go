package migration2

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// linksBucket maps: indicator (uint32 BE) ‖ SHA-256 (32 bytes) -> linkV2
// JSON. New in version 2.
var linksBucket = []byte("links")

// answerV2 is the answer record of version 2: AnswerV1 without links.
type answerV2 struct {
	Value     int64     `json:"value,omitempty"`
	Fakta     string    `json:"fakta,omitempty"`
	Analisis  string    `json:"analisis,omitempty"`
	Sector    string    `json:"sector,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	Reconfirm bool      `json:"reconfirm,omitempty"`
}

// linkV2 is a link record of version 2; the key holds indicator and hash.
type linkV2 struct {
	Name       string    `json:"name"`
	Title      string    `json:"title,omitempty"`
	DocNo      string    `json:"doc_no,omitempty"`
	DocDate    string    `json:"doc_date,omitempty"`
	ValidUntil string    `json:"valid_until,omitempty"`
	Level      int       `json:"level,omitempty"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

// blobV2 is the blob record of version 2: BlobV1 with its link count.
type blobV2 struct {
	Size   int64  `json:"size"`
	Extent uint64 `json:"extent"`
	Chunks uint32 `json:"chunks"`
	Links  int    `json:"links"`
}

// errV1 reports a version-1 file that cannot be migrated as it is.
var errV1 = errors.New("migration2: version-1 data")

// Migrate turns a version-1 workspace into version 2 inside tx: every link
// moves from its answer record into the links bucket, answers left with
// nothing to say are deleted, every blob record gets the count of its
// links, and a blob no link names becomes pending garbage that the next
// open deletes. It does not write the version number; the caller does, in
// the same transaction.
func Migrate(tx *bbolt.Tx) error {
	answers, blobs, pending := tx.Bucket(answersBucket), tx.Bucket(blobsBucket), tx.Bucket(pendingBucket)
	if answers == nil || blobs == nil || pending == nil {
		return fmt.Errorf("%w: buckets missing", errV1)
	}
	links, err := tx.CreateBucket(linksBucket)
	if err != nil {
		return err
	}
	// Read everything first: a bucket must not change under ForEach.
	all, err := readAnswers(answers)
	if err != nil {
		return err
	}
	counts := map[[32]byte]int{}
	for _, a := range all {
		if err := moveLinks(a, blobs, links, counts); err != nil {
			return err
		}
		if err := rewriteAnswer(answers, a); err != nil {
			return err
		}
	}
	bs, err := readBlobs(blobs)
	if err != nil {
		return err
	}
	for _, b := range bs {
		if err := countLinks(b, blobs, pending, counts); err != nil {
			return err
		}
	}
	return nil
}

// answer is a version-1 answer record with its key.
type answer struct {
	key []byte
	rec AnswerV1
}

// readAnswers reads every version-1 answer record.
func readAnswers(answers *bbolt.Bucket) ([]answer, error) {
	var all []answer
	err := answers.ForEach(func(k, v []byte) error {
		var a AnswerV1
		if len(k) != 4 {
			return fmt.Errorf("%w: answer key %x", errV1, k)
		}
		if err := json.Unmarshal(v, &a); err != nil {
			return fmt.Errorf("%w: answer %x: %v", errV1, k, err)
		}
		all = append(all, answer{append([]byte(nil), k...), a})
		return nil
	})
	return all, err
}

// moveLinks writes the links of answer a into the links bucket, once per
// file, and counts them in counts by blob.
func moveLinks(a answer, blobs, links *bbolt.Bucket, counts map[[32]byte]int) error {
	for _, l := range a.rec.Evidence {
		var sum [32]byte
		if n, err := hex.Decode(sum[:], []byte(l.SHA256)); err != nil || n != 32 {
			return fmt.Errorf("%w: indicator %d: link %q", errV1, binary.BigEndian.Uint32(a.key), l.SHA256)
		}
		if blobs.Get(sum[:]) == nil {
			return fmt.Errorf("%w: indicator %d: link to %.12s, which is not stored", errV1, binary.BigEndian.Uint32(a.key), l.SHA256)
		}
		key := append(append([]byte(nil), a.key...), sum[:]...)
		if links.Get(key) != nil {
			continue // the same file listed twice: one link
		}
		counts[sum]++
		if err := putJSON(links, key, linkV2{Name: l.Name, Title: l.Title, DocNo: l.DocNo, DocDate: l.DocDate,
			ValidUntil: l.ValidUntil, Level: l.Level, By: l.By, At: l.At}); err != nil {
			return err
		}
	}
	return nil
}

// rewriteAnswer writes answer a as a version-2 record, without its links,
// or deletes it when it has nothing else to say.
func rewriteAnswer(answers *bbolt.Bucket, a answer) error {
	r := a.rec
	if r.Value == 0 && r.Fakta == "" && r.Analisis == "" && r.Sector == "" && !r.Reconfirm {
		return answers.Delete(a.key)
	}
	return putJSON(answers, a.key, answerV2{Value: r.Value, Fakta: r.Fakta, Analisis: r.Analisis, Sector: r.Sector,
		By: r.By, At: r.At, Reconfirm: r.Reconfirm})
}

// blob is a version-1 blob record with its key.
type blob struct {
	key []byte
	rec BlobV1
}

// readBlobs reads every version-1 blob record.
func readBlobs(blobs *bbolt.Bucket) ([]blob, error) {
	var bs []blob
	err := blobs.ForEach(func(k, v []byte) error {
		var b BlobV1
		if len(k) != 32 {
			return fmt.Errorf("%w: blob key %x", errV1, k)
		}
		if err := json.Unmarshal(v, &b); err != nil {
			return fmt.Errorf("%w: blob %x: %v", errV1, k, err)
		}
		bs = append(bs, blob{append([]byte(nil), k...), b})
		return nil
	})
	return bs, err
}

// countLinks writes blob b as a version-2 record with its count of links
// from counts or, when no link names it, deletes it and marks its extent
// pending.
func countLinks(b blob, blobs, pending *bbolt.Bucket, counts map[[32]byte]int) error {
	var sum [32]byte
	copy(sum[:], b.key)
	n := counts[sum]
	if n == 0 {
		if err := blobs.Delete(b.key); err != nil {
			return err
		}
		return putJSON(pending, binary.BigEndian.AppendUint64(nil, b.rec.Extent), PendingV1{Started: time.Now().UTC(), Reason: "freed"})
	}
	return putJSON(blobs, b.key, blobV2{Size: b.rec.Size, Extent: b.rec.Extent, Chunks: b.rec.Chunks, Links: n})
}
