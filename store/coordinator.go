package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// This file is the coordinator's side of the year: the registry of OPDs,
// which OPD answers which indicator and at which target level, the
// timeline, the state of each OPD and the earlier years' results.

// coordinatorOnly refuses a change to a workspace that is not a
// coordinator's.
func (w *Workspace) coordinatorOnly() error {
	if w.ident.Role != model.RoleCoordinator {
		return model.ErrCoordinatorOnly
	}
	return nil
}

// coordinatorChange checks a change by by to a coordinator's workspace,
// and returns the author tidied.
func (w *Workspace) coordinatorChange(by string) (string, error) {
	by, err := author(by)
	if err != nil {
		return "", err
	}
	return by, w.coordinatorOnly()
}

// Registry returns the coordinator's OPDs, ordered by code. An OPD's Key
// is the key pinned by its first imported submission when there is one
// (the OPD whose unit name is the registry name, model.SameUnit), else the
// key registered in advance, else zero. An OPD's workspace has none
// (model.ErrCoordinatorOnly).
func (w *Workspace) Registry() ([]model.OPD, error) {
	if err := w.coordinatorOnly(); err != nil {
		return nil, err
	}
	var out []model.OPD
	err := w.view(func(tx *bbolt.Tx) error {
		return forRegistry(tx, func(r registryRec) error {
			o, err := registryEntry(tx, r)
			out = append(out, o)
			return err
		})
	})
	return out, err
}

// forRegistry calls fn for every registry record in code order.
func forRegistry(tx *bbolt.Tx, fn func(registryRec) error) error {
	return registryBucket.of(tx).ForEach(func(k, v []byte) error {
		var r registryRec
		if err := json.Unmarshal(v, &r); err != nil || r.Code != string(k) {
			return fmt.Errorf("%w: OPD %q", ErrDamaged, k)
		}
		return fn(r)
	})
}

// getRegistry reads the registry record of code; found is false when the
// registry has no such OPD.
func getRegistry(tx *bbolt.Tx, code string) (r registryRec, found bool, err error) {
	v := registryBucket.of(tx).Get([]byte(code))
	if v == nil {
		return r, false, nil
	}
	if err := json.Unmarshal(v, &r); err != nil {
		return r, false, fmt.Errorf("%w: OPD %s: %v", ErrDamaged, code, err)
	}
	return r, true, nil
}

// registryByName finds the registry record whose name is unit's.
func registryByName(tx *bbolt.Tx, unit string) (found registryRec, ok bool, err error) {
	err = forRegistry(tx, func(r registryRec) error {
		if model.SameUnit(r.Name, unit) {
			found, ok = r, true
		}
		return nil
	})
	return found, ok, err
}

// submitter reads the record of the submitting OPD named unit; found is
// false when nothing was imported from it.
func submitter(tx *bbolt.Tx, unit string) (o opdRec, found bool, err error) {
	v := opdsBucket.of(tx).Get(opdKey(unit))
	if v == nil {
		return o, false, nil
	}
	if err := json.Unmarshal(v, &o); err != nil {
		return o, false, fmt.Errorf("%w: OPD %q: %v", ErrDamaged, unit, err)
	}
	return o, true, nil
}

// registryEntry turns r into the model's OPD, with the key pinned for it.
func registryEntry(tx *bbolt.Tx, r registryRec) (model.OPD, error) {
	o := model.OPD{Code: r.Code, Name: r.Name, Contact: r.Contact}
	sub, found, err := submitter(tx, r.Name)
	switch {
	case err != nil:
		return o, err
	case found:
		o.Key, err = sub.Key.model()
	case r.Key != nil:
		o.Key, err = r.Key.model()
	}
	return o, err
}

// registryText is how an OPD reads in the history.
func registryText(r registryRec) string {
	s := r.Code + " — " + r.Name
	if r.Contact != "" {
		s += " (" + r.Contact + ")"
	}
	if r.Key != nil {
		if k, err := r.Key.model(); err == nil {
			s += "; kunci / key " + k.Fingerprint()
		}
	}
	return s
}

// PutOPD adds an OPD to the registry, or changes the one with its code. It
// refuses a code that is not letters, digits and dashes (model.ErrOPDCode),
// an empty name (model.ErrOPDName), and a name another OPD of the registry
// has (model.ErrOPDExists). A key given is registered in advance: the OPD's
// first submission must be signed by it. It cannot replace a key a
// submission pinned already (model.ErrKeyChanged): a new key is accepted on
// import.
func (w *Workspace) PutOPD(by string, o model.OPD) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	code, err := model.NormalizeCode(o.Code)
	if err != nil {
		return err
	}
	rec := registryRec{Code: code, Name: strings.Join(strings.Fields(o.Name), " "), Contact: strings.TrimSpace(o.Contact)}
	switch {
	case rec.Name == "":
		return model.ErrOPDName
	case len(code) > 64:
		return fmt.Errorf("%q: %w", code, model.ErrOPDCode)
	}
	for _, t := range []string{rec.Name, rec.Contact} {
		if err := checkText("OPD", t); err != nil {
			return err
		}
	}
	if !o.Key.IsZero() {
		if len(o.Key.Key) != 32 {
			return model.Errorf(ErrBadSubmission, "err.store.detail_public_key")
		}
		k := publicKeyToRec(o.Key)
		rec.Key = &k
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		old, exists, err := getRegistry(tx, code)
		if err != nil {
			return nil, err
		}
		if err := forRegistry(tx, func(r registryRec) error {
			if r.Code != code && model.SameUnit(r.Name, rec.Name) {
				return fmt.Errorf("%s: %w: %s", rec.Name, model.ErrOPDExists, r.Code)
			}
			return nil
		}); err != nil {
			return nil, err
		}
		if rec.Key == nil && exists && model.SameUnit(old.Name, rec.Name) {
			rec.Key = old.Key // a change of the name or contact keeps the key
		}
		if rec.Key != nil {
			sub, found, err := submitter(tx, rec.Name)
			if err != nil {
				return nil, err
			}
			pinned, _ := sub.Key.model()
			if k, _ := rec.Key.model(); found && !pinned.Equal(k) {
				return nil, fmt.Errorf("%s: %w", rec.Name,
					model.Errorf(model.ErrKeyChanged, "err.store.key_pinned_by_submissions", "Key", pinned.Fingerprint()))
			}
		}
		oldText, newText := "", registryText(rec)
		if exists {
			oldText = registryText(old)
		}
		if oldText == newText {
			return nil, nil
		}
		return []model.Change{{At: now(), By: by, Field: model.FieldOPD, Old: oldText, New: newText}},
			putJSON(registryBucket.of(tx), []byte(code), rec)
	})
}

// RemoveOPD removes an OPD from the registry, with its row of the
// assignment matrix. Its imported submissions stay in the workspace.
func (w *Workspace) RemoveOPD(by, code string) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if code, err = model.NormalizeCode(code); err != nil {
		return err
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		old, found, err := getRegistry(tx, code)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("%s: %w", code, model.ErrNoSuchOPD)
		}
		at := now()
		changes := []model.Change{{At: at, By: by, Field: model.FieldOPD, Old: registryText(old)}}
		as, _, err := getAssignment(tx, code)
		if err != nil {
			return nil, err
		}
		for _, no := range as.Indicators {
			changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: model.FieldAssigned, Old: code})
		}
		if err := registryBucket.of(tx).Delete([]byte(code)); err != nil {
			return nil, err
		}
		return changes, assignmentsBucket.of(tx).Delete([]byte(code))
	})
}

// getAssignment reads the assignment record of code; found is false when
// the OPD has none.
func getAssignment(tx *bbolt.Tx, code string) (a assignmentRec, found bool, err error) {
	v := assignmentsBucket.of(tx).Get([]byte(code))
	if v == nil {
		return a, false, nil
	}
	if err := json.Unmarshal(v, &a); err != nil {
		return a, false, model.Wrapf(err, ErrDamaged, "err.store.detail_assignment_of", "Code", code)
	}
	return a, true, nil
}

// Assignments returns the assignment matrix: the indicators each OPD of
// the registry answers, in instrument order, by code. OPDs without an
// indicator are left out.
func (w *Workspace) Assignments() (map[string][]int, error) {
	out := map[string][]int{}
	err := w.view(func(tx *bbolt.Tx) error {
		return assignmentsBucket.of(tx).ForEach(func(k, v []byte) error {
			var a assignmentRec
			if err := json.Unmarshal(v, &a); err != nil {
				return model.Wrapf(err, ErrDamaged, "err.store.detail_assignment_of", "Code", string(k))
			}
			if len(a.Indicators) > 0 {
				out[string(k)] = a.Indicators
			}
			return nil
		})
	})
	return out, err
}

// SetAssigned puts indicator no on the OPD code (assigned) or takes it off.
// Several OPDs may answer the same indicator. It changes nothing when the
// matrix says so already.
func (w *Workspace) SetAssigned(by, code string, no int, assigned bool) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if code, err = model.NormalizeCode(code); err != nil {
		return err
	}
	if _, err := w.indicator(no); err != nil {
		return err
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		if _, found, err := getRegistry(tx, code); err != nil {
			return nil, err
		} else if !found {
			return nil, fmt.Errorf("%s: %w", code, model.ErrNoSuchOPD)
		}
		a, _, err := getAssignment(tx, code)
		if err != nil {
			return nil, err
		}
		if slices.Contains(a.Indicators, no) == assigned {
			return nil, nil
		}
		c := model.Change{At: now(), By: by, Indicator: no, Field: model.FieldAssigned}
		if assigned {
			a.Indicators = w.inOrder(append(a.Indicators, no))
			c.New = code
		} else {
			a.Indicators = slices.DeleteFunc(a.Indicators, func(n int) bool { return n == no })
			c.Old = code
		}
		return []model.Change{c}, putJSON(assignmentsBucket.of(tx), []byte(code), a)
	})
}

// inOrder returns the indicators of nos that the instrument has, once
// each, in instrument order.
func (w *Workspace) inOrder(nos []int) []int {
	out := []int{}
	for _, no := range w.pack.IndicatorNumbers() {
		if slices.Contains(nos, no) {
			out = append(out, no)
		}
	}
	return out
}

// SetTarget sets the target level of indicator no, which OPDs are asked to
// reach and the assignment bundles carry; model.Unanswered clears it.
// Assessment().Targets shows the target levels.
func (w *Workspace) SetTarget(by string, no int, level model.Hundredths) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if err := w.pack.CheckValue(no, level); err != nil {
		return err
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		old, err := targets(tx)
		if err != nil {
			return nil, err
		}
		next := maps.Clone(old)
		if next == nil {
			next = map[int]model.Hundredths{}
		}
		next[no] = level
		if level == model.Unanswered {
			delete(next, no)
		}
		return putTargets(tx, by, old, next)
	})
}

// targets reads every target level; nil when none is set.
func targets(tx *bbolt.Tx) (map[int]model.Hundredths, error) {
	var out map[int]model.Hundredths
	err := targetsBucket.of(tx).ForEach(func(k, v []byte) error {
		n, err := strconv.ParseInt(string(v), 10, 64)
		if len(k) != 4 || err != nil {
			return fmt.Errorf("%w: target %x", ErrDamaged, k)
		}
		if out == nil {
			out = map[int]model.Hundredths{}
		}
		out[int(binary.BigEndian.Uint32(k))] = model.Hundredths(n)
		return nil
	})
	return out, err
}

// putTargets makes the target levels next where they are old, and returns
// the history entries of the change.
func putTargets(tx *bbolt.Tx, by string, old, next map[int]model.Hundredths) ([]model.Change, error) {
	b := targetsBucket.of(tx)
	at := now()
	var changes []model.Change
	nos := slices.Sorted(maps.Keys(old))
	for no := range next {
		if _, ok := old[no]; !ok {
			nos = append(nos, no)
		}
	}
	slices.Sort(nos)
	for _, no := range nos {
		o, n := old[no], next[no]
		if o == n {
			continue
		}
		var err error
		if n == model.Unanswered {
			err = b.Delete(indicatorKey(no))
		} else {
			err = b.Put(indicatorKey(no), []byte(strconv.FormatInt(int64(n), 10)))
		}
		if err != nil {
			return nil, err
		}
		changes = append(changes, model.Change{At: at, By: by, Indicator: no, Field: model.FieldTargetLevel, Old: levelText(o), New: levelText(n)})
	}
	return changes, nil
}

// Timeline returns the year's deadlines in date order: as set with
// SetTimeline (on an OPD's workspace: as its assignment brought them), or
// else model.DefaultTimeline of the workspace's year.
func (w *Workspace) Timeline() (model.Timeline, error) {
	var t model.Timeline
	err := w.view(func(tx *bbolt.Tx) (err error) {
		t, err = w.timeline(tx)
		return err
	})
	return t, err
}

func (w *Workspace) timeline(tx *bbolt.Tx) (model.Timeline, error) {
	meta := metaBucket.of(tx)
	if meta.Get(keyTimeline) == nil {
		return model.DefaultTimeline(w.ident.Year), nil
	}
	var recs []milestoneRec
	if err := getJSON(meta, keyTimeline, &recs); err != nil {
		return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_timeline")
	}
	return timelineOf(recs)
}

func timelineOf(recs []milestoneRec) (model.Timeline, error) {
	t := make(model.Timeline, 0, len(recs))
	for _, r := range recs {
		d, err := model.ParseDate(r.Due)
		if err != nil {
			return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_timeline")
		}
		t = append(t, model.Milestone{Stage: model.Stage(r.Stage), Due: d})
	}
	return t.Sorted(), nil
}

func timelineToRecs(t model.Timeline) []milestoneRec {
	out := make([]milestoneRec, 0, len(t))
	for _, m := range t.Sorted() {
		out = append(out, milestoneRec{Stage: string(m.Stage), Due: m.Due.String()})
	}
	return out
}

// SetTimeline sets the year's deadlines. Each stage is given at most once,
// with its date (model.ErrTimeline).
func (w *Workspace) SetTimeline(by string, t model.Timeline) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if err := t.Check(); err != nil {
		return err
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) { return w.putTimeline(tx, by, t) })
}

// putTimeline stores t, checked, and returns the history entries of the
// stages whose date changed; it writes nothing when none did.
func (w *Workspace) putTimeline(tx *bbolt.Tx, by string, t model.Timeline) ([]model.Change, error) {
	old, err := w.timeline(tx)
	if err != nil {
		return nil, err
	}
	text := func(t model.Timeline, s model.Stage) string {
		if d, ok := t.Due(s); ok {
			return string(s) + " " + d.String()
		}
		return ""
	}
	at := now()
	var changes []model.Change
	for _, s := range model.Stages {
		if o, n := text(old, s), text(t, s); o != n {
			changes = append(changes, model.Change{At: at, By: by, Field: model.FieldTimeline, Old: o, New: n})
		}
	}
	stored := metaBucket.of(tx).Get(keyTimeline) != nil
	if len(changes) == 0 && stored {
		return nil, nil
	}
	return changes, putJSON(metaBucket.of(tx), keyTimeline, timelineToRecs(t))
}

// Trend returns the earlier years' results, in year order.
func (w *Workspace) Trend() ([]model.YearResult, error) {
	var out []model.YearResult
	err := w.view(func(tx *bbolt.Tx) (err error) {
		out, err = trend(metaBucket.of(tx))
		return err
	})
	return out, err
}

func trend(meta *bbolt.Bucket) ([]model.YearResult, error) {
	if meta.Get(keyTrend) == nil {
		return nil, nil
	}
	var recs []yearResultRec
	if err := getJSON(meta, keyTrend, &recs); err != nil {
		return nil, model.Wrapf(err, ErrDamaged, "err.store.detail_trend")
	}
	out := make([]model.YearResult, 0, len(recs))
	for _, r := range recs {
		y := model.YearResult{Year: r.Year, Index: model.Hundredths(r.Index), Predikat: r.Predikat}
		for _, d := range r.Domains {
			y.Domains = append(y.Domains, model.Hundredths(d))
		}
		out = append(out, y)
	}
	model.SortTrend(out)
	return out, nil
}

// SetTrend replaces the earlier years' results (model.ErrTrend: see
// model.CheckTrend). The history records each year added, changed or
// removed.
func (w *Workspace) SetTrend(by string, results []model.YearResult) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if err := model.CheckTrend(results, w.pack); err != nil {
		return err
	}
	results = slices.Clone(results)
	model.SortTrend(results)
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) { return putTrend(tx, by, results) })
}

// putTrend stores results, in year order, and returns the history entries
// of the years that changed; it writes nothing when none did.
func putTrend(tx *bbolt.Tx, by string, results []model.YearResult) ([]model.Change, error) {
	meta := metaBucket.of(tx)
	old, err := trend(meta)
	if err != nil {
		return nil, err
	}
	texts := func(rs []model.YearResult) map[int]string {
		m := map[int]string{}
		for _, r := range rs {
			m[r.Year] = r.Text()
		}
		return m
	}
	o, n := texts(old), texts(results)
	years := slices.Sorted(maps.Keys(o))
	for y := range n {
		if _, ok := o[y]; !ok {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	at := now()
	var changes []model.Change
	for _, y := range years {
		if o[y] != n[y] {
			changes = append(changes, model.Change{At: at, By: by, Field: model.FieldTrend, Old: o[y], New: n[y]})
		}
	}
	if len(changes) == 0 {
		return nil, nil
	}
	recs := make([]yearResultRec, 0, len(results))
	for _, r := range results {
		rec := yearResultRec{Year: r.Year, Index: int64(r.Index), Predikat: r.Predikat}
		for _, d := range r.Domains {
			rec.Domains = append(rec.Domains, int64(d))
		}
		recs = append(recs, rec)
	}
	return changes, putJSON(meta, keyTrend, recs)
}

// AssignmentFor returns what the assignment bundle of the OPD code would
// carry now: its indicators with their target levels, the target index,
// the penilaian mandiri deadline of the timeline and the whole timeline,
// the instrument and the coordinator's public key, numbered after the last
// assignment made for the OPD. Sent is left zero for the bundle writer to
// set. An OPD without an indicator gets model.ErrNothingAssigned.
func (w *Workspace) AssignmentFor(code string) (model.Assignment, error) {
	if err := w.coordinatorOnly(); err != nil {
		return model.Assignment{}, err
	}
	code, err := model.NormalizeCode(code)
	if err != nil {
		return model.Assignment{}, err
	}
	key, err := w.SigningKey()
	if err != nil {
		return model.Assignment{}, err
	}
	a := model.Assignment{Code: code, Instansi: w.ident.Instansi, Year: w.ident.Year, InstrumentID: w.ident.InstrumentID,
		InstrumentHash: w.ident.InstrumentHash, Coordinator: key.Public}
	err = w.view(func(tx *bbolt.Tx) error {
		r, found, err := getRegistry(tx, code)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("%s: %w", code, model.ErrNoSuchOPD)
		}
		as, _, err := getAssignment(tx, code)
		if err != nil {
			return err
		}
		if len(as.Indicators) == 0 {
			return fmt.Errorf("%s: %w", code, model.ErrNothingAssigned)
		}
		a.Name, a.Revision, a.Indicators = r.Name, as.Revision+1, slices.Clone(as.Indicators)
		all, err := targets(tx)
		if err != nil {
			return err
		}
		for _, no := range a.Indicators {
			if v, ok := all[no]; ok {
				if a.Targets == nil {
					a.Targets = map[int]model.Hundredths{}
				}
				a.Targets[no] = v
			}
		}
		if a.TargetIndex, err = targetIndex(metaBucket.of(tx)); err != nil {
			return err
		}
		if a.Timeline, err = w.timeline(tx); err != nil {
			return err
		}
		a.Deadline, _ = a.Timeline.Due(model.StageSelfAssessment)
		return nil
	})
	return a, err
}

// RecordAssignment notes that by wrote the assignment bundle of a, made
// from AssignmentFor: the OPD's status becomes "assignment sent", with a's
// deadline, and the next assignment takes the next number. An assignment
// older than the one recorded does not move the record back.
func (w *Workspace) RecordAssignment(by string, a model.Assignment) error {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return err
	}
	if a.Sent.IsZero() || a.Revision < 1 {
		return model.Errorf(model.ErrBadAssignment, "err.store.assignment_without_time")
	}
	return w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		if _, found, err := getRegistry(tx, a.Code); err != nil {
			return nil, err
		} else if !found {
			return nil, fmt.Errorf("%s: %w", a.Code, model.ErrNoSuchOPD)
		}
		rec, _, err := getAssignment(tx, a.Code)
		if err != nil {
			return nil, err
		}
		if rec.Revision > 0 && !a.Newer(&model.Assignment{Revision: rec.Revision, Sent: rec.Sent}) {
			return nil, nil
		}
		rec.Revision, rec.Sent, rec.Deadline = max(rec.Revision, a.Revision), a.Sent.UTC(), a.Deadline.String()
		return []model.Change{{At: now(), By: by, Field: model.FieldAssignmentSent, New: a.Summary()}},
			putJSON(assignmentsBucket.of(tx), []byte(a.Code), rec)
	})
}

// Status returns where each OPD of the registry stands today, in code
// order (model.StatusOf): the indicators assigned to it, when its last
// assignment bundle was made, its latest imported submission and the state
// of each assigned indicator in it. It reads no submission: the workspace
// keeps what it needs of the latest one with the OPD.
//
// An OPD is overdue once the deadline of its last assignment bundle has
// passed without a submission; before a bundle is made, the penilaian
// mandiri deadline of the timeline counts. The revision round's deadline
// concerns OPDs asked to revise after a review, which have submitted. An
// OPD's workspace has no status (model.ErrCoordinatorOnly).
func (w *Workspace) Status(today model.Date) ([]model.OPDStatus, error) {
	if err := w.coordinatorOnly(); err != nil {
		return nil, err
	}
	var out []model.OPDStatus
	err := w.view(func(tx *bbolt.Tx) error {
		t, err := w.timeline(tx)
		if err != nil {
			return err
		}
		due, _ := t.Due(model.StageSelfAssessment)
		return forRegistry(tx, func(r registryRec) error {
			o, err := registryEntry(tx, r)
			if err != nil {
				return err
			}
			s := model.OPDStatus{OPD: o}
			as, _, err := getAssignment(tx, r.Code)
			if err != nil {
				return err
			}
			s.Assigned = as.Indicators
			deadline := due
			if as.Revision > 0 {
				s.Sent = model.DateOf(as.Sent.Local())
				if d, err := model.ParseDate(as.Deadline); err == nil && !d.IsZero() {
					deadline = d
				}
			}
			if err := latestState(tx, r.Name, &s); err != nil {
				return err
			}
			out = append(out, model.StatusOf(s, deadline, today))
			return nil
		})
	})
	return out, err
}

// latestState fills in the revision, date, counts and states of the
// latest submission of unit, when there is one.
func latestState(tx *bbolt.Tx, unit string, s *model.OPDStatus) error {
	sub, found, err := submitter(tx, unit)
	if err != nil || !found {
		return err
	}
	s.Revision, s.Submitted = sub.Latest, model.DateOf(sub.Created.Local())
	s.States = make(map[int]model.State, len(s.Assigned))
	for _, no := range s.Assigned {
		switch {
		case !slices.Contains(sub.Answered, no):
			s.States[no] = model.StateUnanswered
		case slices.Contains(sub.Evidenced, no):
			s.States[no] = model.StateAnswered
			s.Answered++
			s.WithEvidence++
		default:
			s.States[no] = model.StateNoEvidence
			s.Answered++
		}
	}
	return nil
}

// LatestSubmissions returns the latest imported submission of each OPD of
// the registry that has one, by code; its evidence and report bytes read
// through OpenEvidence.
func (w *Workspace) LatestSubmissions() (map[string]*model.Submission, error) {
	out := map[string]*model.Submission{}
	err := w.view(func(tx *bbolt.Tx) error {
		return forRegistry(tx, func(r registryRec) error {
			s, err := w.latest(tx, r.Name)
			if s != nil {
				out[r.Code] = s
			}
			return err
		})
	})
	return out, err
}

// latest reads the latest submission of unit; nil when there is none.
func (w *Workspace) latest(tx *bbolt.Tx, unit string) (*model.Submission, error) {
	sub, found, err := submitter(tx, unit)
	if err != nil || !found {
		return nil, err
	}
	v := submissionsBucket.of(tx).Get(submissionKey(sub.No, sub.Latest))
	var rec submissionRec
	if v == nil || json.Unmarshal(v, &rec) != nil {
		return nil, model.Errorf(ErrDamaged, "err.store.detail_submission_of", "Unit", sub.Unit, "Revision", sub.Latest)
	}
	return rec.model(w.pack)
}

// Contributions returns what each OPD of the registry contributes to the
// Pemda's assessment: its latest submission's assessment, by code, with
// only the answers and evidence of the indicators assigned to it. An
// answer to an indicator the OPD was not asked for does not count.
// model.Spreads and model.DefaultConsolidation take the result.
func (w *Workspace) Contributions() (map[string]*model.Assessment, error) {
	latest, err := w.LatestSubmissions()
	if err != nil {
		return nil, err
	}
	assigned, err := w.Assignments()
	if err != nil {
		return nil, err
	}
	out := map[string]*model.Assessment{}
	for code, s := range latest {
		a := *s.Assessment
		a.Answers = map[int]model.Answer{}
		a.Evidence = nil
		for _, no := range assigned[code] {
			if ans, ok := s.Assessment.Answers[no]; ok {
				a.Answers[no] = ans
			}
			a.Evidence = append(a.Evidence, s.Assessment.EvidenceFor(no)...)
		}
		model.SortEvidence(a.Evidence)
		out[code] = &a
	}
	return out, nil
}

// AdoptAnswer makes the answer the OPD code gave to indicator no in its
// latest submission the Pemda's: its level, penjelasan, sector name and
// external index value become the coordinator's answer, and its evidence
// files are linked to the coordinator's indicator (the bytes are held
// already; nothing is copied). The answer is taken as reviewed: when the
// coordinator's review adjusted its level (Decisions), the adjusted level
// and the review's note are taken (model.Decision.Applied). It reports
// model.ErrNoSubmission when the OPD's latest submission does not answer
// the indicator.
func (w *Workspace) AdoptAnswer(by string, no int, code string) (model.Answer, error) {
	by, err := w.coordinatorChange(by)
	if err != nil {
		return model.Answer{}, err
	}
	if code, err = model.NormalizeCode(code); err != nil {
		return model.Answer{}, err
	}
	if _, err := w.indicator(no); err != nil {
		return model.Answer{}, err
	}
	var rec answerRec
	err = w.record(func(tx *bbolt.Tx) ([]model.Change, error) {
		r, found, err := getRegistry(tx, code)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("%s: %w", code, model.ErrNoSuchOPD)
		}
		s, err := w.latest(tx, r.Name)
		if err != nil {
			return nil, err
		}
		var ans model.Answer
		if s != nil {
			ans = s.Assessment.Answers[no]
			// The answer as reviewed: an adjusted level replaces the OPD's.
			d, found, err := w.decisionOn(tx, r.Name, no)
			if err != nil {
				return nil, err
			}
			if found {
				ans = d.Applied(ans)
			}
		}
		if ans.Value == model.Unanswered {
			return nil, fmt.Errorf("%s: %w", code, model.Within(model.ErrNoSubmission, "err.store.not_answered_in_latest", "Indicator", no))
		}
		u := AnswerUpdate{Value: &ans.Value, Fakta: &ans.Fakta, Analisis: &ans.Analisis, Sector: &ans.Sector,
			External: ans.External, ClearExternal: ans.External == nil, Confirm: true}
		if err := w.checkUpdate(no, &u); err != nil {
			return nil, err
		}
		at := now()
		var changes []model.Change
		if rec, changes, err = applyUpdate(tx, by, no, u, at); err != nil {
			return nil, err
		}
		for _, e := range s.Assessment.EvidenceFor(no) {
			c, err := linkHeld(tx, by, at, e)
			if err != nil {
				return nil, err
			}
			changes = append(changes, c...)
		}
		return changes, nil
	})
	if err != nil {
		return model.Answer{}, err
	}
	return rec.model(no), nil
}

// linkHeld links the stored file of e to e's indicator, with e's details,
// unless the indicator has it already, and returns the history entry.
func linkHeld(tx *bbolt.Tx, by string, at time.Time, e model.Evidence) ([]model.Change, error) {
	sum, ok := parseSum(e.SHA256)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrNoSuchEvidence, e.SHA256)
	}
	key := linkKey(e.Indicator, sum)
	if linksBucket.of(tx).Get(key) != nil {
		return nil, nil
	}
	var blob blobRec
	if found, err := getBlob(tx, sum, &blob); err != nil {
		return nil, err
	} else if !found {
		return nil, fmt.Errorf("%s: %w", e.ShortHash(), ErrNoSuchEvidence)
	}
	blob.Links++
	if err := putJSON(blobsBucket.of(tx), sum[:], blob); err != nil {
		return nil, err
	}
	meta := EvidenceMeta{Title: e.Title, DocNo: e.DocNo, DocDate: e.DocDate, ValidUntil: e.ValidUntil, Level: e.Level}
	if err := putJSON(linksBucket.of(tx), key, linkToRec(e.Name, meta, by, at)); err != nil {
		return nil, err
	}
	return []model.Change{{At: at, By: by, Indicator: e.Indicator, Field: model.FieldEvidenceAdded, New: linkName(e)}}, nil
}
