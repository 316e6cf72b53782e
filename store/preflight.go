package store

import (
	"encoding/binary"
	"hash/fnv"
	"os"

	"github.com/swanilai/swanilai/model"
)

// bbolt's meta page, as it lies on disk (format version 2, little endian
// on every platform Swanilai is built for): a 16-byte page header, then
// magic, version, page size, flags (4 bytes each), the root bucket (root
// page id, sequence), the free list page id, the high-water page id, the
// transaction id and an FNV-64a checksum over everything before it.
const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	metaOff         = 16
	metaChecksumOff = metaOff + 56
	metaSize        = metaChecksumOff + 8
)

type boltMeta struct {
	pageSize  uint32
	highWater uint64 // pages in use: the file must hold them all
	txid      uint64
}

// parseMeta reads a meta page; ok is false when it is not a valid one.
func parseMeta(b []byte) (m boltMeta, ok bool) {
	if len(b) < metaSize {
		return m, false
	}
	le := binary.LittleEndian
	h := fnv.New64a()
	h.Write(b[metaOff:metaChecksumOff])
	if le.Uint32(b[metaOff:]) != boltMagic || le.Uint32(b[metaOff+4:]) != boltVersion || h.Sum64() != le.Uint64(b[metaChecksumOff:]) {
		return m, false
	}
	return boltMeta{pageSize: le.Uint32(b[metaOff+8:]), highWater: le.Uint64(b[metaOff+40:]), txid: le.Uint64(b[metaOff+48:])}, true
}

// preflight refuses a bbolt file that is shorter than its newest valid
// meta page says, before bbolt maps it: bbolt would read the missing pages
// through its memory map and fault, and after a fault it can neither be
// closed nor let go of the file lock. A file without any valid meta page is
// left to bbolt, which refuses it.
func preflight(f *os.File, size int64) error {
	buf := make([]byte, metaSize)
	var best boltMeta
	found := false
	read := func(off int64) (boltMeta, bool) {
		if n, _ := f.ReadAt(buf, off); n < metaSize {
			return boltMeta{}, false
		}
		return parseMeta(buf)
	}
	m0, ok0 := read(0)
	if ok0 {
		best, found = m0, true
	}
	// The second meta page lies one page in; bbolt looks for it at every
	// page size from 1 KiB to 16 MiB when the first does not say.
	for ps := int64(1 << 10); ps <= 16<<20; ps <<= 1 {
		if ok0 && ps != int64(m0.pageSize) {
			continue
		}
		if m1, ok := read(ps); ok && int64(m1.pageSize) == ps && (!found || m1.txid > best.txid) {
			best, found = m1, true
		}
	}
	if found && int64(best.highWater)*int64(best.pageSize) > size {
		return model.Errorf(ErrDamaged, "err.store.file_truncated",
			"Size", model.SizeText(size), "Want", model.SizeText(int64(best.highWater)*int64(best.pageSize)))
	}
	return nil
}
