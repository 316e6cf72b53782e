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
// the manifest's). It returns the submission's assessment and history.
func decodeContents(data []byte, m *Manifest, p *model.Pack) (*model.Submission, error) {
	bad := func(format string, a ...any) (*model.Submission, error) {
		return nil, fmt.Errorf("%w: %s", ErrContents, fmt.Sprintf(format, a...))
	}
	var doc contentsDoc
	if err := decodeStrict(data, &doc); err != nil {
		return bad("%v", err)
	}
	if doc.Format != contentsFormat || doc.Version != contentsVersion {
		return bad("format %q versi / version %d", doc.Format, doc.Version)
	}
	id := doc.Identity
	switch {
	case id.Role != string(model.RoleOPD):
		return bad("peran / role %q", id.Role)
	case id.WorkspaceID != m.Sender.WorkspaceID || id.Instansi != m.Sender.Instansi || id.Unit != m.Sender.Unit ||
		id.Year != m.Year || id.InstrumentID != m.Instrument.ID || id.InstrumentHash != m.Instrument.Hash:
		return bad("identitas berbeda dari manifest / identity differs from the manifest")
	case doc.AnswersReview < 0 || doc.AnswersReview >= m.Revision:
		return bad("answers_review %d, revisi / revision %d", doc.AnswersReview, m.Revision)
	}
	o := doc.Officials
	a := &model.Assessment{
		Identity: model.Identity{ID: id.WorkspaceID, Role: model.RoleOPD, Instansi: id.Instansi, Unit: id.Unit, Year: id.Year,
			InstrumentID: id.InstrumentID, InstrumentHash: id.InstrumentHash, Created: id.Created},
		Pack: p,
		Officials: model.Officials{HeadName: o.HeadName, HeadNIP: o.HeadNIP, HeadTitle: o.HeadTitle, ResponsibleName: o.ResponsibleName,
			ResponsibleNIP: o.ResponsibleNIP, ResponsibleTitle: o.ResponsibleTitle, Place: o.Place},
		Answers:     map[int]model.Answer{},
		TargetIndex: doc.TargetIndex,
		Revision:    m.Revision,
	}
	known := func(no int) error {
		if p != nil && p.Indicator(no) == nil {
			return fmt.Errorf("indikator %d: %w", no, model.ErrUnknownIndicator)
		}
		if no < 1 {
			return fmt.Errorf("indikator %d", no)
		}
		return nil
	}
	if t := doc.TargetIndex; t != 0 && (t < 100 || t > 500) {
		return bad("%v: %s", model.ErrTargetRange, t.ID())
	}
	for _, t := range doc.Targets {
		if err := known(t.Indicator); err != nil {
			return bad("target: %v", err)
		}
		if a.Targets == nil {
			a.Targets = map[int]model.Hundredths{}
		}
		if _, dup := a.Targets[t.Indicator]; dup {
			return bad("target indikator %d dua kali / twice", t.Indicator)
		}
		a.Targets[t.Indicator] = t.Value
	}
	for _, d := range doc.Answers {
		if err := known(d.Indicator); err != nil {
			return bad("%v", err)
		}
		if _, dup := a.Answers[d.Indicator]; dup {
			return bad("%v: %d", model.ErrDuplicateIndicator, d.Indicator)
		}
		if p != nil {
			if err := p.CheckValue(d.Indicator, d.Value); err != nil {
				return bad("%v", err)
			}
		}
		ans := model.Answer{Indicator: d.Indicator, Value: d.Value, Fakta: d.Fakta, Analisis: d.Analisis, Sector: d.Sector,
			By: d.By, At: d.At, Reconfirm: d.Reconfirm}
		if e := d.External; e != nil {
			date, err1 := model.ParseDate(e.Date)
			until, err2 := model.ParseDate(e.ValidUntil)
			if err1 != nil || err2 != nil {
				return bad("indikator %d: %v", d.Indicator, model.ErrDate)
			}
			ans.External = &model.ExternalValue{Value: e.Value, Source: e.Source, Date: date, ValidUntil: until}
		}
		a.Answers[d.Indicator] = ans
	}
	sizes := map[string]int64{}
	for _, d := range doc.Evidence {
		if err := known(d.Indicator); err != nil {
			return bad("bukti dukung / evidence: %v", err)
		}
		if !isSHA256(d.SHA256) || d.Size <= 0 || (sizes[d.SHA256] != 0 && sizes[d.SHA256] != d.Size) {
			return bad("bukti dukung / evidence %q, %d B", d.SHA256, d.Size)
		}
		sizes[d.SHA256] = d.Size
		docDate, err1 := model.ParseDate(d.DocDate)
		until, err2 := model.ParseDate(d.ValidUntil)
		if err1 != nil || err2 != nil {
			return bad("bukti dukung / evidence %.12s: %v", d.SHA256, model.ErrDate)
		}
		a.Evidence = append(a.Evidence, model.Evidence{Indicator: d.Indicator, SHA256: d.SHA256, Size: d.Size, Name: d.Name,
			Title: d.Title, DocNo: d.DocNo, DocDate: docDate, ValidUntil: until, Level: d.Level, By: d.By, At: d.At})
	}
	model.SortEvidence(a.Evidence)
	// The links and the evidence members name the same files.
	for _, f := range m.Files {
		sha, ok := strings.CutPrefix(f.Path, EvidencePrefix)
		if !ok {
			continue
		}
		if n, linked := sizes[sha]; !linked || n != f.Size {
			return bad("%s tidak ditautkan ke indikator mana pun / is linked to no indicator", f.Path)
		}
		delete(sizes, sha)
	}
	if len(sizes) > 0 {
		return bad("bukti dukung %.12s tanpa berkasnya / evidence without its file", slices.Sorted(maps.Keys(sizes))[0])
	}
	s := &model.Submission{Assessment: a, Since: model.ChainHead{Seq: doc.History.Since.Seq, Hash: doc.History.Since.Hash},
		AnswersReview: doc.AnswersReview}
	for _, c := range doc.History.Entries {
		s.History = append(s.History, model.Change{Seq: c.Seq, At: c.At, By: c.By, Indicator: c.Indicator, Field: c.Field,
			Old: c.Old, New: c.New, Prev: c.Prev, Hash: c.Hash})
	}
	if err := model.VerifyChain(s.History, s.Since.Hash, s.Since.Seq+1); err != nil {
		return bad("%v", err)
	}
	return s, nil
}
