package migration4

import (
	"errors"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

func TestMigrate(t *testing.T) {
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "v3.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	// A version-3 coordinator's file: an OPD it imported from.
	if err := db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucket([]byte("opds"))
		if err != nil {
			return err
		}
		return b.Put([]byte("dinas komunikasi dan informatika"), []byte(`{"no":1}`))
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(Migrate); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		for _, name := range []string{"registry", "assignments", "targets"} {
			b := tx.Bucket([]byte(name))
			if b == nil || b.Stats().KeyN != 0 {
				t.Errorf("bucket %s: %v", name, b)
			}
		}
		if string(tx.Bucket([]byte("opds")).Get([]byte("dinas komunikasi dan informatika"))) != `{"no":1}` {
			t.Error("existing data changed")
		}
		return nil
	})
	// A second run finds the buckets there and changes nothing.
	if err := db.Update(Migrate); !errors.Is(err, berrors.ErrBucketExists) {
		t.Fatalf("second run: %v", err)
	}
}
