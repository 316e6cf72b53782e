package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// EvidenceMeta describes an evidence document. It belongs to one link: the
// same file linked to two indicators can carry two descriptions.
type EvidenceMeta struct {
	// Title and DocNo name the document: "Peraturan Wali Kota tentang
	// Arsitektur SPBE", "12 Tahun 2022".
	Title, DocNo string
	// DocDate is the document's date; ValidUntil its last valid day. Zero
	// dates are not given.
	DocDate, ValidUntil model.Date
	// Level is the maturity level the file supports, 1–5, or 0 when not
	// said.
	Level int
}

func (m EvidenceMeta) check() error {
	if m.Level < 0 || m.Level > 5 {
		return model.Errorf(ErrEvidenceMeta, "err.store.level_out_of_range", "Level", m.Level)
	}
	if !m.DocDate.IsZero() && !m.ValidUntil.IsZero() && m.ValidUntil.Before(m.DocDate) {
		return model.Errorf(ErrEvidenceMeta, "err.store.valid_until_before_date",
			"ValidUntil", m.ValidUntil.String(), "DocDate", m.DocDate.String())
	}
	if err := checkText("judul / title", m.Title); err != nil {
		return err
	}
	return checkText("nomor dokumen / document number", m.DocNo)
}

// AttachResult says what an attach found besides the new link.
type AttachResult struct {
	// AlreadyStored: the same bytes were already in the workspace, so
	// nothing new was stored.
	AlreadyStored bool
	// AlreadyLinked: the indicator already had this file; the link was left
	// as it was (change it with UpdateEvidence).
	AlreadyLinked bool
}

// Attach links the file at path to indicator no. The bytes are read once,
// hashed as they are read and stored in chunks under their SHA-256, once
// however many indicators link them. A missing, unreadable or empty file, a
// directory and a file larger than the free disk space are refused before
// anything is written, with a *SourceError or a *SpaceError. A cancelled ctx
// or a disk that fills up half way leave the workspace as it was. progress,
// when not nil, is called with the bytes stored so far and the file size.
func (w *Workspace) Attach(ctx context.Context, by string, no int, path string, meta EvidenceMeta, progress func(done, total int64)) (model.Evidence, AttachResult, error) {
	if err := w.checkLink(by, no, meta); err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return model.Evidence{}, AttachResult{}, &SourceError{Path: path, Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	switch {
	case err != nil:
		return model.Evidence{}, AttachResult{}, &SourceError{Path: path, Err: err}
	case st.IsDir():
		return model.Evidence{}, AttachResult{}, &SourceError{Path: path, Err: ErrIsDirectory}
	case !st.Mode().IsRegular():
		return model.Evidence{}, AttachResult{}, &SourceError{Path: path, Err: ErrNotRegular}
	case st.Size() == 0:
		return model.Evidence{}, AttachResult{}, &SourceError{Path: path, Err: ErrEmptyFile}
	}
	if err := w.checkSpace(st.Size()); err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	return w.attach(ctx, by, no, filepath.Base(path), path, f, st.Size(), meta, progress)
}

// AttachReader is Attach for bytes that come from r under the file name
// name. The size is not known up front, so progress gets -1 as the total
// and the free space is not checked before writing (a full disk still fails
// cleanly).
func (w *Workspace) AttachReader(ctx context.Context, by string, no int, name string, r io.Reader, meta EvidenceMeta, progress func(done, total int64)) (model.Evidence, AttachResult, error) {
	if err := w.checkLink(by, no, meta); err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	return w.attach(ctx, by, no, name, name, r, -1, meta, progress)
}

func (w *Workspace) checkLink(by string, no int, meta EvidenceMeta) error {
	if _, err := author(by); err != nil {
		return err
	}
	if _, err := w.indicator(no); err != nil {
		return err
	}
	return meta.check()
}

// checkSpace refuses a file that cannot fit: its bytes, the bbolt pages
// around them (under 2 %) and the file growing in steps of up to 16 MiB,
// against the free disk space plus the free pages inside the file.
func (w *Workspace) checkSpace(size int64) error {
	free, ok := freeSpace(filepath.Dir(w.path))
	if !ok {
		return nil
	}
	free += int64(w.db.Stats().FreePageN) * int64(w.db.Info().PageSize)
	if need := size + size/32 + 16<<20; need > free {
		return &SpaceError{Need: need, Free: free}
	}
	return nil
}

// cleanName keeps the base name of a file name from any system.
func cleanName(name string) string {
	name = name[strings.LastIndexAny(name, `/\`)+1:]
	return strings.TrimSpace(name)
}

// attach stores the bytes of r and links them. A file that fits into one
// transaction (chunksPerTx chunks) is stored and linked by that one
// transaction. A bigger one is written chunk by chunk into a pending extent
// by bounded transactions and made visible by a final small one that writes
// the blob record and the link; if anything fails before, the pending
// chunks are deleted again (or by the next Open, after a crash).
func (w *Workspace) attach(ctx context.Context, by string, no int, name, source string, r io.Reader, size int64, meta EvidenceMeta, progress func(done, total int64)) (model.Evidence, AttachResult, error) {
	by, _ = author(by)
	name = cleanName(name)
	if name == "" {
		return model.Evidence{}, AttachResult{}, &SourceError{Path: source, Err: model.Detailf("err.store.file_without_name")}
	}
	if err := checkText("nama berkas / file name", name); err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	up := upload{w: w, r: r, source: source, h: sha256.New(), bufs: make([][]byte, w.chunksPerTx)}
	if err := ctx.Err(); err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	batch, eof, err := up.read()
	if err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	if up.n == 0 {
		return model.Evidence{}, AttachResult{}, &SourceError{Path: source, Err: ErrEmptyFile}
	}
	if eof {
		ev, res, err := w.link(by, no, name, meta, up.sum(), up.n, batch, 0, 0)
		if err == nil && progress != nil {
			progress(up.n, size)
		}
		return ev, res, err
	}

	ext, err := w.newExtent(name)
	if err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	keep := false
	defer func() {
		if !keep {
			// Best effort: what is left is removed by the next Open.
			_ = w.purgeExtent(ext)
		}
	}()
	var chunks uint32
	for {
		if err := w.update(func(tx *bbolt.Tx) error { return putChunks(tx, ext, chunks, batch) }); err != nil {
			return model.Evidence{}, AttachResult{}, err
		}
		w.release()
		chunks += uint32(len(batch))
		if progress != nil {
			progress(up.n, size)
		}
		if eof {
			break
		}
		if err := ctx.Err(); err != nil {
			return model.Evidence{}, AttachResult{}, err
		}
		if batch, eof, err = up.read(); err != nil {
			return model.Evidence{}, AttachResult{}, err
		}
		if len(batch) == 0 {
			break
		}
	}
	ev, res, err := w.link(by, no, name, meta, up.sum(), up.n, nil, ext, chunks)
	keep = err == nil && !res.AlreadyStored
	return ev, res, err
}

// upload reads a source in batches of chunks, hashing what it reads.
type upload struct {
	w      *Workspace
	r      io.Reader
	source string
	h      hash.Hash
	n      int64
	// bufs are reused from batch to batch: bbolt keeps a value only until
	// the transaction that wrote it ends.
	bufs [][]byte
}

// read returns up to chunksPerTx chunks; eof says the source is at its end.
func (u *upload) read() (batch [][]byte, eof bool, err error) {
	for i := range u.bufs {
		if u.bufs[i] == nil {
			u.bufs[i] = make([]byte, u.w.chunkSize)
		}
		m, err := io.ReadFull(u.r, u.bufs[i])
		if m > 0 {
			u.h.Write(u.bufs[i][:m])
			u.n += int64(m)
			batch = append(batch, u.bufs[i][:m])
		}
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			return batch, true, nil
		case err != nil:
			return nil, false, &SourceError{Path: u.source, Err: err}
		}
	}
	return batch, false, nil
}

func (u *upload) sum() (s [32]byte) {
	copy(s[:], u.h.Sum(nil))
	return s
}

func putChunks(tx *bbolt.Tx, ext uint64, first uint32, batch [][]byte) error {
	c := chunksBucket.of(tx)
	for i, b := range batch {
		if err := c.Put(chunkKey(ext, first+uint32(i)), b); err != nil {
			return err
		}
	}
	return nil
}

// newExtent registers a pending extent for an upload.
func (w *Workspace) newExtent(name string) (ext uint64, err error) {
	err = w.update(func(tx *bbolt.Tx) error {
		p := pendingBucket.of(tx)
		if ext, err = p.NextSequence(); err != nil {
			return err
		}
		return putJSON(p, u64Key(ext), pendingRec{Started: now(), Reason: "upload", Name: name})
	})
	return ext, err
}

// link makes stored bytes visible, in one transaction: the blob record
// (unless the same bytes are stored already), the link and its history
// entry. The bytes are either inline (a small file: written here, under a
// new extent) or in the pending extent ext with chunks chunks.
func (w *Workspace) link(by string, no int, name string, meta EvidenceMeta, sum [32]byte, size int64, inline [][]byte, ext uint64, chunks uint32) (model.Evidence, AttachResult, error) {
	var ev model.Evidence
	var res AttachResult
	err := w.update(func(tx *bbolt.Tx) error {
		key := linkKey(no, sum)
		if v := linksBucket.of(tx).Get(key); v != nil {
			res = AttachResult{AlreadyStored: true, AlreadyLinked: true}
			var l linkRec
			if err := json.Unmarshal(v, &l); err != nil {
				return model.Wrapf(err, ErrDamaged, "err.store.evidence_sha", "SHA", hexOf(sum[:6]))
			}
			ev = l.model(no, sum, size)
			return errNoChange
		}
		blobs := blobsBucket.of(tx)
		var blob blobRec
		if found, err := getBlob(tx, sum, &blob); err != nil {
			return err
		} else if found {
			res.AlreadyStored = true
			blob.Links++
		} else {
			if inline != nil {
				var err error
				if ext, err = pendingBucket.of(tx).NextSequence(); err != nil {
					return err
				}
				if err := putChunks(tx, ext, 0, inline); err != nil {
					return err
				}
				chunks = uint32(len(inline))
			} else if err := pendingBucket.of(tx).Delete(u64Key(ext)); err != nil {
				return err
			}
			blob = blobRec{Size: size, Extent: ext, Chunks: chunks, Links: 1}
		}
		if err := putJSON(blobs, sum[:], blob); err != nil {
			return err
		}
		l := linkToRec(name, meta, by, now())
		if err := putJSON(linksBucket.of(tx), key, l); err != nil {
			return err
		}
		ev = l.model(no, sum, size)
		return appendChanges(tx, []model.Change{{At: l.At, By: by, Indicator: no, Field: model.FieldEvidenceAdded, New: linkName(ev)}})
	})
	if errors.Is(err, errNoChange) {
		err = nil
	}
	if err != nil {
		return model.Evidence{}, AttachResult{}, err
	}
	return ev, res, nil
}

func getBlob(tx *bbolt.Tx, sum [32]byte, blob *blobRec) (found bool, err error) {
	v := blobsBucket.of(tx).Get(sum[:])
	if v == nil {
		return false, nil
	}
	if err := json.Unmarshal(v, blob); err != nil {
		return false, fmt.Errorf("%w: blob %x: %v", ErrDamaged, sum[:6], err)
	}
	return true, nil
}

// purgeExtent deletes the chunks of a pending extent, purgePerTx chunks a
// transaction, and then its pending record.
func (w *Workspace) purgeExtent(ext uint64) error {
	prefix := u64Key(ext)
	for {
		done := false
		err := w.update(func(tx *bbolt.Tx) error {
			b := chunksBucket.of(tx)
			var keys [][]byte
			c := b.Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(keys) < w.purgePerTx; k, _ = c.Next() {
				keys = append(keys, bytes.Clone(k))
			}
			for _, k := range keys {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			if len(keys) < w.purgePerTx {
				done = true
				return pendingBucket.of(tx).Delete(prefix)
			}
			return nil
		})
		w.release()
		if err != nil || done {
			return err
		}
	}
}

// release drops the pages of the file mapped into the process; see
// releaseMapped.
func (w *Workspace) release() {
	_ = w.view(func(tx *bbolt.Tx) error {
		releaseMapped(tx)
		return nil
	})
}

// purgePending removes every pending extent: on Open, all of them are left
// over from an attach or detach that did not finish.
func (w *Workspace) purgePending(ctx context.Context) error {
	var exts []uint64
	err := w.view(func(tx *bbolt.Tx) error {
		return pendingBucket.of(tx).ForEach(func(k, _ []byte) error {
			if len(k) == 8 {
				exts = append(exts, binary.BigEndian.Uint64(k))
			}
			return nil
		})
	})
	for _, ext := range exts {
		if err != nil {
			return err
		}
		if err = ctx.Err(); err == nil {
			err = w.purgeExtent(ext)
		}
	}
	return err
}

// findLink finds the link of indicator no whose SHA-256 starts with prefix
// (hex, any case).
func findLink(tx *bbolt.Tx, no int, prefix string) (sum [32]byte, rec linkRec, err error) {
	prefix = strings.ToLower(strings.TrimSpace(prefix))
	if prefix == "" || len(prefix) > 64 || strings.Trim(prefix, "0123456789abcdef") != "" {
		return sum, rec, model.Errorf(ErrNoSuchEvidence, "err.store.not_hex_prefix", "Prefix", strconv.Quote(prefix))
	}
	found := 0
	c := linksBucket.of(tx).Cursor()
	ip := indicatorKey(no)
	for k, v := c.Seek(ip); k != nil && bytes.HasPrefix(k, ip); k, v = c.Next() {
		_, s, ok := parseLinkKey(k)
		if !ok || !strings.HasPrefix(hex.EncodeToString(s[:]), prefix) {
			continue
		}
		found++
		sum = s
		if err := json.Unmarshal(v, &rec); err != nil {
			return sum, rec, model.Wrapf(err, ErrDamaged, "err.store.evidence_sha", "SHA", hexOf(s[:6]))
		}
	}
	switch found {
	case 0:
		return sum, rec, fmt.Errorf("indikator %d, %s: %w", no, prefix, ErrNoSuchEvidence)
	case 1:
		return sum, rec, nil
	}
	return sum, rec, fmt.Errorf("indikator %d, %s: %w", no, prefix, ErrAmbiguousPrefix)
}

// UpdateEvidence changes the details of the link between indicator no and
// the file whose SHA-256 is sha (or starts with it), with one history
// entry. It returns the link as it is now.
func (w *Workspace) UpdateEvidence(by string, no int, sha string, meta EvidenceMeta) (model.Evidence, error) {
	by, err := author(by)
	if err != nil {
		return model.Evidence{}, err
	}
	if _, err := w.indicator(no); err != nil {
		return model.Evidence{}, err
	}
	if err := meta.check(); err != nil {
		return model.Evidence{}, err
	}
	var ev model.Evidence
	err = w.update(func(tx *bbolt.Tx) error {
		sum, rec, err := findLink(tx, no, sha)
		if err != nil {
			return err
		}
		var blob blobRec
		if _, err := getBlob(tx, sum, &blob); err != nil {
			return err
		}
		updated := linkToRec(rec.Name, meta, rec.By, rec.At)
		ev = updated.model(no, sum, blob.Size)
		if updated == rec {
			return errNoChange
		}
		if err := putJSON(linksBucket.of(tx), linkKey(no, sum), updated); err != nil {
			return err
		}
		return appendChanges(tx, []model.Change{{At: now(), By: by, Indicator: no, Field: model.FieldEvidenceChanged,
			Old: linkName(ev) + ": " + rec.details(), New: linkName(ev) + ": " + updated.details()}})
	})
	if errors.Is(err, errNoChange) {
		err = nil
	}
	return ev, err
}

// Detach removes the link between indicator no and the file whose SHA-256
// starts with prefix (ErrNoSuchEvidence, ErrAmbiguousPrefix), with one
// history entry. The bytes are freed with their last link. It returns the
// link that was removed.
func (w *Workspace) Detach(by string, no int, prefix string) (model.Evidence, error) {
	by, err := author(by)
	if err != nil {
		return model.Evidence{}, err
	}
	if _, err := w.indicator(no); err != nil {
		return model.Evidence{}, err
	}
	var ev model.Evidence
	var freed uint64
	err = w.update(func(tx *bbolt.Tx) error {
		sum, rec, err := findLink(tx, no, prefix)
		if err != nil {
			return err
		}
		var blob blobRec
		if found, err := getBlob(tx, sum, &blob); err != nil {
			return err
		} else if !found {
			return model.Errorf(ErrDamaged, "err.store.blob_missing", "SHA", hexOf(sum[:6]))
		}
		ev = rec.model(no, sum, blob.Size)
		if err := linksBucket.of(tx).Delete(linkKey(no, sum)); err != nil {
			return err
		}
		if blob.Links--; blob.Links > 0 {
			err = putJSON(blobsBucket.of(tx), sum[:], blob)
		} else {
			// The chunks may be many: they become pending garbage here,
			// in this small transaction, and are deleted afterwards.
			freed = blob.Extent
			if err = blobsBucket.of(tx).Delete(sum[:]); err == nil {
				err = putJSON(pendingBucket.of(tx), u64Key(blob.Extent), pendingRec{Started: now(), Reason: "freed", Name: rec.Name})
			}
		}
		if err != nil {
			return err
		}
		return appendChanges(tx, []model.Change{{At: now(), By: by, Indicator: no, Field: model.FieldEvidenceRemoved, Old: linkName(ev)}})
	})
	if err != nil {
		return model.Evidence{}, err
	}
	if freed != 0 {
		// Best effort: what is left is removed by the next Open.
		_ = w.purgeExtent(freed)
	}
	return ev, nil
}

// Evidence returns the evidence links of indicator no, or every link when
// no is 0, ordered by indicator and the time they were linked.
func (w *Workspace) Evidence(no int) ([]model.Evidence, error) {
	var out []model.Evidence
	err := w.view(func(tx *bbolt.Tx) (err error) {
		out, err = links(tx, no)
		return err
	})
	return out, err
}

// links reads the links of indicator no (every link for 0) with the size of
// their blobs, ordered as model.SortEvidence orders them.
func links(tx *bbolt.Tx, no int) ([]model.Evidence, error) {
	var out []model.Evidence
	var prefix []byte
	if no != 0 {
		prefix = indicatorKey(no)
	}
	c := linksBucket.of(tx).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		ind, sum, ok := parseLinkKey(k)
		var rec linkRec
		if !ok || json.Unmarshal(v, &rec) != nil {
			return nil, model.Errorf(ErrDamaged, "err.store.detail_evidence_link", "Key", hexOf(k))
		}
		var blob blobRec
		if _, err := getBlob(tx, sum, &blob); err != nil {
			return nil, err
		}
		out = append(out, rec.model(ind, sum, blob.Size))
	}
	model.SortEvidence(out)
	return out, nil
}

func linkToRec(name string, m EvidenceMeta, by string, at time.Time) linkRec {
	return linkRec{Name: name, Title: strings.TrimSpace(m.Title), DocNo: strings.TrimSpace(m.DocNo), DocDate: m.DocDate.String(),
		ValidUntil: m.ValidUntil.String(), Level: m.Level, By: by, At: at}
}

func (r linkRec) model(no int, sum [32]byte, size int64) model.Evidence {
	// The dates were written by linkToRec from model.Dates; a date that
	// does not parse any more is shown as not given.
	doc, _ := model.ParseDate(r.DocDate)
	valid, _ := model.ParseDate(r.ValidUntil)
	return model.Evidence{Indicator: no, SHA256: hex.EncodeToString(sum[:]), Size: size, Name: r.Name, Title: r.Title,
		DocNo: r.DocNo, DocDate: doc, ValidUntil: valid, Level: r.Level, By: r.By, At: r.At}
}

// linkName is how a link reads in the history: "Perwal-12-2022.pdf
// (1a2b3c4d5e6f)".
func linkName(e model.Evidence) string { return e.Name + " (" + e.ShortHash() + ")" }

// details is how a link's description reads in the history.
func (r linkRec) details() string {
	parts := []string{}
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+" "+v)
		}
	}
	if r.Title != "" {
		parts = append(parts, fmt.Sprintf("judul %q", r.Title))
	}
	add("nomor", r.DocNo)
	add("tanggal", r.DocDate)
	add("berlaku s.d.", r.ValidUntil)
	if r.Level != 0 {
		add("tingkat", fmt.Sprint(r.Level))
	}
	if len(parts) == 0 {
		return "tanpa keterangan"
	}
	return strings.Join(parts, "; ")
}

// OpenEvidence streams the stored bytes of the file with SHA-256 sha (full
// hex). Each Read fetches at most one chunk in its own short read
// transaction, so a long read never holds the file; the bytes are hashed as
// they are read and the Read that reaches the end returns
// ErrEvidenceCorrupt instead of io.EOF when they do not hash back to sha.
func (w *Workspace) OpenEvidence(sha string) (io.ReadCloser, error) {
	sum, ok := parseSum(strings.ToLower(sha))
	if !ok {
		return nil, fmt.Errorf("%q: %w", sha, ErrNoSuchEvidence)
	}
	var blob blobRec
	err := w.view(func(tx *bbolt.Tx) error {
		found, err := getBlob(tx, sum, &blob)
		if err == nil && !found {
			err = fmt.Errorf("%.12s: %w", sha, ErrNoSuchEvidence)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &evidenceReader{w: w, sum: sum, blob: blob, h: sha256.New()}, nil
}

// evidenceReader reads a blob chunk by chunk.
type evidenceReader struct {
	w    *Workspace
	sum  [32]byte
	blob blobRec
	h    hash.Hash
	next uint32 // the next chunk to fetch
	n    int64  // bytes fetched
	buf  []byte // the current chunk
	rest []byte // its unread part
	err  error
}

func (r *evidenceReader) Read(p []byte) (int, error) {
	for len(r.rest) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		if r.next == r.blob.Chunks {
			r.err = io.EOF
			if r.n != r.blob.Size || !bytes.Equal(r.h.Sum(nil), r.sum[:]) {
				r.err = fmt.Errorf("%x: %w", r.sum[:6], ErrEvidenceCorrupt)
			}
			continue
		}
		r.err = r.w.view(func(tx *bbolt.Tx) error {
			v := chunksBucket.of(tx).Get(chunkKey(r.blob.Extent, r.next))
			if v == nil {
				if found, _ := getBlob(tx, r.sum, &blobRec{}); !found {
					return fmt.Errorf("%x: %w", r.sum[:6], model.Within(ErrNoSuchEvidence, "err.store.removed_while_read"))
				}
				return fmt.Errorf("%x: %w", r.sum[:6], model.Within(ErrEvidenceCorrupt, "err.store.chunk_missing", "Chunk", r.next))
			}
			r.buf = append(r.buf[:0], v...)
			releaseMapped(tx)
			return nil
		})
		if r.err == nil {
			r.h.Write(r.buf)
			r.n += int64(len(r.buf))
			r.rest = r.buf
			r.next++
		}
	}
	n := copy(p, r.rest)
	r.rest = r.rest[n:]
	return n, nil
}

// Close ends the reading; nothing is held between Reads.
func (r *evidenceReader) Close() error {
	r.err = ErrClosed
	r.rest = nil
	return nil
}
