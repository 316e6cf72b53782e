package store

import (
	"encoding/binary"
	"encoding/hex"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// This file declares every bucket and key of the workspace file and the
// shape of every record, with the schema version that introduced each. Code
// elsewhere names buckets and keys only through these declarations. A change
// of layout is a new schema version with a migration (migrate.go) and a
// frozen copy of the old layout in its migration package (store/migrationN).

// schemaVersion is the schema this build writes. Version history:
//
//	1  first layout: evidence links kept inside the answer records.
//	2  evidence links in their own bucket, keyed by indicator and SHA-256;
//	   each blob record counts its links (migration2).
//	3  the workspace's signing key and export revision in meta; a
//	   coordinator's imported submissions and the OPDs' pinned keys in
//	   their own buckets; a blob record counts the submissions that hold it
//	   besides its links (migration3).
//	4  a coordinator's OPD registry, its assignment matrix and the target
//	   level of each indicator in their own buckets; the timeline, the
//	   earlier years' results, an OPD's received assignment and its
//	   coordinator's pinned key in meta (migration4).
//	5  a coordinator's review decisions on each imported revision and the
//	   review bundles it made, and what an OPD exported in each revision,
//	   in their own buckets; an OPD's received review in meta
//	   (migration5).
const schemaVersion uint64 = 5

// formatName is the value of the meta key "format": it tells a workspace
// from any other bbolt file.
const formatName = "swanilai.workspace"

// bucket is a top-level bucket and the schema version that introduced it.
type bucket struct {
	name  []byte
	since uint64
}

// of returns the bucket in tx. Open checks that every bucket exists, so the
// result is never nil on an open workspace.
func (b bucket) of(tx *bbolt.Tx) *bbolt.Bucket { return tx.Bucket(b.name) }

var (
	// metaBucket maps: meta key -> value (the keys below).
	metaBucket = bucket{[]byte("meta"), 1}
	// packBucket maps: "canonical" -> the instrument pack's canonical JSON.
	packBucket = bucket{[]byte("pack"), 1}
	// answersBucket maps: indicator (uint32 BE) -> answerRec JSON.
	answersBucket = bucket{[]byte("answers"), 1}
	// blobsBucket maps: SHA-256 (32 bytes) -> blobRec JSON.
	blobsBucket = bucket{[]byte("blobs"), 1}
	// chunksBucket maps: extent (uint64 BE) ‖ chunk index (uint32 BE) ->
	// the chunk's bytes. An extent is the chunks of one stored file; it is
	// either a blob's (blobRec.Extent) or pending.
	chunksBucket = bucket{[]byte("chunks"), 1}
	// pendingBucket maps: extent (uint64 BE, from NextSequence) ->
	// pendingRec JSON. Its chunks are an upload in progress or freed bytes
	// waiting to be deleted; Open deletes them all.
	pendingBucket = bucket{[]byte("pending"), 1}
	// historyBucket maps: sequence number (uint64 BE, from NextSequence,
	// from 1) -> changeRec JSON.
	historyBucket = bucket{[]byte("history"), 1}
	// linksBucket maps: indicator (uint32 BE) ‖ SHA-256 (32 bytes) ->
	// linkRec JSON. Since version 2; version 1 kept links in answerRec.
	linksBucket = bucket{[]byte("links"), 2}
	// opdsBucket maps: opdKey(unit) -> opdRec JSON, one per OPD a
	// coordinator imported a submission from. Since version 3.
	opdsBucket = bucket{[]byte("opds"), 3}
	// submissionsBucket maps: OPD number (uint64 BE, opdRec.No) ‖ revision
	// (uint64 BE) -> submissionRec JSON. Since version 3.
	submissionsBucket = bucket{[]byte("submissions"), 3}
	// registryBucket maps: OPD code (model.NormalizeCode) -> registryRec
	// JSON, the coordinator's registry of OPDs. Since version 4.
	registryBucket = bucket{[]byte("registry"), 4}
	// assignmentsBucket maps: OPD code -> assignmentRec JSON, the
	// indicators assigned to the OPD and the last assignment bundle made
	// for it. Since version 4.
	assignmentsBucket = bucket{[]byte("assignments"), 4}
	// targetsBucket maps: indicator (uint32 BE) -> the indicator's target
	// level, hundredths as decimal text. Since version 4.
	targetsBucket = bucket{[]byte("targets"), 4}
	// decisionsBucket maps: OPD number (uint64 BE, opdRec.No) ‖ revision
	// (uint64 BE) ‖ indicator (uint32 BE) -> decisionRec JSON, the
	// coordinator's decision on that answer of that revision. Since
	// version 5.
	decisionsBucket = bucket{[]byte("decisions"), 5}
	// reviewsBucket maps: OPD number (uint64 BE) ‖ sequence (uint64 BE,
	// from NextSequence) -> reviewRec JSON, every review bundle the
	// coordinator made for the OPD, in the order made. Since version 5.
	reviewsBucket = bucket{[]byte("reviews"), 5}
	// exportsBucket maps: revision (uint64 BE) -> submissionRec JSON, what
	// an OPD's workspace sent in each export, without the evidence bytes
	// (the record holds no reference to them). Since version 5; exports
	// made before have none.
	exportsBucket = bucket{[]byte("exports"), 5}
)

// allBuckets lists every bucket of the current schema.
var allBuckets = []bucket{metaBucket, packBucket, answersBucket, blobsBucket, chunksBucket, pendingBucket, historyBucket, linksBucket,
	opdsBucket, submissionsBucket, registryBucket, assignmentsBucket, targetsBucket, decisionsBucket, reviewsBucket, exportsBucket}

// Keys of metaBucket.
var (
	// keyFormat -> formatName. Since version 1.
	keyFormat = []byte("format")
	// keyVersion -> schema version, uint64 BE. Since version 1.
	keyVersion = []byte("version")
	// keyIdentity -> identityRec JSON. Since version 1.
	keyIdentity = []byte("identity")
	// keyOfficials -> officialsRec JSON. Since version 1.
	keyOfficials = []byte("officials")
	// keyTargetIndex -> the target index, hundredths as decimal text.
	// Since version 1.
	keyTargetIndex = []byte("target_index")
	// keySigningKey -> signingKeyRec JSON. Since version 3; a workspace
	// without one gets it on first use.
	keySigningKey = []byte("signing_key")
	// keyRevision -> the last revision number an export took, uint64 BE.
	// Since version 3.
	keyRevision = []byte("revision")
	// keyLastExport -> exportRec JSON of the last export that was
	// completed. Since version 3.
	keyLastExport = []byte("last_export")
	// keyTimeline -> []milestoneRec JSON, the year's deadlines; absent
	// until set (model.DefaultTimeline). Since version 4.
	keyTimeline = []byte("timeline")
	// keyTrend -> []yearResultRec JSON, earlier years' results. Since
	// version 4.
	keyTrend = []byte("trend")
	// keyAssignment -> heldAssignmentRec JSON, the assignment an OPD's
	// workspace received last. Since version 4.
	keyAssignment = []byte("assignment")
	// keyCoordinatorKey -> pinnedKeyRec JSON, the coordinator's key an
	// OPD's workspace pinned from its first assignment. Since version 4.
	keyCoordinatorKey = []byte("coordinator_key")
	// keyReview -> reviewRec JSON, the latest review an OPD's workspace
	// received from its coordinator. Since version 5.
	keyReview = []byte("review")
)

// keyPackCanonical is the key of packBucket. Since version 1.
var keyPackCanonical = []byte("canonical")

// identityRec is the workspace identity. Since version 1.
type identityRec struct {
	ID             string    `json:"id"`
	Role           string    `json:"role"`
	Instansi       string    `json:"instansi"`
	Unit           string    `json:"unit"`
	Year           int       `json:"year"`
	InstrumentID   string    `json:"instrument_id"`
	InstrumentHash string    `json:"instrument_hash"`
	Created        time.Time `json:"created"`
}

// officialsRec is the officials named in reports. Since version 1.
type officialsRec struct {
	HeadName         string `json:"head_name,omitempty"`
	HeadNIP          string `json:"head_nip,omitempty"`
	HeadTitle        string `json:"head_title,omitempty"`
	ResponsibleName  string `json:"responsible_name,omitempty"`
	ResponsibleNIP   string `json:"responsible_nip,omitempty"`
	ResponsibleTitle string `json:"responsible_title,omitempty"`
	Place            string `json:"place,omitempty"`
}

// answerRec is one answer. Value is in hundredths, 0 when unanswered. Since
// version 1; version 1 also held an "evidence" list of links.
type answerRec struct {
	Value     int64     `json:"value,omitempty"`
	Fakta     string    `json:"fakta,omitempty"`
	Analisis  string    `json:"analisis,omitempty"`
	Sector    string    `json:"sector,omitempty"`
	By        string    `json:"by"`
	At        time.Time `json:"at"`
	Reconfirm bool      `json:"reconfirm,omitempty"`
	// External is the other agency's index value the Value was converted
	// from (Indeks Pemdi); absent when the level was chosen directly.
	// Since version 2; an optional field, so no migration.
	External *externalRec `json:"external,omitempty"`
}

// externalRec is an external index value. Dates are YYYY-MM-DD or empty.
type externalRec struct {
	Value      int64  `json:"value"`
	Source     string `json:"source"`
	Date       string `json:"date,omitempty"`
	ValidUntil string `json:"valid_until,omitempty"`
}

// linkRec is one evidence link's metadata; the key names the indicator and
// the blob. Dates are YYYY-MM-DD or empty. Since version 2.
type linkRec struct {
	Name       string    `json:"name"`
	Title      string    `json:"title,omitempty"`
	DocNo      string    `json:"doc_no,omitempty"`
	DocDate    string    `json:"doc_date,omitempty"`
	ValidUntil string    `json:"valid_until,omitempty"`
	Level      int       `json:"level,omitempty"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

// blobRec is one stored file: its size, its extent of chunks numbered
// 0 … Chunks-1, and how many references hold it: each link, and each
// imported submission that carries it (once per submission, however many
// of its links name it). Since version 1; Links since version 2, the
// submissions in it since version 3.
type blobRec struct {
	Size   int64  `json:"size"`
	Extent uint64 `json:"extent"`
	Chunks uint32 `json:"chunks"`
	Links  int    `json:"links"`
}

// pendingRec says why an extent is pending. Since version 1.
type pendingRec struct {
	Started time.Time `json:"started"`
	// Reason is "upload" for an attach in progress or "freed" for the
	// chunks of a blob whose last link was removed.
	Reason string `json:"reason"`
	Name   string `json:"name,omitempty"`
}

// changeRec is one history entry (model.Change). Since version 1.
type changeRec struct {
	Seq       uint64    `json:"seq"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Indicator int       `json:"indicator,omitempty"`
	Field     string    `json:"field"`
	Old       string    `json:"old,omitempty"`
	New       string    `json:"new,omitempty"`
	Prev      string    `json:"prev,omitempty"`
	Hash      string    `json:"hash"`
}

// signingKeyRec is the workspace's signing key. Private (unprotected) and
// Sealed (minisign's encrypted secret key text) exclude each other. Since
// version 3.
type signingKeyRec struct {
	Public  publicKeyRec `json:"public"`
	Private []byte       `json:"private,omitempty"`
	Sealed  string       `json:"sealed,omitempty"`
	Created time.Time    `json:"created"`
}

// publicKeyRec is an Ed25519 public key and its minisign key ID (16 hex
// digits). Since version 3.
type publicKeyRec struct {
	ID  string `json:"id"`
	Key []byte `json:"key"`
}

// exportRec is the last completed export: its bundle and the history head
// it carried. The next export carries the history after Head. Since
// version 3.
type exportRec struct {
	Revision int       `json:"revision"`
	BundleID string    `json:"bundle_id"`
	Created  time.Time `json:"created"`
	Head     headRec   `json:"head"`
}

// headRec is a history chain head (model.ChainHead). Since version 3.
type headRec struct {
	Seq  uint64 `json:"seq,omitempty"`
	Hash string `json:"hash,omitempty"`
}

// opdRec is an OPD a coordinator imported submissions from. No numbers its
// submissions' keys. Since version 3.
type opdRec struct {
	No       uint64         `json:"no"`
	Instansi string         `json:"instansi"`
	Unit     string         `json:"unit"`
	Key      publicKeyRec   `json:"key"`
	PinnedAt time.Time      `json:"pinned_at"`
	PinnedBy string         `json:"pinned_by"`
	Former   []formerKeyRec `json:"former_keys,omitempty"`
	// Latest is the newest imported revision and Head the history head it
	// ended with.
	Latest int     `json:"latest"`
	Head   headRec `json:"head"`
	// Created is when the OPD exported the newest revision, Answered the
	// indicators it answers and Evidenced those it links evidence to, so
	// that the coordinator's status of every OPD reads no submission.
	// Since version 4 (migration4 fills them in for older records).
	Created   time.Time `json:"created,omitzero"`
	Answered  []int     `json:"answered,omitempty"`
	Evidenced []int     `json:"evidenced,omitempty"`
}

// formerKeyRec is a key an OPD used before. Since version 3.
type formerKeyRec struct {
	Key        publicKeyRec `json:"key"`
	ReplacedAt time.Time    `json:"replaced_at"`
	ReplacedBy string       `json:"replaced_by"`
}

// submissionRec is one imported submission (model.Submission). Each
// distinct SHA-256 among Evidence and Report is one reference to its blob.
// Since version 3.
type submissionRec struct {
	BundleID    string            `json:"bundle_id"`
	Revision    int               `json:"revision"`
	Created     time.Time         `json:"created"`
	AppVersion  string            `json:"app_version"`
	Key         publicKeyRec      `json:"key"`
	Identity    identityRec       `json:"identity"`
	Officials   officialsRec      `json:"officials"`
	TargetIndex int64             `json:"target_index,omitempty"`
	Targets     map[int]int64     `json:"targets,omitempty"`
	Answers     []submittedAnswer `json:"answers"`
	Evidence    []submittedLink   `json:"evidence"`
	Report      string            `json:"report,omitempty"`
	ReportSize  int64             `json:"report_size,omitempty"`
	Since       headRec           `json:"since"`
	History     []changeRec       `json:"history"`
	Manifest    []byte            `json:"manifest"`
	Signature   string            `json:"signature"`
	Imported    time.Time         `json:"imported"`
	ImportedBy  string            `json:"imported_by"`
	Continuity  string            `json:"continuity"`
	// AnswersReview is the revision whose review the submission answers.
	// Since version 5; an optional field, so no migration.
	AnswersReview int `json:"answers_review,omitempty"`
}

// registryRec is one OPD of a coordinator's registry; the key is its code.
// Key is a key registered in advance, before the OPD's first submission
// pins one. Since version 4.
type registryRec struct {
	Code    string        `json:"code"`
	Name    string        `json:"name"`
	Contact string        `json:"contact,omitempty"`
	Key     *publicKeyRec `json:"key,omitempty"`
}

// assignmentRec is an OPD's row of the assignment matrix: the indicators
// it answers, in instrument order, and the last assignment bundle made
// for it (Revision 0: none). Since version 4.
type assignmentRec struct {
	Indicators []int     `json:"indicators"`
	Revision   int       `json:"revision,omitempty"`
	Sent       time.Time `json:"sent,omitzero"`
	Deadline   string    `json:"deadline,omitempty"`
}

// milestoneRec is one deadline of the timeline; Due is YYYY-MM-DD. Since
// version 4.
type milestoneRec struct {
	Stage string `json:"stage"`
	Due   string `json:"due"`
}

// yearResultRec is an earlier year's result; values in hundredths. Since
// version 4.
type yearResultRec struct {
	Year     int     `json:"year"`
	Index    int64   `json:"index"`
	Predikat string  `json:"predikat,omitempty"`
	Domains  []int64 `json:"domains,omitempty"`
}

// heldAssignmentRec is the assignment an OPD received (model.Assignment),
// with who took it and when. Since version 4.
type heldAssignmentRec struct {
	Code           string         `json:"code"`
	Name           string         `json:"name"`
	Revision       int            `json:"revision"`
	Instansi       string         `json:"instansi"`
	Year           int            `json:"year"`
	InstrumentID   string         `json:"instrument_id"`
	InstrumentHash string         `json:"instrument_hash"`
	Indicators     []int          `json:"indicators"`
	Targets        map[int]int64  `json:"targets,omitempty"`
	TargetIndex    int64          `json:"target_index,omitempty"`
	Deadline       string         `json:"deadline,omitempty"`
	Timeline       []milestoneRec `json:"timeline"`
	Coordinator    publicKeyRec   `json:"coordinator"`
	Sent           time.Time      `json:"sent"`
	Received       time.Time      `json:"received"`
	ReceivedBy     string         `json:"received_by"`
}

// pinnedKeyRec is the coordinator's key an OPD pinned, with the keys it
// replaced. Since version 4.
type pinnedKeyRec struct {
	Key      publicKeyRec   `json:"key"`
	PinnedAt time.Time      `json:"pinned_at"`
	PinnedBy string         `json:"pinned_by"`
	Former   []formerKeyRec `json:"former_keys,omitempty"`
}

// decisionRec is the coordinator's decision on one answer; the key names
// the OPD, the revision and the indicator. Level is in hundredths, for an
// adjusted level only. Since version 5.
type decisionRec struct {
	Verdict     string    `json:"verdict"`
	Level       int64     `json:"level,omitempty"`
	Fakta       string    `json:"fakta,omitempty"`
	Analisis    string    `json:"analisis,omitempty"`
	Justifikasi string    `json:"justifikasi,omitempty"`
	Missing     string    `json:"missing_evidence,omitempty"`
	By          string    `json:"by"`
	At          time.Time `json:"at"`
}

// reviewRec is a review (model.Review): one the coordinator made a bundle
// of, or the one an OPD received. Recorded is when the coordinator
// recorded the bundle or the OPD took it, RecordedBy who. Since version 5.
type reviewRec struct {
	Code       string        `json:"code"`
	Unit       string        `json:"unit"`
	Instansi   string        `json:"instansi"`
	Year       int           `json:"year"`
	Revision   int           `json:"revision"`
	Decisions  []reviewedRec `json:"decisions"`
	Sent       time.Time     `json:"sent"`
	By         string        `json:"by"`
	Recorded   time.Time     `json:"recorded"`
	RecordedBy string        `json:"recorded_by"`
}

// reviewedRec is one decision of a review, with the indicator and the
// revision it was made on.
type reviewedRec struct {
	Indicator int `json:"indicator"`
	Revision  int `json:"revision"`
	decisionRec
}

// submittedAnswer is an answer of a submission.
type submittedAnswer struct {
	Indicator int `json:"indicator"`
	answerRec
}

// submittedLink is an evidence link of a submission.
type submittedLink struct {
	Indicator int    `json:"indicator"`
	SHA256    string `json:"sha256"`
	Size      int64  `json:"size"`
	linkRec
}

// Key encodings. Big-endian fixed width, so cursors iterate in order.

func u64Key(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func indicatorKey(no int) []byte { return binary.BigEndian.AppendUint32(nil, uint32(no)) }

func linkKey(no int, sum [32]byte) []byte { return append(indicatorKey(no), sum[:]...) }

func submissionKey(opd uint64, revision int) []byte {
	return binary.BigEndian.AppendUint64(u64Key(opd), uint64(revision))
}

func decisionKey(opd uint64, revision, no int) []byte {
	return binary.BigEndian.AppendUint32(submissionKey(opd, revision), uint32(no))
}

// opdKey is the key of an OPD in opdsBucket: its unit name in lower case
// with runs of white space as one space, so that the same OPD typed with
// other capitals or spacing is the same OPD.
func opdKey(unit string) []byte {
	return []byte(strings.Join(strings.Fields(strings.ToLower(unit)), " "))
}

func chunkKey(extent uint64, i uint32) []byte {
	return binary.BigEndian.AppendUint32(u64Key(extent), i)
}

// parseLinkKey splits a linksBucket key; ok is false for a malformed key.
func parseLinkKey(k []byte) (no int, sum [32]byte, ok bool) {
	if len(k) != 4+32 {
		return 0, sum, false
	}
	copy(sum[:], k[4:])
	return int(binary.BigEndian.Uint32(k)), sum, true
}

// parseSum reads a hex SHA-256.
func parseSum(s string) (sum [32]byte, ok bool) {
	if len(s) != 64 {
		return sum, false
	}
	_, err := hex.Decode(sum[:], []byte(s))
	return sum, err == nil
}
