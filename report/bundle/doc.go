// Package bundle writes and reads the signed bundles an OPD and its
// coordinator send each other. A submission (kind "submission") is what an
// OPD sends its coordinator: one zip file holding
//
//	manifest.json          format and version, kind, bundle id, revision,
//	                       creation time, app version, instrument id and
//	                       hash, sender (instansi, unit, public key), and
//	                       the SHA-256 and size of every other member
//	manifest.json.minisig  minisign signature (Ed25519, prehashed) over
//	                       the exact bytes of manifest.json
//	assessment.json        answers, penjelasan, evidence links, targets,
//	                       officials, the history since the last export
//	report.pdf             the OPD's report, when the build makes one
//	evidence/<sha256>      each evidence file once
//
// An assignment (kind "assignment", WriteAssignment and Reader.Assignment)
// is what a coordinator sends an OPD: assignment.json, which says which
// indicators the OPD answers, at which target levels and by when, and
// instrument.json, the instrument pack itself, with the manifest and its
// signature by the coordinator's key. A review (kind "review", WriteReview
// and Reader.Review) goes back from the coordinator to one OPD:
// review.json, the decision on each reviewed answer of one revision
// (accepted, level adjusted, revision needed) with the assessor's note,
// signed by the coordinator's key.
//
// Write streams a submission into a bundle: members are hashed as they are
// written and evidence comes straight from the workspace, so memory stays
// flat however large the evidence. WriteFile puts the bundle on disk under
// its name only once it is complete.
//
// Open and Reader.Verify read a bundle from a stranger in a fixed order and
// trust nothing before it is checked: the signature is parsed strictly and
// verified over the raw manifest bytes with the expected key, and only then
// is the manifest parsed, refusing unknown fields and versions; every
// member name is checked (no "..", absolute paths, backslashes, duplicates,
// unlisted or missing members, directories or links); and every member is
// read with a hard cap at its declared size while it is hashed, so a zip
// bomb stops at the size the signed manifest declares. Each failure has its
// own error, worded for people in Indonesian first and English second.
//
// Signatures are minisign's, so the standard tool verifies a bundle too:
//
//	unzip kiriman.swanilai.zip manifest.json manifest.json.minisig
//	minisign -Vm manifest.json -P <public key>
package bundle
