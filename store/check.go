package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// ProblemKind says which part of a workspace a problem concerns.
type ProblemKind string

// The kinds of problems Check finds.
const (
	// ProblemFile: the bbolt structure of the file (pages, free list).
	ProblemFile ProblemKind = "file"
	// ProblemInstrument: the stored instrument pack or the identity.
	ProblemInstrument ProblemKind = "instrument"
	// ProblemAnswer: an answer record.
	ProblemAnswer ProblemKind = "answer"
	// ProblemEvidence: an evidence link or stored evidence bytes.
	ProblemEvidence ProblemKind = "evidence"
	// ProblemHistory: the history log or its hash chain.
	ProblemHistory ProblemKind = "history"
	// ProblemSpace: bytes that belong to nothing. No data is lost, but
	// they take disk space.
	ProblemSpace ProblemKind = "space"
	// ProblemSubmission: an imported submission or the record of its OPD.
	ProblemSubmission ProblemKind = "submission"
	// ProblemCoordination: the OPD registry, the assignment matrix, the
	// target levels, the timeline, the trend, or an OPD's received
	// assignment and its coordinator's key.
	ProblemCoordination ProblemKind = "coordination"
	// ProblemReview: a review decision, a review bundle made or received,
	// or an export an OPD's workspace keeps.
	ProblemReview ProblemKind = "review"
)

// Problem is one thing Check found wrong.
type Problem struct {
	Kind ProblemKind
	// Affects names what the problem touches, e.g. "indikator 12, bukti
	// dukung Perwal-12-2022.pdf (1a2b3c4d5e6f)" or "riwayat / history".
	Affects string
	// Detail says what is wrong.
	Detail string
}

func (p Problem) String() string { return p.Affects + ": " + p.Detail }

// CheckReport is what Check found: the problems and what it looked at.
type CheckReport struct {
	Problems []Problem
	// What was checked.
	Answers, Links, Blobs, HistoryEntries, Submissions int
	// BlobBytes is the size of all stored evidence, each file once.
	BlobBytes int64
}

// OK reports whether Check found no problem.
func (r *CheckReport) OK() bool { return len(r.Problems) == 0 }

func (r *CheckReport) add(kind ProblemKind, affects, format string, a ...any) {
	r.Problems = append(r.Problems, Problem{Kind: kind, Affects: affects, Detail: fmt.Sprintf(format, a...)})
}

// maxFileProblems bounds how many of bbolt's own findings are listed.
const maxFileProblems = 20

// Check examines the whole workspace: bbolt's own consistency check of
// every page, the identity and the instrument pack against its hash, every
// answer against the instrument, every evidence link, imported submission
// and blob record and their reference counts, every chunk, the hash chain
// of the history, and then re-hashes every stored file, reporting progress
// in bytes. Each problem
// says what it affects. The error is for the check itself failing (ctx
// cancelled, workspace closed); problems found are in the report.
func (w *Workspace) Check(ctx context.Context, progress func(done, total int64)) (*CheckReport, error) {
	r := &CheckReport{}
	var blobs map[[32]byte]blobRec
	var linked map[[32]byte][]string
	err := w.view(func(tx *bbolt.Tx) error {
		// Walk every page here first, where a broken page turns into
		// ErrDamaged: bbolt's own check runs in a goroutine of its own,
		// where a fault on the memory map would end the program.
		if err := walk(tx); err != nil {
			return err
		}
		w.checkIdentity(tx, r)
		w.checkAnswers(tx, r)
		blobs, linked = w.checkEvidence(tx, r)
		w.checkHistory(tx, r)
		w.checkCoordination(tx, r)
		w.checkReviews(tx, r)
		n := 0
		for err := range tx.Check() {
			if n++; n <= maxFileProblems {
				r.add(ProblemFile, "struktur berkas / file structure", "%v", err)
			}
		}
		if n > maxFileProblems {
			r.add(ProblemFile, "struktur berkas / file structure", "%d masalah lain / more problems", n-maxFileProblems)
		}
		return nil
	})
	switch {
	case errors.Is(err, ErrDamaged):
		r.add(ProblemFile, "struktur berkas / file structure", "%v", err)
		return r, nil
	case err != nil:
		return nil, err
	}
	return r, w.rehash(ctx, r, blobs, linked, progress)
}

// walk visits every key of every bucket, and so every branch and leaf page.
func walk(tx *bbolt.Tx) error {
	return tx.ForEach(func(_ []byte, b *bbolt.Bucket) error {
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
		}
		return nil
	})
}

func (w *Workspace) checkIdentity(tx *bbolt.Tx, r *CheckReport) {
	const affects = "identitas dan instrumen / identity and instrument"
	meta := metaBucket.of(tx)
	if v := meta.Get(keyVersion); len(v) != 8 || binary.BigEndian.Uint64(v) != schemaVersion {
		r.add(ProblemInstrument, affects, "versi skema %x, seharusnya %d / schema version %x, want %d", v, schemaVersion, v, schemaVersion)
	}
	var id identityRec
	if err := getJSON(meta, keyIdentity, &id); err != nil {
		r.add(ProblemInstrument, affects, "identitas tidak terbaca / identity unreadable: %v", err)
	} else if id.model() != w.ident {
		r.add(ProblemInstrument, affects, "identitas berubah sejak dibuka / identity changed since the file was opened")
	}
	if _, err := loadPack(tx, w.ident); err != nil {
		r.add(ProblemInstrument, affects, "%v", err)
	}
}

func (w *Workspace) checkAnswers(tx *bbolt.Tx, r *CheckReport) {
	_ = answersBucket.of(tx).ForEach(func(k, v []byte) error {
		r.Answers++
		if len(k) != 4 {
			r.add(ProblemAnswer, fmt.Sprintf("jawaban / answer %x", k), "kunci tidak sah / malformed key")
			return nil
		}
		no := int(binary.BigEndian.Uint32(k))
		affects := fmt.Sprintf("indikator %d, jawaban / indicator %d, answer", no, no)
		var rec answerRec
		if err := json.Unmarshal(v, &rec); err != nil {
			r.add(ProblemAnswer, affects, "tidak terbaca / unreadable: %v", err)
			return nil
		}
		if err := w.pack.CheckValue(no, model.Hundredths(rec.Value)); err != nil {
			r.add(ProblemAnswer, affects, "%v", err)
		}
		return nil
	})
}

// checkEvidence checks links, blobs and chunks, and returns the blobs and
// the names of the links of each, for the re-hash.
func (w *Workspace) checkEvidence(tx *bbolt.Tx, r *CheckReport) (map[[32]byte]blobRec, map[[32]byte][]string) {
	blobs := map[[32]byte]blobRec{}
	_ = blobsBucket.of(tx).ForEach(func(k, v []byte) error {
		var rec blobRec
		if len(k) != 32 || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemEvidence, fmt.Sprintf("blob %x", k), "catatan tidak terbaca / record unreadable")
			return nil
		}
		blobs[[32]byte(k)] = rec
		return nil
	})
	linked := map[[32]byte][]string{}
	counts := map[[32]byte]int{}
	_ = linksBucket.of(tx).ForEach(func(k, v []byte) error {
		r.Links++
		no, sum, ok := parseLinkKey(k)
		var rec linkRec
		if !ok || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemEvidence, fmt.Sprintf("tautan bukti / evidence link %x", k), "tidak terbaca / unreadable")
			return nil
		}
		affects := fmt.Sprintf("indikator %d, bukti dukung / indicator %d, evidence %s (%x)", no, no, rec.Name, sum[:6])
		linked[sum] = append(linked[sum], fmt.Sprintf("indikator %d %s", no, rec.Name))
		counts[sum]++
		if w.pack.Indicator(no) == nil {
			r.add(ProblemEvidence, affects, "indikator tidak ada dalam instrumen / indicator not in the instrument")
		}
		if _, ok := blobs[sum]; !ok {
			r.add(ProblemEvidence, affects, "isi berkas tidak tersimpan / the file's bytes are not stored")
		}
		return nil
	})
	for sum, n := range submissionRefs(tx, r) {
		counts[sum] += n
		if _, ok := blobs[sum]; !ok {
			r.add(ProblemSubmission, blobAffects(sum, linked[sum]), "isi berkas kiriman tidak tersimpan / the bytes of a submitted file are not stored")
		}
		linked[sum] = append(linked[sum], "kiriman OPD / OPD submission")
	}
	extents := map[uint64][32]byte{}
	for sum, b := range blobs {
		r.Blobs++
		r.BlobBytes += b.Size
		if counts[sum] != b.Links {
			r.add(ProblemEvidence, blobAffects(sum, linked[sum]), "tercatat %d tautan, ada %d / records %d links, has %d", b.Links, counts[sum], b.Links, counts[sum])
		}
		extents[b.Extent] = sum
	}
	pending := map[uint64]bool{}
	_ = pendingBucket.of(tx).ForEach(func(k, _ []byte) error {
		if len(k) == 8 {
			pending[binary.BigEndian.Uint64(k)] = true
		}
		return nil
	})
	// Walk every chunk once: each extent's chunks must be numbered from 0
	// without gaps and add up to the blob's size.
	type seen struct {
		chunks uint32
		size   int64
		gap    bool
	}
	exts := map[uint64]*seen{}
	c := chunksBucket.of(tx).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 12 {
			r.add(ProblemSpace, fmt.Sprintf("potongan / chunk %x", k), "kunci tidak sah / malformed key")
			continue
		}
		ext, i := binary.BigEndian.Uint64(k), binary.BigEndian.Uint32(k[8:])
		s := exts[ext]
		if s == nil {
			s = &seen{}
			exts[ext] = s
		}
		if i != s.chunks {
			s.gap = true
		}
		s.chunks = i + 1
		s.size += int64(len(v))
	}
	for ext, s := range exts {
		if _, ok := extents[ext]; !ok && !pending[ext] {
			r.add(ProblemSpace, fmt.Sprintf("potongan tanpa pemilik / orphan chunks, extent %d", ext), "%d potongan, %s / %d chunks", s.chunks, model.SizeText(s.size), s.chunks)
		}
	}
	for ext, sum := range extents {
		b, s := blobs[sum], exts[ext]
		switch {
		case s == nil:
			r.add(ProblemEvidence, blobAffects(sum, linked[sum]), "isi berkas hilang / the file's bytes are missing")
		case s.gap || s.chunks != b.Chunks || s.size != b.Size:
			r.add(ProblemEvidence, blobAffects(sum, linked[sum]), "potongan tidak lengkap: %d dari %d, %d dari %d bita / chunks incomplete: %d of %d, %d of %d bytes",
				s.chunks, b.Chunks, s.size, b.Size, s.chunks, b.Chunks, s.size, b.Size)
		}
	}
	return blobs, linked
}

func blobAffects(sum [32]byte, links []string) string {
	s := fmt.Sprintf("bukti dukung / evidence %x", sum[:6])
	if len(links) > 0 {
		sort.Strings(links)
		s += " (" + strings.Join(links, ", ") + ")"
	}
	return s
}

func (w *Workspace) checkHistory(tx *bbolt.Tx, r *CheckReport) {
	const affects = "riwayat perubahan / history"
	var changes []model.Change
	bad := false
	_ = historyBucket.of(tx).ForEach(func(k, v []byte) error {
		var rec changeRec
		if len(k) != 8 || json.Unmarshal(v, &rec) != nil {
			r.add(ProblemHistory, affects, "entri %x tidak terbaca / entry unreadable", k)
			bad = true
			return nil
		}
		if binary.BigEndian.Uint64(k) != rec.Seq {
			r.add(ProblemHistory, affects, "entri %d tersimpan di tempat entri %d / entry %d stored as %d", rec.Seq, binary.BigEndian.Uint64(k), rec.Seq, binary.BigEndian.Uint64(k))
			bad = true
		}
		changes = append(changes, rec.model())
		return nil
	})
	r.HistoryEntries = len(changes)
	if err := model.VerifyChain(changes, "", 1); err != nil && !bad {
		r.add(ProblemHistory, affects, "%v", err)
	}
}

// checkCoordination checks the registry, the assignment matrix and the
// target levels record by record, and that the timeline, the trend, an
// OPD's received assignment and its coordinator's key read back.
func (w *Workspace) checkCoordination(tx *bbolt.Tx, r *CheckReport) {
	names := map[string]string{}
	_ = registryBucket.of(tx).ForEach(func(k, v []byte) error {
		affects := fmt.Sprintf("daftar OPD / registry %s", k)
		var rec registryRec
		if err := json.Unmarshal(v, &rec); err != nil {
			r.add(ProblemCoordination, affects, "tidak terbaca / unreadable: %v", err)
			return nil
		}
		code, err := model.NormalizeCode(rec.Code)
		switch {
		case err != nil || code != string(k) || rec.Code != code:
			r.add(ProblemCoordination, affects, "kode tidak sah / invalid code %q", rec.Code)
		case strings.TrimSpace(rec.Name) == "":
			r.add(ProblemCoordination, affects, "%v", model.ErrOPDName)
		case names[string(opdKey(rec.Name))] != "":
			r.add(ProblemCoordination, affects, "%v: %s", model.ErrOPDExists, names[string(opdKey(rec.Name))])
		}
		names[string(opdKey(rec.Name))] = rec.Code
		if rec.Key != nil {
			if _, err := rec.Key.model(); err != nil {
				r.add(ProblemCoordination, affects, "%v", err)
			}
		}
		return nil
	})
	_ = assignmentsBucket.of(tx).ForEach(func(k, v []byte) error {
		affects := fmt.Sprintf("penugasan / assignment %s", k)
		var a assignmentRec
		if err := json.Unmarshal(v, &a); err != nil {
			r.add(ProblemCoordination, affects, "tidak terbaca / unreadable: %v", err)
			return nil
		}
		if registryBucket.of(tx).Get(k) == nil {
			r.add(ProblemCoordination, affects, "%v", model.ErrNoSuchOPD)
		}
		for _, no := range a.Indicators {
			if w.pack.Indicator(no) == nil {
				r.add(ProblemCoordination, affects, "indikator %d: %v", no, model.ErrUnknownIndicator)
			}
		}
		return nil
	})
	if t, err := targets(tx); err != nil {
		r.add(ProblemCoordination, "target tingkat / target levels", "%v", err)
	} else {
		for no, v := range t {
			if err := w.pack.CheckValue(no, v); err != nil || v == model.Unanswered {
				r.add(ProblemCoordination, "target tingkat / target levels", "indikator %d: %s", no, v.ID())
			}
		}
	}
	meta := metaBucket.of(tx)
	if t, err := w.timeline(tx); err != nil {
		r.add(ProblemCoordination, "jadwal / timeline", "%v", err)
	} else if err := t.Check(); err != nil {
		r.add(ProblemCoordination, "jadwal / timeline", "%v", err)
	}
	if t, err := trend(meta); err != nil {
		r.add(ProblemCoordination, "tren / trend", "%v", err)
	} else if err := model.CheckTrend(t, w.pack); err != nil {
		r.add(ProblemCoordination, "tren / trend", "%v", err)
	}
	if _, err := heldAssignment(meta); err != nil {
		r.add(ProblemCoordination, "penugasan diterima / received assignment", "%v", err)
	}
	if meta.Get(keyCoordinatorKey) != nil {
		var pin pinnedKeyRec
		if err := getJSON(meta, keyCoordinatorKey, &pin); err != nil {
			r.add(ProblemCoordination, "kunci koordinator / coordinator key", "%v", err)
		} else if _, err := pin.Key.model(); err != nil {
			r.add(ProblemCoordination, "kunci koordinator / coordinator key", "%v", err)
		}
	}
}

// rehash reads every blob back and compares its hash.
func (w *Workspace) rehash(ctx context.Context, r *CheckReport, blobs map[[32]byte]blobRec, linked map[[32]byte][]string, progress func(done, total int64)) error {
	sums := make([][32]byte, 0, len(blobs))
	var total int64
	for sum, b := range blobs {
		sums = append(sums, sum)
		total += b.Size
	}
	sort.Slice(sums, func(i, j int) bool { return bytes.Compare(sums[i][:], sums[j][:]) < 0 })
	var done int64
	buf := make([]byte, 64<<10)
	for _, sum := range sums {
		rd, err := w.OpenEvidence(hex.EncodeToString(sum[:]))
		if errors.Is(err, ErrNoSuchEvidence) {
			continue // detached meanwhile
		}
		if err != nil {
			return err
		}
		for {
			if err = ctx.Err(); err != nil {
				return err
			}
			var n int
			n, err = rd.Read(buf)
			done += int64(n)
			if progress != nil && n > 0 {
				progress(done, total)
			}
			if err != nil {
				break
			}
		}
		switch {
		case err == io.EOF, errors.Is(err, ErrNoSuchEvidence):
		case errors.Is(err, ErrEvidenceCorrupt), errors.Is(err, ErrDamaged):
			r.add(ProblemEvidence, blobAffects(sum, linked[sum]), "%v", err)
		default:
			return err
		}
	}
	return nil
}
