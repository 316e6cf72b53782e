package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// maxText bounds every text the store keeps (FAKTA, ANALISIS, titles …).
const maxText = 64 << 10

// errNoChange rolls back an update transaction that would change nothing.
var errNoChange = errors.New("no change")

// AnswerUpdate is a change to one answer. Nil fields stay as they are.
type AnswerUpdate struct {
	// Value is the new level in hundredths (100 … 500), or
	// model.Unanswered to clear it.
	Value *model.Hundredths
	// Fakta and Analisis are the two parts of the penjelasan; Sector the
	// sector service name of a Layanan Publik Sektor indicator.
	Fakta, Analisis, Sector *string
	// Confirm confirms an answer carried over from last year even when
	// nothing else changes. Any change confirms it too.
	Confirm bool
	// External sets the other agency's index value the answer's value is
	// converted from (Indeks Pemdi indicators 5–7); the value follows
	// from it. ClearExternal removes it, for a level chosen directly.
	External      *model.ExternalValue
	ClearExternal bool
}

// author checks and tidies the name of who makes a change.
func author(by string) (string, error) {
	by = strings.TrimSpace(by)
	if by == "" {
		return "", ErrNoAuthor
	}
	return by, checkText("nama / name", by)
}

func checkText(what, s string) error {
	if len(s) > maxText {
		return fmt.Errorf("%s: %w", what, ErrTextTooLong)
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s: %w", what, model.Detailf("err.store.not_utf8"))
	}
	return nil
}

// indicator returns indicator no of the workspace's instrument.
func (w *Workspace) indicator(no int) (*model.Indicator, error) {
	ind := w.pack.Indicator(no)
	if ind == nil {
		return nil, fmt.Errorf("indikator %d: %w", no, model.ErrUnknownIndicator)
	}
	return ind, nil
}

// Answer returns the answer of indicator no; an indicator nobody answered
// yet has the zero answer (model.Unanswered, no texts).
func (w *Workspace) Answer(no int) (model.Answer, error) {
	if _, err := w.indicator(no); err != nil {
		return model.Answer{}, err
	}
	var rec answerRec
	err := w.view(func(tx *bbolt.Tx) error {
		_, err := getAnswer(tx, no, &rec)
		return err
	})
	return rec.model(no), err
}

// getAnswer decodes the answer record of no into rec; found is false when
// there is none.
func getAnswer(tx *bbolt.Tx, no int, rec *answerRec) (found bool, err error) {
	v := answersBucket.of(tx).Get(indicatorKey(no))
	if v == nil {
		return false, nil
	}
	if err := json.Unmarshal(v, rec); err != nil {
		return false, model.Wrapf(err, ErrDamaged, "err.store.detail_answer_of", "Indicator", no)
	}
	return true, nil
}

// UpdateAnswer changes the answer of indicator no as u says, in one
// transaction with one history entry per changed field, and returns the
// answer as it is now. A value is checked against the instrument (whole
// levels 1–5); a sector name is only taken for Layanan Publik Sektor
// indicators. An update that changes nothing writes nothing.
func (w *Workspace) UpdateAnswer(by string, no int, u AnswerUpdate) (model.Answer, error) {
	by, err := author(by)
	if err != nil {
		return model.Answer{}, err
	}
	if err := w.checkUpdate(no, &u); err != nil {
		return model.Answer{}, err
	}
	var rec answerRec
	err = w.record(func(tx *bbolt.Tx) (changes []model.Change, err error) {
		rec, changes, err = applyUpdate(tx, by, no, u, now())
		return changes, err
	})
	if err != nil {
		return model.Answer{}, err
	}
	return rec.model(no), nil
}

// checkUpdate checks u against indicator no of the instrument, and sets
// its value from its external index value.
func (w *Workspace) checkUpdate(no int, u *AnswerUpdate) error {
	ind, err := w.indicator(no)
	if err != nil {
		return err
	}
	if u.External != nil {
		v, err := w.pack.ConvertExternal(no, u.External.Value)
		if err != nil {
			return fmt.Errorf("indikator %d: %w", no, err)
		}
		if u.Value != nil && *u.Value != v {
			return fmt.Errorf("indikator %d: %w: %s, bukan %s", no, model.ErrExternalMismatch, v.ID(), u.Value.ID())
		}
		if err := checkText("sumber / source", u.External.Source); err != nil {
			return err
		}
		u.Value = &v
	}
	if u.Value != nil {
		if err := w.pack.CheckValue(no, *u.Value); err != nil {
			return err
		}
	}
	if u.Sector != nil && *u.Sector != "" && !ind.SectorService {
		return fmt.Errorf("indikator %d: %w", no, ErrNotSector)
	}
	for _, t := range []struct {
		what string
		s    *string
	}{{"FAKTA", u.Fakta}, {"ANALISIS", u.Analisis}, {"sektor", u.Sector}} {
		if t.s != nil {
			if err := checkText(t.what, *t.s); err != nil {
				return err
			}
		}
	}
	return nil
}

// applyUpdate applies u, checked by checkUpdate, to the answer of no in tx
// and writes it when anything changed. It returns the record as it is now
// and the history entries of what changed, for the caller to append.
func applyUpdate(tx *bbolt.Tx, by string, no int, u AnswerUpdate, at time.Time) (answerRec, []model.Change, error) {
	var rec answerRec
	if _, err := getAnswer(tx, no, &rec); err != nil {
		return rec, nil, err
	}
	var changes []model.Change
	set := func(field string, cur *string, v *string) {
		if v != nil && *v != *cur {
			changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: field, Old: *cur, New: *v})
			*cur = *v
		}
	}
	if u.Value != nil && int64(*u.Value) != rec.Value {
		changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: model.FieldLevel,
			Old: levelText(model.Hundredths(rec.Value)), New: levelText(*u.Value)})
		rec.Value = int64(*u.Value)
	}
	if u.External != nil || u.ClearExternal {
		next := externalToRec(u.External)
		if old, nw := externalText(rec.External), externalText(next); old != nw {
			changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: model.FieldExternal, Old: old, New: nw})
			rec.External = next
		}
	}
	set(model.FieldFakta, &rec.Fakta, u.Fakta)
	set(model.FieldAnalisis, &rec.Analisis, u.Analisis)
	set(model.FieldSector, &rec.Sector, u.Sector)
	if rec.Reconfirm && (len(changes) > 0 || u.Confirm) {
		changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: model.FieldReconfirmed, Old: "perlu dikonfirmasi", New: "dikonfirmasi"})
		rec.Reconfirm = false
	}
	if len(changes) == 0 {
		return rec, nil, nil
	}
	rec.By, rec.At = by, at
	return rec, changes, putAnswer(tx, no, rec)
}

// putAnswer writes rec, or deletes it when it says nothing any more.
func putAnswer(tx *bbolt.Tx, no int, rec answerRec) error {
	b := answersBucket.of(tx)
	if rec.Value == 0 && rec.Fakta == "" && rec.Analisis == "" && rec.Sector == "" && !rec.Reconfirm && rec.External == nil {
		return b.Delete(indicatorKey(no))
	}
	return putJSON(b, indicatorKey(no), rec)
}

// levelText is how a value reads in the history: "3", or "" for none.
func levelText(h model.Hundredths) string {
	if h == model.Unanswered {
		return ""
	}
	return h.Compact()
}

func (r answerRec) model(no int) model.Answer {
	return model.Answer{Indicator: no, Value: model.Hundredths(r.Value), Fakta: r.Fakta, Analisis: r.Analisis,
		Sector: r.Sector, By: r.By, At: r.At, Reconfirm: r.Reconfirm, External: r.External.model()}
}

func externalToRec(e *model.ExternalValue) *externalRec {
	if e == nil {
		return nil
	}
	return &externalRec{Value: int64(e.Value), Source: e.Source, Date: e.Date.String(), ValidUntil: e.ValidUntil.String()}
}

// model converts the record; dates that do not parse read as not given
// (Check reports the record).
func (r *externalRec) model() *model.ExternalValue {
	if r == nil {
		return nil
	}
	d, _ := model.ParseDate(r.Date)
	u, _ := model.ParseDate(r.ValidUntil)
	return &model.ExternalValue{Value: model.Hundredths(r.Value), Source: r.Source, Date: d, ValidUntil: u}
}

// externalText is how an external value reads in the history.
func externalText(r *externalRec) string {
	if r == nil {
		return ""
	}
	t := model.Hundredths(r.Value).ID()
	if r.Source != "" {
		t += " (" + r.Source + ")"
	}
	return t
}

// SetOfficials sets the officials that reports name for signature.
func (w *Workspace) SetOfficials(by string, o model.Officials) error {
	by, err := author(by)
	if err != nil {
		return err
	}
	rec := officialsToRec(o)
	for _, s := range []string{rec.HeadName, rec.HeadNIP, rec.HeadTitle, rec.ResponsibleName, rec.ResponsibleNIP, rec.ResponsibleTitle, rec.Place} {
		if err := checkText("pejabat / officials", s); err != nil {
			return err
		}
	}
	err = w.update(func(tx *bbolt.Tx) error {
		var old officialsRec
		meta := metaBucket.of(tx)
		if meta.Get(keyOfficials) != nil {
			if err := getJSON(meta, keyOfficials, &old); err != nil {
				return model.Wrapf(err, ErrDamaged, "err.store.detail_officials")
			}
		}
		if old == rec {
			return errNoChange
		}
		if err := putJSON(meta, keyOfficials, rec); err != nil {
			return err
		}
		return appendChanges(tx, []model.Change{{At: now(), By: by, Field: model.FieldOfficials, Old: old.text(), New: rec.text()}})
	})
	if errors.Is(err, errNoChange) {
		return nil
	}
	return err
}

func officialsToRec(o model.Officials) officialsRec {
	t := strings.TrimSpace
	return officialsRec{HeadName: t(o.HeadName), HeadNIP: t(o.HeadNIP), HeadTitle: t(o.HeadTitle),
		ResponsibleName: t(o.ResponsibleName), ResponsibleNIP: t(o.ResponsibleNIP), ResponsibleTitle: t(o.ResponsibleTitle), Place: t(o.Place)}
}

func (r officialsRec) model() model.Officials {
	return model.Officials{HeadName: r.HeadName, HeadNIP: r.HeadNIP, HeadTitle: r.HeadTitle,
		ResponsibleName: r.ResponsibleName, ResponsibleNIP: r.ResponsibleNIP, ResponsibleTitle: r.ResponsibleTitle, Place: r.Place}
}

// text is how the officials read in the history.
func (r officialsRec) text() string {
	var parts []string
	person := func(role, name, nip, title string) {
		if s := strings.Join(nonEmpty(name, nip, title), ", "); s != "" {
			parts = append(parts, role+": "+s)
		}
	}
	person("kepala", r.HeadName, r.HeadNIP, r.HeadTitle)
	person("penanggung jawab", r.ResponsibleName, r.ResponsibleNIP, r.ResponsibleTitle)
	if r.Place != "" {
		parts = append(parts, "tempat: "+r.Place)
	}
	return strings.Join(parts, "; ")
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// SetTargetIndex sets the index the instansi aims at, 1,00–5,00; 0 clears
// it.
func (w *Workspace) SetTargetIndex(by string, h model.Hundredths) error {
	by, err := author(by)
	if err != nil {
		return err
	}
	if h != 0 && (h < 100 || h > 500) {
		return fmt.Errorf("%w: %s", model.ErrTargetRange, h.ID())
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) { return putTargetIndex(metaBucket.of(tx), by, h) })
}

func targetIndex(meta *bbolt.Bucket) (model.Hundredths, error) {
	v := meta.Get(keyTargetIndex)
	if v == nil {
		return 0, nil
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, model.Wrapf(err, ErrDamaged, "err.store.detail_target_index")
	}
	return model.Hundredths(n), nil
}

// Assessment returns everything the workspace says, read in one
// transaction so that it is consistent: identity, instrument, officials,
// answers, evidence links, the target index and the target levels, the
// revision of the last export and the fingerprint of the signing key. Reports and bundles are
// made from it; the caller owns the result.
func (w *Workspace) Assessment() (*model.Assessment, error) {
	var a *model.Assessment
	err := w.view(func(tx *bbolt.Tx) (err error) {
		a, err = w.assessment(tx)
		return err
	})
	return a, err
}

// assessment reads the assessment in tx.
func (w *Workspace) assessment(tx *bbolt.Tx) (*model.Assessment, error) {
	a := &model.Assessment{Identity: w.ident, Pack: w.pack, Answers: map[int]model.Answer{}}
	meta := metaBucket.of(tx)
	if meta.Get(keyOfficials) != nil {
		var o officialsRec
		if err := getJSON(meta, keyOfficials, &o); err != nil {
			return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_officials")
		}
		a.Officials = o.model()
	}
	var err error
	if a.TargetIndex, err = targetIndex(meta); err != nil {
		return nil, err
	}
	key, found, err := getSigningKey(meta)
	if err != nil {
		return nil, err
	}
	if found {
		a.KeyFingerprint = key.Public.Fingerprint()
	}
	last, err := lastExport(meta)
	if err != nil {
		return nil, err
	}
	a.Revision = last.Revision
	if a.Targets, err = targets(tx); err != nil {
		return nil, err
	}
	err = answersBucket.of(tx).ForEach(func(k, v []byte) error {
		var rec answerRec
		if len(k) != 4 || json.Unmarshal(v, &rec) != nil {
			return model.Errorf(ErrDamaged, "err.store.detail_answer_key", "Key", hexOf(k))
		}
		no := int(binary.BigEndian.Uint32(k))
		a.Answers[no] = rec.model(no)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if a.Evidence, err = links(tx, 0); err != nil {
		return nil, err
	}
	return a, nil
}
