package store

import (
	"context"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/store/migration2"
	"github.com/swanilai/swanilai/store/migration3"
	"github.com/swanilai/swanilai/store/migration4"
	"github.com/swanilai/swanilai/store/migration5"
)

// migration is one step of the schema: it turns a file of schema version-1
// into version. Each step lives in its own frozen package
// (store/migrationN) with its own copies of the bucket names and records it
// knows, so that later changes to this package cannot change what an old
// step does.
type migration struct {
	version uint64
	name    string
	migrate func(tx *bbolt.Tx) error
}

// migrations lists every step, in order, from schema 1 on.
var migrations = []migration{
	{version: 2, name: "tautan bukti dukung dalam bucket sendiri / evidence links in their own bucket", migrate: migration2.Migrate},
	{version: 3, name: "kunci penandatangan dan kiriman OPD / signing key and OPD submissions", migrate: migration3.Migrate},
	{version: 4, name: "daftar OPD, penugasan dan target tingkat / OPD registry, assignments and target levels", migrate: migration4.Migrate},
	{version: 5, name: "keputusan reviu dan kiriman yang diekspor / review decisions and exported submissions", migrate: migration5.Migrate},
}

// planMigration returns the steps that bring a file from schema from to
// schema to.
func planMigration(steps []migration, from, to uint64) ([]migration, error) {
	switch {
	case from > to:
		return nil, &SchemaError{Version: from, Supported: to}
	case from == 0:
		return nil, model.Errorf(ErrDamaged, "err.store.schema_version_zero")
	}
	var plan []migration
	next := from + 1
	for _, s := range steps {
		if s.version < next || s.version > to {
			continue
		}
		if s.version != next {
			return nil, fmt.Errorf("store: no migration to schema %d", next)
		}
		plan = append(plan, s)
		next++
	}
	if next != to+1 {
		return nil, fmt.Errorf("store: no migration to schema %d", next)
	}
	return plan, nil
}

// migrate brings the open file from schema from to the current schema. It
// first writes a copy of the file beside it (PATH.vFROM.bak, synced, then
// renamed into place), then applies every step and the new version number
// in one transaction: a failing step leaves the file as it was.
func (w *Workspace) migrate(from uint64) error {
	plan, err := planMigration(migrations, from, schemaVersion)
	if err != nil {
		return err
	}
	backup := fmt.Sprintf("%s.v%d.bak", w.path, from)
	if err := w.copyTo(context.Background(), backup, true, nil); err != nil {
		return model.Within(err, "err.store.backup_before_migration")
	}
	return w.update(func(tx *bbolt.Tx) error {
		for _, s := range plan {
			if err := s.migrate(tx); err != nil {
				return model.Within(err, "err.store.migration_failed", "Schema", s.version, "Step", s.name)
			}
		}
		return metaBucket.of(tx).Put(keyVersion, u64Key(schemaVersion))
	})
}
