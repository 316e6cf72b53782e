package migration4

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// v3OPD and v3Submissions are a version-3 coordinator's record of an OPD
// and its two imported revisions, as version 3 wrote them (cut short to
// the fields that matter here).
const v3OPD = `{"no":1,"instansi":"Pemerintah Kota Pekalongan","unit":"Dinas Komunikasi dan Informatika","key":{"id":"C373193807678450","key":"AAAA"},"pinned_at":"2025-09-20T03:00:00Z","pinned_by":"Sari","latest":2,"head":{"seq":9,"hash":"ab"}}`

var v3Submissions = map[int]string{
	1: `{"bundle_id":"b1","revision":1,"created":"2025-09-19T01:00:00Z","answers":[{"indicator":1,"value":300}],"evidence":[]}`,
	2: `{"bundle_id":"b2","revision":2,"created":"2025-09-20T02:00:00+07:00","answers":[{"indicator":45,"value":200,"fakta":"x"},{"indicator":1,"value":300},{"indicator":11,"value":0,"fakta":"belum"}],` +
		`"evidence":[{"indicator":45,"sha256":"aa"},{"indicator":1,"sha256":"bb"},{"indicator":1,"sha256":"cc"}]}`,
}

func writeV3(t *testing.T) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "v3.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	err = db.Update(func(tx *bbolt.Tx) error {
		opds, err := tx.CreateBucket(opdsBucket)
		if err != nil {
			return err
		}
		subs, err := tx.CreateBucket(submissionsBucket)
		if err != nil {
			return err
		}
		for rev, s := range v3Submissions {
			if err := subs.Put(binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, 1), uint64(rev)), []byte(s)); err != nil {
				return err
			}
		}
		return opds.Put([]byte("dinas komunikasi dan informatika"), []byte(v3OPD))
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestMigrate(t *testing.T) {
	db := writeV3(t)
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
		var got, want map[string]any
		json.Unmarshal(tx.Bucket(opdsBucket).Get([]byte("dinas komunikasi dan informatika")), &got)
		json.Unmarshal([]byte(v3OPD), &want)
		want["created"] = "2025-09-19T19:00:00Z"
		want["answered"] = []any{1.0, 45.0}
		want["evidenced"] = []any{1.0, 45.0}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("OPD record\n got %v\nwant %v", got, want)
		}
		return nil
	})
	// A second run finds the buckets there and changes nothing.
	if err := db.Update(Migrate); !errors.Is(err, berrors.ErrBucketExists) {
		t.Fatalf("second run: %v", err)
	}
}

// TestMigrateRefusesBrokenRecords: a record it cannot read stops the step,
// so that the caller's transaction leaves the file as it was.
func TestMigrateRefusesBrokenRecords(t *testing.T) {
	db := writeV3(t)
	db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(opdsBucket).Put([]byte("rusak"), []byte(`{"no":7,"latest":1}`))
	})
	if err := db.Update(Migrate); err == nil {
		t.Fatal("an OPD without its submission migrated")
	}
	db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(registryBucket) != nil {
			t.Error("the failed step left a bucket")
		}
		return nil
	})
}
