package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
)

// The format of assessment.json.
const (
	contentsFormat  = "swanilai.assessment"
	contentsVersion = 1
)

// contentsDoc is assessment.json: the submission's data without the bytes
// of its files. Values are decimals with two places (3.00); dates are
// YYYY-MM-DD or empty.
type contentsDoc struct {
	Format   string      `json:"format"`
	Version  int         `json:"version"`
	Identity identityDoc `json:"identity"`
	// AnswersReview is the revision whose review, from the coordinator,
	// the submission answers; left out when it answers none.
	AnswersReview int              `json:"answers_review,omitempty"`
	Officials     officialsDoc     `json:"officials"`
	TargetIndex   model.Hundredths `json:"target_index"`
	Targets       []targetDoc      `json:"targets"`
	Answers       []answerDoc      `json:"answers"`
	Evidence      []evidenceDoc    `json:"evidence"`
	History       historyDoc       `json:"history"`
}

type identityDoc struct {
	WorkspaceID    string    `json:"workspace_id"`
	Role           string    `json:"role"`
	Instansi       string    `json:"instansi"`
	Unit           string    `json:"unit"`
	Year           int       `json:"year"`
	InstrumentID   string    `json:"instrument_id"`
	InstrumentHash string    `json:"instrument_hash"`
	Created        time.Time `json:"created"`
}

type officialsDoc struct {
	HeadName         string `json:"head_name"`
	HeadNIP          string `json:"head_nip"`
	HeadTitle        string `json:"head_title"`
	ResponsibleName  string `json:"responsible_name"`
	ResponsibleNIP   string `json:"responsible_nip"`
	ResponsibleTitle string `json:"responsible_title"`
	Place            string `json:"place"`
}

type targetDoc struct {
	Indicator int              `json:"indicator"`
	Value     model.Hundredths `json:"value"`
}

type answerDoc struct {
	Indicator int              `json:"indicator"`
	Value     model.Hundredths `json:"value"`
	External  *externalDoc     `json:"external,omitempty"`
	Fakta     string           `json:"fakta"`
	Analisis  string           `json:"analisis"`
	Sector    string           `json:"sector"`
	By        string           `json:"by"`
	At        time.Time        `json:"at"`
	Reconfirm bool             `json:"reconfirm"`
}

type externalDoc struct {
	Value      model.Hundredths `json:"value"`
	Source     string           `json:"source"`
	Date       string           `json:"date"`
	ValidUntil string           `json:"valid_until"`
}

type evidenceDoc struct {
	Indicator  int       `json:"indicator"`
	SHA256     string    `json:"sha256"`
	Size       int64     `json:"size"`
	Name       string    `json:"name"`
	Title      string    `json:"title"`
	DocNo      string    `json:"doc_no"`
	DocDate    string    `json:"doc_date"`
	ValidUntil string    `json:"valid_until"`
	Level      int       `json:"level"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
}

// historyDoc is the history since the sender's previous export: Since is
// the head it continues from (seq 0 and no hash for the whole history).
type historyDoc struct {
	Since   headDoc     `json:"since"`
	Entries []changeDoc `json:"entries"`
}

type headDoc struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

type changeDoc struct {
	Seq       uint64    `json:"seq"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	Indicator int       `json:"indicator"`
	Field     string    `json:"field"`
	Old       string    `json:"old"`
	New       string    `json:"new"`
	Prev      string    `json:"prev"`
	Hash      string    `json:"hash"`
}

// encodeContents returns assessment.json for s.
func encodeContents(s *model.Submission) ([]byte, error) {
	a := s.Assessment
	id := a.Identity
	o := a.Officials
	doc := contentsDoc{
		Format: contentsFormat, Version: contentsVersion,
		Identity: identityDoc{WorkspaceID: id.ID, Role: string(id.Role), Instansi: id.Instansi, Unit: id.Unit, Year: id.Year,
			InstrumentID: id.InstrumentID, InstrumentHash: id.InstrumentHash, Created: id.Created.UTC()},
		Officials: officialsDoc{HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadTitle: o.HeadTitle, ResponsibleName: o.ResponsibleName,
			ResponsibleNIP: o.ResponsibleNIP, ResponsibleTitle: o.ResponsibleTitle, Place: o.Place},
		TargetIndex: a.TargetIndex, AnswersReview: s.AnswersReview,
		Targets: []targetDoc{}, Answers: []answerDoc{}, Evidence: []evidenceDoc{},
		History: historyDoc{Since: headDoc{Seq: s.Since.Seq, Hash: s.Since.Hash}, Entries: []changeDoc{}},
	}
	for _, no := range slices.Sorted(maps.Keys(a.Targets)) {
		doc.Targets = append(doc.Targets, targetDoc{Indicator: no, Value: a.Targets[no]})
	}
	for _, no := range slices.Sorted(maps.Keys(a.Answers)) {
		ans := a.Answers[no]
		d := answerDoc{Indicator: no, Value: ans.Value, Fakta: ans.Fakta, Analisis: ans.Analisis, Sector: ans.Sector,
			By: ans.By, At: ans.At.UTC(), Reconfirm: ans.Reconfirm}
		if e := ans.External; e != nil {
			d.External = &externalDoc{Value: e.Value, Source: e.Source, Date: e.Date.String(), ValidUntil: e.ValidUntil.String()}
		}
		doc.Answers = append(doc.Answers, d)
	}
	for _, e := range a.Evidence {
		doc.Evidence = append(doc.Evidence, evidenceDoc{Indicator: e.Indicator, SHA256: e.SHA256, Size: e.Size, Name: e.Name,
			Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate.String(), ValidUntil: e.ValidUntil.String(), Level: e.Level,
			By: e.By, At: e.At.UTC()})
	}
	for _, c := range s.History {
		doc.History.Entries = append(doc.History.Entries, changeDoc{Seq: c.Seq, At: c.At.UTC(), By: c.By, Indicator: c.Indicator,
			Field: c.Field, Old: c.Old, New: c.New, Prev: c.Prev, Hash: c.Hash})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("bundle: cannot encode %s: %w", AssessmentName, err)
	}
	if buf.Len() > maxAssessment {
		return nil, fmt.Errorf("%w: %s", ErrTooLarge, model.SizeText(int64(buf.Len())))
	}
	return buf.Bytes(), nil
}

// decodeContents reads assessment.json strictly and checks it against the
// manifest m and, when it is not nil, the instrument pack p (whose hash is
// the manifest's). It returns the submission's assessment and history. In
// this order: the JSON, strictly, and its format and version; the role and
// identity against the manifest; what only the JSON can get wrong while it
// becomes a submission (an indicator twice, dates); the submission against
// p (model.ValidateSubmission, whose doc gives the order of its checks);
// and last the evidence links against the evidence members. Every failure
// is ErrContents.
func decodeContents(data []byte, m *Manifest, p *model.Pack) (*model.Submission, error) {
	doc, err := parseContents(data, m)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrContents, err)
	}
	s, err := doc.submission(m, p)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrContents, err)
	}
	files, err := model.ValidateSubmission(p, s)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrContents, err)
	}
	// s has no report yet (VerifyExcept takes it from the manifest), so
	// files are the evidence files.
	if err := checkEvidenceMembers(m, files); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrContents, err)
	}
	return s, nil
}

// parseContents decodes assessment.json strictly and checks its format,
// the sender's role and its identity against the manifest m.
func parseContents(data []byte, m *Manifest) (*contentsDoc, error) {
	var doc contentsDoc
	if err := decodeStrict(data, &doc); err != nil {
		return nil, err
	}
	if doc.Format != contentsFormat || doc.Version != contentsVersion {
		return nil, model.Detailf("err.bundle.contents.format", "Format", fmt.Sprintf("%q", doc.Format), "Version", doc.Version)
	}
	id := doc.Identity
	switch {
	case id.Role != string(model.RoleOPD):
		return nil, model.Detailf("err.bundle.contents.role", "Role", fmt.Sprintf("%q", id.Role))
	case !id.matches(m):
		return nil, model.Detailf("err.bundle.contents.identity")
	}
	return &doc, nil
}

// matches reports whether the identity is the one the manifest m names:
// the same workspace, OPD, year and instrument.
func (id identityDoc) matches(m *Manifest) bool {
	return id.WorkspaceID == m.Sender.WorkspaceID && id.Instansi == m.Sender.Instansi && id.Unit == m.Sender.Unit &&
		id.Year == m.Year && id.InstrumentID == m.Instrument.ID && id.InstrumentHash == m.Instrument.Hash
}

// submission returns the submission doc holds, of revision m.Revision on
// the pack p, refusing what only its JSON can get wrong: a target or an
// answer twice for one indicator, a date that is not one. Whether the
// submission is sound is model.ValidateSubmission's to say.
func (doc *contentsDoc) submission(m *Manifest, p *model.Pack) (*model.Submission, error) {
	id, o := doc.Identity, doc.Officials
	a := &model.Assessment{
		Identity: model.Identity{ID: id.WorkspaceID, Role: model.RoleOPD, Instansi: id.Instansi, Unit: id.Unit, Year: id.Year,
			InstrumentID: id.InstrumentID, InstrumentHash: id.InstrumentHash, Created: id.Created},
		Pack: p,
		Officials: model.Officials{HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadTitle: o.HeadTitle, ResponsibleName: o.ResponsibleName,
			ResponsibleNIP: o.ResponsibleNIP, ResponsibleTitle: o.ResponsibleTitle, Place: o.Place},
		TargetIndex: doc.TargetIndex,
		Revision:    m.Revision,
	}
	var err error
	if a.Targets, err = doc.targets(); err != nil {
		return nil, err
	}
	if a.Answers, err = doc.answers(); err != nil {
		return nil, err
	}
	if a.Evidence, err = doc.evidence(); err != nil {
		return nil, err
	}
	s := &model.Submission{Revision: m.Revision, Assessment: a, AnswersReview: doc.AnswersReview,
		Since: model.ChainHead{Seq: doc.History.Since.Seq, Hash: doc.History.Since.Hash}}
	for _, c := range doc.History.Entries {
		s.History = append(s.History, model.Change{Seq: c.Seq, At: c.At, By: c.By, Indicator: c.Indicator, Field: c.Field,
			Old: c.Old, New: c.New, Prev: c.Prev, Hash: c.Hash})
	}
	return s, nil
}

// targets returns the target levels by indicator, nil when there are none.
func (doc *contentsDoc) targets() (map[int]model.Hundredths, error) {
	var out map[int]model.Hundredths
	for _, t := range doc.Targets {
		if _, dup := out[t.Indicator]; dup {
			return nil, model.Detailf("err.bundle.contents.target_twice", "Indicator", t.Indicator)
		}
		if out == nil {
			out = map[int]model.Hundredths{}
		}
		out[t.Indicator] = t.Value
	}
	return out, nil
}

// answers returns the answers by indicator.
func (doc *contentsDoc) answers() (map[int]model.Answer, error) {
	out := map[int]model.Answer{}
	for _, d := range doc.Answers {
		if _, dup := out[d.Indicator]; dup {
			return nil, fmt.Errorf("%v: %d", model.ErrDuplicateIndicator, d.Indicator)
		}
		ans := model.Answer{Indicator: d.Indicator, Value: d.Value, Fakta: d.Fakta, Analisis: d.Analisis, Sector: d.Sector,
			By: d.By, At: d.At, Reconfirm: d.Reconfirm}
		if e := d.External; e != nil {
			date, err1 := model.ParseDate(e.Date)
			until, err2 := model.ParseDate(e.ValidUntil)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("indikator %d: %v", d.Indicator, model.ErrDate)
			}
			ans.External = &model.ExternalValue{Value: e.Value, Source: e.Source, Date: date, ValidUntil: until}
		}
		out[d.Indicator] = ans
	}
	return out, nil
}

// evidence returns the evidence links, in model.SortEvidence's order.
func (doc *contentsDoc) evidence() ([]model.Evidence, error) {
	var out []model.Evidence
	for _, d := range doc.Evidence {
		docDate, err1 := model.ParseDate(d.DocDate)
		until, err2 := model.ParseDate(d.ValidUntil)
		if err1 != nil || err2 != nil {
			return nil, model.Within(model.ErrDate, "err.bundle.evidence", "SHA", model.ShortSHA(d.SHA256))
		}
		out = append(out, model.Evidence{Indicator: d.Indicator, SHA256: d.SHA256, Size: d.Size, Name: d.Name,
			Title: d.Title, DocNo: d.DocNo, DocDate: docDate, ValidUntil: until, Level: d.Level, By: d.By, At: d.At})
	}
	model.SortEvidence(out)
	return out, nil
}

// checkEvidenceMembers checks that the evidence links, whose files and
// sizes are files, and the evidence members of m name the same files.
func checkEvidenceMembers(m *Manifest, files map[string]int64) error {
	left := maps.Clone(files)
	for _, f := range m.Files {
		sha, ok := strings.CutPrefix(f.Path, EvidencePrefix)
		if !ok {
			continue
		}
		if n, linked := left[sha]; !linked || n != f.Size {
			return model.Detailf("err.bundle.contents.unlinked", "Path", f.Path)
		}
		delete(left, sha)
	}
	if len(left) > 0 {
		return model.Detailf("err.bundle.contents.evidence_no_file", "SHA", model.ShortSHA(slices.Sorted(maps.Keys(left))[0]))
	}
	return nil
}
