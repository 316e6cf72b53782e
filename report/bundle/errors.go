package bundle

import (
	"errors"
	"fmt"
)

// Errors of reading a bundle, in the order the checks meet them. Compare
// with errors.Is; those about one member come inside a *MemberError that
// names it.
var (
	// ErrNotBundle reports a file that is not a bundle at all: empty, not a
	// zip, cut short, or a zip without manifest.json.
	ErrNotBundle = errors.New("bukan bundel Swanilai / not a Swanilai bundle")
	// ErrNested reports a bundle packed inside another zip file.
	ErrNested = errors.New("bundel terbungkus dalam zip lain: ekstrak dulu / the bundle is packed inside another zip: extract it first")
	// ErrTooManyMembers reports a zip with more members than a bundle can
	// have.
	ErrTooManyMembers = errors.New("terlalu banyak berkas dalam bundel / too many files in the bundle")
	// ErrNoSignature reports a bundle without manifest.json.minisig.
	ErrNoSignature = errors.New("bundel tidak ditandatangani / the bundle is not signed")
	// ErrSignatureFormat reports a signature file that is not a minisign
	// signature in the prehashed form, written exactly as minisign writes it.
	ErrSignatureFormat = errors.New("tanda tangan rusak atau bentuknya tidak dikenal / malformed signature")
	// ErrUnknownKey reports a bundle that names no key to check it with,
	// when none is given.
	ErrUnknownKey = errors.New("kunci pengirim tidak diketahui / the sender's key is unknown")
	// ErrWrongKey reports a bundle signed by another key than the one it
	// must be signed with.
	ErrWrongKey = errors.New("ditandatangani dengan kunci lain / signed with another key")
	// ErrBadSignature reports a signature that does not verify: the
	// manifest was changed after it was signed, or the signature belongs to
	// another file.
	ErrBadSignature = errors.New("tanda tangan tidak valid / invalid signature")
	// ErrManifest reports a signed manifest that is not valid: malformed,
	// unknown or duplicate fields, values out of range.
	ErrManifest = errors.New("manifest tidak sah / invalid manifest")
	// ErrVersion reports a bundle of a newer format than this build reads.
	ErrVersion = errors.New("versi format bundel lebih baru: perbarui Swanilai / newer bundle format: update Swanilai")
	// ErrKeyMismatch reports a manifest that names another sender key than
	// the one that signed it.
	ErrKeyMismatch = errors.New("kunci dalam manifest bukan kunci penanda tangan / the manifest names another key than the signer's")
	// ErrBadName reports a member name that is not safe: "..", an absolute
	// path, a drive letter, a backslash, control characters.
	ErrBadName = errors.New("nama berkas dalam bundel tidak aman / unsafe file name in the bundle")
	// ErrNotRegular reports a directory, link or device where a file is
	// expected.
	ErrNotRegular = errors.New("bukan berkas biasa (folder atau tautan) / not a regular file (directory or link)")
	// ErrDuplicate reports a member name that occurs twice.
	ErrDuplicate = errors.New("berkas ganda dalam bundel / duplicate file in the bundle")
	// ErrUnlisted reports a member the manifest does not list.
	ErrUnlisted = errors.New("berkas tidak tercantum dalam manifest / file not listed in the manifest")
	// ErrMissing reports a member the manifest lists that is not there.
	ErrMissing = errors.New("berkas yang tercantum dalam manifest tidak ada / file listed in the manifest is missing")
	// ErrUnsupported reports a member stored encrypted or with a
	// compression method other than store and deflate.
	ErrUnsupported = errors.New("cara penyimpanan berkas tidak didukung / unsupported storage method")
	// ErrSize reports a member larger or smaller than the manifest says.
	// Reading stops at the declared size.
	ErrSize = errors.New("ukuran berkas berbeda dari manifest / file size differs from the manifest")
	// ErrTampered reports a member whose bytes do not hash to the SHA-256
	// the signed manifest gives.
	ErrTampered = errors.New("berkas telah diubah setelah ditandatangani / file changed after it was signed")
	// ErrContents reports an assessment.json (or an assignment bundle's
	// assignment.json or instrument.json) that is not valid, or does not
	// agree with the manifest.
	ErrContents = errors.New("isi penilaian dalam bundel tidak sah / invalid assessment in the bundle")
	// ErrKind reports a bundle of another kind than the one asked for: an
	// assignment given where a submission is read, or the other way round.
	ErrKind = errors.New("jenis bundel lain / another kind of bundle")
)

// Errors of keys and writing.
var (
	// ErrPassphraseNeeded reports a key protected by a passphrase, used
	// without one.
	ErrPassphraseNeeded = errors.New("kunci dilindungi kata sandi: masukkan kata sandinya / the key is protected: give its passphrase")
	// ErrPassphrase reports a wrong passphrase.
	ErrPassphrase = errors.New("kata sandi salah / wrong passphrase")
	// ErrWeakPassphrase reports a new passphrase shorter than
	// MinPassphrase characters.
	ErrWeakPassphrase = errors.New("kata sandi terlalu pendek (min. 8 karakter) / passphrase too short (min. 8 characters)")
	// ErrPublicKey reports a public key that is not a minisign public key.
	ErrPublicKey = errors.New("bukan kunci publik minisign / not a minisign public key")
	// ErrTooLarge reports a submission whose assessment.json would exceed
	// the size a bundle reader accepts.
	ErrTooLarge = errors.New("isi penilaian terlalu besar untuk satu bundel / assessment too large for one bundle")
)

// MemberError is a problem with one member of a bundle. Err is one of the
// errors above; errors.Is sees through it.
type MemberError struct {
	// Path is the member's name as the zip gives it.
	Path string
	Err  error
	// Detail says more, e.g. the sizes; it may be empty.
	Detail string
}

func (e *MemberError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%v: %s", e.Err, quoteName(e.Path))
	}
	return fmt.Sprintf("%v: %s (%s)", e.Err, quoteName(e.Path), e.Detail)
}

func (e *MemberError) Unwrap() error { return e.Err }

// quoteName shows a member name as it is when it is plain, quoted when it
// holds anything a terminal could misread.
func quoteName(name string) string {
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == ' ' || r == '"' {
			return fmt.Sprintf("%q", name)
		}
	}
	if name == "" {
		return `""`
	}
	return name
}
