package migration5

import (
	"errors"
	"path/filepath"
	"testing"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// writeV4 writes the part of a version-4 file this step looks at: the meta
// bucket, and a bucket of version 4 whose contents must stay as they are.
func writeV4(t *testing.T) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "v4.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *bbolt.Tx) error {
		meta, err := tx.CreateBucket(metaBucket)
		if err != nil {
			return err
		}
		if err := meta.Put([]byte("format"), []byte("swanilai.workspace")); err != nil {
			return err
		}
		reg, err := tx.CreateBucket([]byte("registry"))
		if err != nil {
			return err
		}
		return reg.Put([]byte("BAPPEDA"), []byte(`{"code":"BAPPEDA","name":"Badan Perencanaan Pembangunan Daerah"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestMigrate(t *testing.T) {
	db := writeV4(t)
	if err := db.Update(Migrate); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{decisionsBucket, reviewsBucket, exportsBucket} {
			b := tx.Bucket(name)
			if b == nil || b.Stats().KeyN != 0 {
				t.Errorf("bucket %s: %v", name, b)
			}
		}
		if v := tx.Bucket([]byte("registry")).Get([]byte("BAPPEDA")); len(v) == 0 {
			t.Error("a version-4 record is gone")
		}
		if v := tx.Bucket(metaBucket).Get([]byte("format")); string(v) != "swanilai.workspace" {
			t.Errorf("meta: %q", v)
		}
		return nil
	})
	// A second run finds the buckets there and changes nothing.
	if err := db.Update(Migrate); !errors.Is(err, berrors.ErrBucketExists) {
		t.Fatalf("second run: %v", err)
	}
}

// TestMigrateRefuses: a file without a meta bucket is no workspace, and a
// file that has one of the new buckets already was not written by version
// 4; the step stops, so that the caller's transaction leaves the file as
// it was.
func TestMigrateRefuses(t *testing.T) {
	empty, err := bbolt.Open(filepath.Join(t.TempDir(), "empty.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	if err := empty.Update(Migrate); err == nil {
		t.Fatal("a file without meta migrated")
	}
	db := writeV4(t)
	db.Update(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucket(exportsBucket)
		return err
	})
	if err := db.Update(Migrate); !errors.Is(err, berrors.ErrBucketExists) {
		t.Fatalf("got %v", err)
	}
	db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(decisionsBucket) != nil {
			t.Error("the failed step left a bucket")
		}
		return nil
	})
}
