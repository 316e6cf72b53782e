// Package roundtrip is the exchange between an OPD and its coordinator:
// the export and import of submissions, assignments and reviews, the
// import of a folder of bundles, the verification of a bundle against a
// coordinator's workspace, and the coordinator's default decisions. It is
// the only code that drives the workspace (store) and the bundle
// (report/bundle) together; the command line (cli) and the window (ui)
// both call it, so that a bundle is checked the same way wherever it
// arrives. It imports no fyne and needs no cgo.
//
// # The order of checks of an import
//
// This is the one place that lists them; docs/bundle.md describes the
// format. A bundle is hostile until proven otherwise: each step runs only
// when every step before it passed, stops at the first failure, and each
// refusal is its own typed error (errors.Is):
//
//  1. The path is a regular file (OpenBundle).
//  2. bundle.Open, the zip directory: not empty, a zip, at most 4 096
//     members and a directory of about 2 MB at most (bundle.ErrNotBundle,
//     ErrTooManyMembers, ErrNested for a bundle zipped again).
//  3. manifest.json.minisig: present once, minisign's prehashed form,
//     written byte for byte as minisign writes it (ErrNoSignature,
//     ErrSignatureFormat).
//  4. The key: a key given (pinned, or --pubkey) must have the signature's
//     key id (ErrWrongKey); without one, the key the signature names
//     (ErrUnknownKey).
//  5. The signature over the raw manifest bytes (ErrBadSignature).
//  6. Only then the manifest (ErrManifest, ErrVersion), whose sender key
//     must be the signing key (ErrKeyMismatch).
//  7. Every zip entry: a safe name, a regular file, once, listed, stored or
//     deflated and not encrypted, with the manifest's size; every listed
//     member present (ErrBadName, ErrNotRegular, ErrDuplicate, ErrUnlisted,
//     ErrUnsupported, ErrSize, ErrMissing).
//  8. The workspace's rules, before anything is read further: for a
//     submission store.Workspace.CheckImport (a coordinator's workspace,
//     the same instansi, year and instrument, the OPD's pinned or
//     registered key, a newer revision: model.ErrNotCoordinator,
//     SenderMismatchError, KeyChangedError, ReplayError); for an assignment
//     and a review the same rules inside ReceiveAssignment and ReceiveReview.
//  9. The members the workspace already holds are read and hashed by the
//     reader (Reader.VerifyExcept), with a hard cap one byte past their
//     declared size (ErrSize, ErrTampered).
//  10. assessment.json (assignment.json, review.json) strictly, against the
//     manifest and the instrument pack, by the one validation of a
//     submission that the store uses too, model.ValidateSubmission
//     (ErrContents).
//  11. store.Workspace.Import streams and hashes the members the workspace
//     does not hold while it writes them into the pending area, in bounded
//     transactions; a member that does not hash to its SHA-256 is refused
//     as ErrTampered and what was written for it removed. One final
//     transaction makes the submission visible: all or nothing.
//
// A refusal found before step 11 leaves the coordinator's file unchanged,
// byte for byte; a member refused in step 11 is removed again, so that the
// workspace holds exactly what it held. The very bundle imported before is
// not a refusal: ImportMany reports it as Already (a ReplayError whose
// Same is true).
//
// An export runs the same rules the other way: the workspace records the
// export in the same step that the bundle file appears complete under its
// name, so that a failed export takes no revision number.
package roundtrip
