// Package migration2 is the frozen migration of workspace files from schema
// version 1 to version 2. It carries its own copies of the bucket names and
// records of both versions, as they were, so that later changes to package
// store cannot change what this step does to an old file.
//
// Version 1 kept the evidence links of an indicator inside its answer
// record. Version 2 keeps each link in its own record in the "links"
// bucket, keyed by indicator and SHA-256, so that linking and unlinking
// files never rewrites the answer, and counts the links of each blob in the
// blob record, so that unlinking knows in one read whether the bytes are
// still needed and the integrity check can compare the count.
package migration2

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Buckets and keys of version 1 (the same names stay in version 2).
var (
	// metaBucket maps: "format" -> "swanilai.workspace", "version" ->
	// uint64 BE, "identity" -> IdentityV1 JSON, "officials", "target_index".
	metaBucket = []byte("meta")
	keyFormat  = []byte("format")
	keyVersion = []byte("version")
	keyIdent   = []byte("identity")
	// packBucket maps: "canonical" -> the pack's canonical JSON.
	packBucket   = []byte("pack")
	keyCanonical = []byte("canonical")
	// answersBucket maps: indicator (uint32 BE) -> AnswerV1 JSON.
	answersBucket = []byte("answers")
	// blobsBucket maps: SHA-256 (32 bytes) -> BlobV1 JSON.
	blobsBucket = []byte("blobs")
	// chunksBucket maps: extent (uint64 BE) ‖ index (uint32 BE) -> bytes.
	chunksBucket = []byte("chunks")
	// pendingBucket maps: extent (uint64 BE) -> PendingV1 JSON.
	pendingBucket = []byte("pending")
	// historyBucket maps: sequence (uint64 BE) -> ChangeV1 JSON.
	historyBucket = []byte("history")
)

// IdentityV1 is the identity record of version 1.
type IdentityV1 struct {
	ID             string    `json:"id"`
	Role           string    `json:"role"`
	Instansi       string    `json:"instansi"`
	Unit           string    `json:"unit"`
	Year           int       `json:"year"`
	InstrumentID   string    `json:"instrument_id"`
	InstrumentHash string    `json:"instrument_hash"`
	Created        time.Time `json:"created"`
}

// AnswerV1 is the answer record of version 1, with the indicator's
// evidence links inside.
type AnswerV1 struct {
	Value     int64     `json:"value,omitempty"`
	Fakta     string    `json:"fakta,omitempty"`
	Analisis  string    `json:"analisis,omitempty"`
	Sector    string    `json:"sector,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	Reconfirm bool      `json:"reconfirm,omitempty"`
	Evidence  []LinkV1  `json:"evidence,omitempty"`
}

// LinkV1 is an evidence link of version 1; SHA256 is hex.
type LinkV1 struct {
	SHA256     string    `json:"sha256"`
	Name       string    `json:"name"`
	Title      string    `json:"title,omitempty"`
	DocNo      string    `json:"doc_no,omitempty"`
	DocDate    string    `json:"doc_date,omitempty"`
	ValidUntil string    `json:"valid_until,omitempty"`
	Level      int       `json:"level,omitempty"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

// BlobV1 is the blob record of version 1.
type BlobV1 struct {
	Size   int64  `json:"size"`
	Extent uint64 `json:"extent"`
	Chunks uint32 `json:"chunks"`
}

// PendingV1 is the pending-extent record of versions 1 and 2.
type PendingV1 struct {
	Started time.Time `json:"started"`
	Reason  string    `json:"reason"`
	Name    string    `json:"name,omitempty"`
}

// ChangeV1 is the history record of versions 1 and 2.
type ChangeV1 struct {
	Seq       uint64    `json:"seq"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Indicator int       `json:"indicator,omitempty"`
	Field     string    `json:"field"`
	Old       string    `json:"old,omitempty"`
	New       string    `json:"new,omitempty"`
	Prev      string    `json:"prev,omitempty"`
	Hash      string    `json:"hash"`
}

// FileV1 is the content of a version-1 workspace for WriteV1.
type FileV1 struct {
	Identity IdentityV1
	// Pack is the instrument pack's canonical JSON.
	Pack []byte
	// Answers by indicator; their links name files of Blobs by SHA-256.
	Answers map[int]AnswerV1
	// Blobs are the stored files, cut into chunks of ChunkSize bytes.
	Blobs     [][]byte
	ChunkSize int
	// History entries, already sealed, numbered from 1.
	History []ChangeV1
}

// WriteV1 writes f into the empty bbolt file db exactly as Swanilai wrote
// schema version 1. The app never writes version 1 any more: this exists so
// that tests can make genuine version-1 files and open them with the
// current code.
func WriteV1(db *bbolt.DB, f FileV1) error {
	return db.Update(func(tx *bbolt.Tx) error {
		b := map[string]*bbolt.Bucket{}
		for _, name := range [][]byte{metaBucket, packBucket, answersBucket, blobsBucket, chunksBucket, pendingBucket, historyBucket} {
			bk, err := tx.CreateBucket(name)
			if err != nil {
				return err
			}
			b[string(name)] = bk
		}
		meta := b[string(metaBucket)]
		ident, err := json.Marshal(f.Identity)
		if err != nil {
			return err
		}
		for k, v := range map[string][]byte{string(keyFormat): []byte("swanilai.workspace"), string(keyVersion): binary.BigEndian.AppendUint64(nil, 1), string(keyIdent): ident} {
			if err := meta.Put([]byte(k), v); err != nil {
				return err
			}
		}
		if err := b[string(packBucket)].Put(keyCanonical, f.Pack); err != nil {
			return err
		}
		for no, a := range f.Answers {
			if err := putJSON(b[string(answersBucket)], binary.BigEndian.AppendUint32(nil, uint32(no)), a); err != nil {
				return err
			}
		}
		for _, data := range f.Blobs {
			ext, err := b[string(pendingBucket)].NextSequence()
			if err != nil {
				return err
			}
			var n uint32
			for off := 0; off < len(data); off += f.ChunkSize {
				chunk := data[off:min(off+f.ChunkSize, len(data))]
				if err := b[string(chunksBucket)].Put(binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(nil, ext), n), chunk); err != nil {
					return err
				}
				n++
			}
			sum := sha256.Sum256(data)
			if err := putJSON(b[string(blobsBucket)], sum[:], BlobV1{Size: int64(len(data)), Extent: ext, Chunks: n}); err != nil {
				return err
			}
		}
		for _, c := range f.History {
			seq, err := b[string(historyBucket)].NextSequence()
			if err != nil {
				return err
			}
			if seq != c.Seq {
				return fmt.Errorf("history entry %d written as %d", c.Seq, seq)
			}
			if err := putJSON(b[string(historyBucket)], binary.BigEndian.AppendUint64(nil, seq), c); err != nil {
				return err
			}
		}
		return nil
	})
}

func putJSON(b *bbolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}
