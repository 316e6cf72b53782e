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
	type answer struct {
		key []byte
		rec AnswerV1
	}
	var all []answer
	err = answers.ForEach(func(k, v []byte) error {
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
	if err != nil {
		return err
	}
	counts := map[[32]byte]int{}
	for _, a := range all {
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
		r := a.rec
		if r.Value == 0 && r.Fakta == "" && r.Analisis == "" && r.Sector == "" && !r.Reconfirm {
			if err := answers.Delete(a.key); err != nil {
				return err
			}
			continue
		}
		if err := putJSON(answers, a.key, answerV2{Value: r.Value, Fakta: r.Fakta, Analisis: r.Analisis, Sector: r.Sector,
			By: r.By, At: r.At, Reconfirm: r.Reconfirm}); err != nil {
			return err
		}
	}
	type blob struct {
		key []byte
		rec BlobV1
	}
	var bs []blob
	err = blobs.ForEach(func(k, v []byte) error {
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
	if err != nil {
		return err
	}
	for _, b := range bs {
		var sum [32]byte
		copy(sum[:], b.key)
		n := counts[sum]
		if n == 0 {
			if err := blobs.Delete(b.key); err != nil {
				return err
			}
			if err := putJSON(pending, binary.BigEndian.AppendUint64(nil, b.rec.Extent), PendingV1{Started: time.Now().UTC(), Reason: "freed"}); err != nil {
				return err
			}
			continue
		}
		if err := putJSON(blobs, b.key, blobV2{Size: b.rec.Size, Extent: b.rec.Extent, Chunks: b.rec.Chunks, Links: n}); err != nil {
			return err
		}
	}
	return nil
}
