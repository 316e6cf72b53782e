package migration2

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func sum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func newV1(t *testing.T, f FileV1) *bbolt.DB {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "v1.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := WriteV1(db, f); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestMigrate(t *testing.T) {
	at := time.Date(2024, 9, 1, 8, 0, 0, 0, time.UTC)
	a, b, orphan := []byte("aaaa aaaa"), []byte("bb"), []byte("orphan")
	db := newV1(t, FileV1{
		Identity: IdentityV1{ID: "x", Role: "opd", Year: 2024},
		Pack:     []byte("{}"),
		Answers: map[int]AnswerV1{
			3: {Value: 200, Fakta: "f", By: "r", At: at, Evidence: []LinkV1{{SHA256: sum(a), Name: "a", Level: 2, By: "r", At: at}, {SHA256: sum(a), Name: "a again", By: "r", At: at}}},
			9: {By: "r", At: at, Evidence: []LinkV1{{SHA256: sum(a), Name: "a", By: "r", At: at}, {SHA256: sum(b), Name: "b", By: "r", At: at}}},
		},
		Blobs:     [][]byte{a, b, orphan},
		ChunkSize: 4,
	})
	if err := db.Update(Migrate); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		links := map[string]string{}
		tx.Bucket(linksBucket).ForEach(func(k, v []byte) error {
			links[strings.TrimLeft(hex.EncodeToString(k[:4]), "0")+" "+hex.EncodeToString(k[4:])[:6]] = string(v)
			return nil
		})
		// A file listed twice for one indicator is one link.
		if len(links) != 3 || !strings.Contains(links["3 "+sum(a)[:6]], `"name":"a","level":2`) || !strings.Contains(links["9 "+sum(b)[:6]], `"name":"b"`) {
			t.Errorf("links %v", links)
		}
		ans := tx.Bucket(answersBucket)
		if v := ans.Get(binary.BigEndian.AppendUint32(nil, 3)); strings.Contains(string(v), "evidence") || !strings.Contains(string(v), `"fakta":"f"`) {
			t.Errorf("answer 3: %s", v)
		}
		if v := ans.Get(binary.BigEndian.AppendUint32(nil, 9)); v != nil {
			t.Errorf("answer 9, which held only links, is still there: %s", v)
		}
		for data, want := range map[string]int{string(a): 2, string(b): 1} {
			s := sha256.Sum256([]byte(data))
			var rec blobV2
			if err := json.Unmarshal(tx.Bucket(blobsBucket).Get(s[:]), &rec); err != nil || rec.Links != want || rec.Size != int64(len(data)) {
				t.Errorf("blob %q: %+v %v", data, rec, err)
			}
		}
		s := sha256.Sum256(orphan)
		if tx.Bucket(blobsBucket).Get(s[:]) != nil || tx.Bucket(pendingBucket).Stats().KeyN != 1 {
			t.Error("the unlinked blob is not pending deletion")
		}
		return nil
	})
}

func TestMigrateRefusesLinkToMissingBlob(t *testing.T) {
	db := newV1(t, FileV1{
		Pack:    []byte("{}"),
		Answers: map[int]AnswerV1{1: {Evidence: []LinkV1{{SHA256: sum([]byte("never stored")), Name: "x"}}}},
	})
	err := db.Update(Migrate)
	if err == nil || !strings.Contains(err.Error(), "not stored") {
		t.Fatalf("got %v", err)
	}
}
