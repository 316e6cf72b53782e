package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/swanilai/swanilai/model"
)

// openTimeout is how long Open waits for another process to let go of
// the file before it reports ErrLocked.
const openTimeout = time.Second

// Chunking of evidence bytes. A chunk is one bbolt value; an attach writes
// at most chunksPerTx chunks per transaction, so a transaction holds at most
// 8 MiB however big the file is.
//
// A chunk is 64 bytes short of 64 KiB so that a leaf page holding one to
// four chunks (bbolt keeps at least two and at most four large values to a
// leaf), with its 16-byte header and each chunk's 16-byte element and
// 12-byte key, fills a whole number of 4 or 16 KiB pages exactly. A chunk
// of a round 256 KiB took one page more than its bytes, and a leaf
// rewritten when the next transaction appends to it took up to 1 MiB more;
// importing 3 GB of evidence, the workspace file came out 5 % smaller and
// wrote 15 % less with these chunks, and took about half the time. Blobs
// stored with other chunk sizes read as before.
const (
	defaultChunkSize   = 64<<10 - 64
	defaultChunksPerTx = 128
	// defaultPurgePerTx bounds the chunks one transaction deletes when
	// freed or abandoned bytes are removed.
	defaultPurgePerTx = 256
)

// Workspace is one open workspace file. It is safe for concurrent use; every
// method is one or more short bbolt transactions.
type Workspace struct {
	db    *bbolt.DB
	path  string
	ident model.Identity
	pack  *model.Pack

	// Transaction bounds; tests make them small to get many transactions
	// out of small files.
	chunkSize, chunksPerTx, purgePerTx int
}

// CreateOptions describe a new workspace.
type CreateOptions struct {
	Role model.Role
	// Instansi is the government, e.g. "Pemerintah Kota Pekalongan"; Unit
	// the OPD (or the coordinator's team), e.g. "Dinas Komunikasi dan
	// Informatika".
	Instansi, Unit string
	// Year is the evaluation year.
	Year int
	// Pack is the instrument the workspace is filled against; the
	// workspace keeps its own copy. CreateFrom takes last year's pack when
	// it is nil.
	Pack *model.Pack
	// By names who creates the workspace; CreateFrom writes the carried
	// answers into the history under this name.
	By string
}

func (o CreateOptions) identity() (model.Identity, error) {
	switch {
	case o.Role != model.RoleOPD && o.Role != model.RoleCoordinator:
		return model.Identity{}, fmt.Errorf("%w: %w", ErrBadIdentity, model.ErrRole)
	case strings.TrimSpace(o.Instansi) == "":
		return model.Identity{}, model.Errorf(ErrBadIdentity, "err.store.no_instansi")
	case o.Year < 2000 || o.Year > 2100:
		return model.Identity{}, model.Errorf(ErrBadIdentity, "err.store.year_out_of_range", "Year", o.Year)
	case o.Pack == nil:
		return model.Identity{}, model.Errorf(ErrBadIdentity, "err.store.no_instrument")
	}
	return model.Identity{
		ID:             uuid.NewString(),
		Role:           o.Role,
		Instansi:       strings.TrimSpace(o.Instansi),
		Unit:           strings.TrimSpace(o.Unit),
		Year:           o.Year,
		InstrumentID:   o.Pack.ID,
		InstrumentHash: o.Pack.Hash(),
		Created:        now(),
	}, nil
}

// now is the time stamps the store writes: UTC, without the monotonic
// reading, so that what is written is what is read back.
func now() time.Time { return time.Now().UTC().Round(0) }

// Create makes a new workspace file at path and opens it. It refuses an
// existing file (ErrExists). The file appears under its name only once it is
// complete: it is written under a temporary name beside it and renamed.
func Create(path string, opts CreateOptions) (*Workspace, error) {
	return create(path, opts, nil)
}

// create writes a new workspace under a temporary name, lets fill add to it,
// and renames it to path when everything succeeded.
func create(path string, opts CreateOptions, fill func(w *Workspace) error) (*Workspace, error) {
	ident, err := opts.identity()
	if err != nil {
		return nil, err
	}
	canonical, err := opts.Pack.CanonicalJSON()
	if err != nil {
		return nil, err
	}
	packs.Store(ident.InstrumentHash, opts.Pack)
	key, err := newSigningKey()
	if err != nil {
		return nil, err
	}
	if err := refuseExisting(path); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, model.DestinationError(path, err)
		}
		return nil, fmt.Errorf("%s: %w", path, diskErr(err))
	}
	tmp := f.Name()
	f.Close()
	fail := func(err error) (*Workspace, error) {
		os.Remove(tmp)
		return nil, err
	}
	db, err := bbolt.Open(tmp, 0o600, &bbolt.Options{Timeout: openTimeout})
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, diskErr(err)))
	}
	w := newWorkspace(db, tmp)
	w.ident, w.pack = ident, opts.Pack
	err = w.update(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b.name); err != nil {
				return err
			}
		}
		meta := metaBucket.of(tx)
		if err := meta.Put(keyFormat, []byte(formatName)); err != nil {
			return err
		}
		if err := meta.Put(keyVersion, u64Key(schemaVersion)); err != nil {
			return err
		}
		if err := putJSON(meta, keyIdentity, identityToRec(ident)); err != nil {
			return err
		}
		if err := putJSON(meta, keySigningKey, signingKeyToRec(key)); err != nil {
			return err
		}
		return packBucket.of(tx).Put(keyPackCanonical, canonical)
	})
	if err == nil && fill != nil {
		err = fill(w)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	// Check again: another program may have made the file meanwhile.
	if err := refuseExisting(path); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	syncDir(filepath.Dir(path))
	return Open(path)
}

func refuseExisting(path string) error {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return fmt.Errorf("%s: %w", path, ErrExists)
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// syncDir makes a rename in dir durable. Where directories cannot be
// synced (Windows) the rename is already durable or nothing can be done.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func newWorkspace(db *bbolt.DB, path string) *Workspace {
	return &Workspace{db: db, path: path, chunkSize: defaultChunkSize, chunksPerTx: defaultChunksPerTx, purgePerTx: defaultPurgePerTx}
}

// Open opens the workspace file at path. It reports ErrLocked within about
// a second when the file is open elsewhere, ErrNotWorkspace for a file that
// is not a workspace, ErrDamaged (wrapped with what is broken) for a broken
// one and a *SchemaError for one written by a newer Swanilai. A file of an
// older schema is migrated, after a copy of it is written beside it as
// PATH.vN.bak. Pending bytes of an attach that was interrupted are removed.
func Open(path string) (*Workspace, error) { return open(path, 0) }

// open is Open with a size limit for the file (0: none): tests fill a
// "disk" with it.
func open(path string, maxSize int) (*Workspace, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, model.Within(err, "err.store.workspace_missing"))
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	case !st.Mode().IsRegular() || st.Size() == 0:
		return nil, fmt.Errorf("%s: %w", path, ErrNotWorkspace)
	}
	db, err := openDB(path, maxSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	w := newWorkspace(db, path)
	if err := w.load(); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// Bytes left pending by an interrupted attach or detach are garbage:
	// the file lock says no other writer is at work. Failing to remove them
	// now (a full disk) loses nothing; the next Open tries again.
	_ = w.purgePending(context.Background())
	return w, nil
}

// openDB opens the bbolt file without ever creating it, turning bbolt's
// errors and panics into the store's.
func openDB(path string, maxSize int) (db *bbolt.DB, err error) {
	var file *os.File
	opts := &bbolt.Options{
		Timeout: openTimeout,
		MaxSize: maxSize,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag&^os.O_CREATE, perm)
			if err != nil {
				return nil, err
			}
			file = f
			st, err := f.Stat()
			if err == nil {
				err = preflight(f, st.Size())
			}
			if err != nil {
				f.Close()
				return nil, err
			}
			return f, nil
		},
	}
	defer func() {
		// bbolt panics on some broken files. preflight keeps it from
		// faulting on pages past the end of the file, after which it
		// could not let go of the file (its memory map keeps the lock).
		if r := recover(); r != nil {
			if file != nil {
				file.Close()
			}
			db, err = nil, fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bbolt.Open(path, 0o600, opts)
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, ErrNotWorkspace
	case errors.Is(err, berrors.ErrChecksum):
		return nil, model.Errorf(ErrDamaged, "err.store.meta_pages_broken")
	case errors.Is(err, ErrDamaged):
		return nil, err
	}
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		return nil, err
	}
	// The rest of bbolt's refusals ("file size too small", …) are about
	// the content.
	return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
}

// load reads and checks what every later call relies on: the format, the
// schema version (migrating an older file), every bucket, the identity and
// the instrument pack with its hash.
func (w *Workspace) load() error {
	var version uint64
	err := w.view(func(tx *bbolt.Tx) error {
		meta := metaBucket.of(tx)
		if meta == nil || string(meta.Get(keyFormat)) != formatName {
			return ErrNotWorkspace
		}
		v := meta.Get(keyVersion)
		if len(v) != 8 {
			return model.Errorf(ErrDamaged, "err.store.schema_version_unreadable")
		}
		version = binary.BigEndian.Uint64(v)
		return nil
	})
	switch {
	case err != nil:
		return err
	case version > schemaVersion:
		return &SchemaError{Version: version, Supported: schemaVersion}
	case version < schemaVersion:
		if err := w.migrate(version); err != nil {
			return err
		}
	}
	return w.view(func(tx *bbolt.Tx) error {
		for _, b := range allBuckets {
			if b.of(tx) == nil {
				return model.Errorf(ErrDamaged, "err.store.bucket_missing", "Bucket", strconv.Quote(string(b.name)))
			}
		}
		var id identityRec
		err := getJSON(metaBucket.of(tx), keyIdentity, &id)
		if err != nil {
			return model.Wrapf(err, ErrDamaged, "err.store.detail_identity")
		}
		w.ident = id.model()
		w.pack, err = loadPack(tx, w.ident)
		return err
	})
}

// packs holds every instrument pack the store has parsed or created a
// workspace with, by the SHA-256 of its canonical JSON, so that opening a
// workspace again does not parse its pack again. Packs are never modified
// once parsed.
var packs sync.Map // hex SHA-256 -> *model.Pack

// loadPack returns the workspace's stored instrument pack, after checking
// that its bytes hash to the hash the identity names.
func loadPack(tx *bbolt.Tx, id model.Identity) (*model.Pack, error) {
	c := packBucket.of(tx).Get(keyPackCanonical)
	if c == nil {
		return nil, model.Errorf(ErrDamaged, "err.store.instrument_missing")
	}
	sum := sha256.Sum256(c)
	h := hex.EncodeToString(sum[:])
	if h != id.InstrumentHash {
		return nil, model.Errorf(ErrDamaged, "err.store.instrument_hash_changed", "Instrument", id.InstrumentID, "Hash", model.ShortSHA(h), "Want", model.ShortSHA(id.InstrumentHash))
	}
	if p, ok := packs.Load(h); ok {
		return p.(*model.Pack), nil
	}
	p, err := model.ParsePackBytes(c)
	if err != nil {
		return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_instrument")
	}
	packs.Store(h, p)
	return p, nil
}

// Close closes the file and releases its lock. Calls after Close return
// ErrClosed.
func (w *Workspace) Close() error { return w.dbErr(w.db.Close()) }

// Path returns the file name the workspace was opened with.
func (w *Workspace) Path() string { return w.path }

// Identity returns who the workspace belongs to and what it assesses.
func (w *Workspace) Identity() model.Identity { return w.ident }

// Pack returns the instrument the workspace is filled against: the copy
// stored in the file, checked against its hash when the file was opened.
func (w *Workspace) Pack() *model.Pack { return w.pack }

// view runs fn in a read transaction; update in a write transaction. Both
// turn a panic or a memory fault inside bbolt (a broken page) into
// ErrDamaged instead of ending the program: this is the store's boundary.
func (w *Workspace) view(fn func(*bbolt.Tx) error) (err error) {
	defer recoverDamage(&err, debug.SetPanicOnFault(true))
	return w.dbErr(w.db.View(fn))
}

func (w *Workspace) update(fn func(*bbolt.Tx) error) (err error) {
	defer recoverDamage(&err, debug.SetPanicOnFault(true))
	return w.dbErr(w.db.Update(fn))
}

func recoverDamage(err *error, fault bool) {
	debug.SetPanicOnFault(fault)
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", ErrDamaged, r)
	}
}

// dbErr turns bbolt's errors into the store's.
func (w *Workspace) dbErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, berrors.ErrDatabaseNotOpen), errors.Is(err, berrors.ErrTxClosed):
		return ErrClosed
	}
	return diskErr(err)
}

// diskErr marks a full disk (or a file at its size limit) with ErrDiskFull.
func diskErr(err error) error {
	if err != nil && !errors.Is(err, ErrDiskFull) && (errors.Is(err, berrors.ErrMaxSizeReached) || isDiskFull(err)) {
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	}
	return err
}

func putJSON(b *bbolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// getJSON decodes the value of key; a missing key is an error.
func getJSON(b *bbolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return model.Detailf("err.store.key_missing", "Key", strconv.Quote(string(key)))
	}
	return json.Unmarshal(data, v)
}

func identityToRec(id model.Identity) identityRec {
	return identityRec{ID: id.ID, Role: string(id.Role), Instansi: id.Instansi, Unit: id.Unit, Year: id.Year,
		InstrumentID: id.InstrumentID, InstrumentHash: id.InstrumentHash, Created: id.Created}
}

func (r identityRec) model() model.Identity {
	return model.Identity{ID: r.ID, Role: model.Role(r.Role), Instansi: r.Instansi, Unit: r.Unit, Year: r.Year,
		InstrumentID: r.InstrumentID, InstrumentHash: r.InstrumentHash, Created: r.Created}
}
