package bundle

import (
	"fmt"

	"github.com/swanilai/swanilai/model"
)

// Errors of reading a bundle, in the order the checks meet them. Compare
// with errors.Is; those about one member come inside a *MemberError that
// names it.
var (
	// ErrNotBundle reports a file that is not a bundle at all: empty, not a
	// zip, cut short, or a zip without manifest.json.
	ErrNotBundle = model.NewCode("err.bundle.not_bundle")
	// ErrNested reports a bundle packed inside another zip file.
	ErrNested = model.NewCode("err.bundle.nested")
	// ErrTooManyMembers reports a zip with more members than a bundle can
	// have.
	ErrTooManyMembers = model.NewCode("err.bundle.too_many_members")
	// ErrNoSignature reports a bundle without manifest.json.minisig.
	ErrNoSignature = model.NewCode("err.bundle.no_signature")
	// ErrSignatureFormat reports a signature file that is not a minisign
	// signature in the prehashed form, written exactly as minisign writes it.
	ErrSignatureFormat = model.NewCode("err.bundle.signature_format")
	// ErrUnknownKey reports a bundle that names no key to check it with,
	// when none is given.
	ErrUnknownKey = model.NewCode("err.bundle.unknown_key")
	// ErrWrongKey reports a bundle signed by another key than the one it
	// must be signed with.
	ErrWrongKey = model.NewCode("err.bundle.wrong_key")
	// ErrBadSignature reports a signature that does not verify: the
	// manifest was changed after it was signed, or the signature belongs to
	// another file.
	ErrBadSignature = model.NewCode("err.bundle.bad_signature")
	// ErrManifest reports a signed manifest that is not valid: malformed,
	// unknown or duplicate fields, values out of range.
	ErrManifest = model.NewCode("err.bundle.manifest")
	// ErrVersion reports a bundle of a newer format than this build reads.
	ErrVersion = model.NewCode("err.bundle.version")
	// ErrKeyMismatch reports a manifest that names another sender key than
	// the one that signed it.
	ErrKeyMismatch = model.NewCode("err.bundle.key_mismatch")
	// ErrBadName reports a member name that is not safe: "..", an absolute
	// path, a drive letter, a backslash, control characters.
	ErrBadName = model.NewCode("err.bundle.bad_name")
	// ErrNotRegular reports a directory, link or device where a file is
	// expected.
	ErrNotRegular = model.NewCode("err.bundle.not_regular")
	// ErrDuplicate reports a member name that occurs twice.
	ErrDuplicate = model.NewCode("err.bundle.duplicate")
	// ErrUnlisted reports a member the manifest does not list.
	ErrUnlisted = model.NewCode("err.bundle.unlisted")
	// ErrMissing reports a member the manifest lists that is not there.
	ErrMissing = model.NewCode("err.bundle.missing")
	// ErrUnsupported reports a member stored encrypted or with a
	// compression method other than store and deflate.
	ErrUnsupported = model.NewCode("err.bundle.unsupported")
	// ErrSize reports a member larger or smaller than the manifest says.
	// Reading stops at the declared size.
	ErrSize = model.NewCode("err.bundle.size")
	// ErrTampered reports a member whose bytes do not hash to the SHA-256
	// the signed manifest gives.
	ErrTampered = model.NewCode("err.bundle.tampered")
	// ErrContents reports an assessment.json (or an assignment bundle's
	// assignment.json or instrument.json) that is not valid, or does not
	// agree with the manifest.
	ErrContents = model.NewCode("err.bundle.contents")
	// ErrKind reports a bundle of another kind than the one asked for: an
	// assignment given where a submission is read, or the other way round.
	ErrKind = model.NewCode("err.bundle.kind")
)

// Errors of keys and writing.
var (
	// ErrPassphraseNeeded reports a key protected by a passphrase, used
	// without one.
	ErrPassphraseNeeded = model.NewCode("err.bundle.passphrase_needed")
	// ErrPassphrase reports a wrong passphrase.
	ErrPassphrase = model.NewCode("err.bundle.passphrase")
	// ErrWeakPassphrase reports a new passphrase shorter than
	// MinPassphrase characters.
	ErrWeakPassphrase = model.NewCode("err.bundle.weak_passphrase")
	// ErrPublicKey reports a public key that is not a minisign public key.
	ErrPublicKey = model.NewCode("err.bundle.public_key")
	// ErrTooLarge reports a submission whose assessment.json would exceed
	// the size a bundle reader accepts.
	ErrTooLarge = model.NewCode("err.bundle.too_large")
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
