package ui

import (
	"context"
	"errors"
	"maps"
	"os"
	"slices"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// fakeCoordinator is a coordinator's workspace in memory: the registry,
// the assignments and the OPDs' latest submissions.
type fakeCoordinator struct {
	*fakeWorkspace
	registry    []model.OPD
	assignments map[string][]int
	sent        map[string]model.Date
	latest      map[string]*model.Assessment
	trend       []model.YearResult
	// incoming are the submissions Import takes, by file name; a file
	// not in it is refused.
	incoming map[string]*model.Assessment
	// submitted holds every revision by code; decisions the review.
	submitted map[string]map[int]*model.Assessment
	decisions map[string][]model.Decision
}

func newFakeCoordinator(ws *fakeWorkspace) *fakeCoordinator {
	return &fakeCoordinator{fakeWorkspace: ws, assignments: map[string][]int{}, sent: map[string]model.Date{}, latest: map[string]*model.Assessment{},
		incoming: map[string]*model.Assessment{}, submitted: map[string]map[int]*model.Assessment{}, decisions: map[string][]model.Decision{}}
}

func (c *fakeCoordinator) Registry() ([]model.OPD, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.registry), nil
}

func (c *fakeCoordinator) PutOPD(_ string, o model.OPD) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	code, err := model.NormalizeCode(o.Code)
	if err != nil {
		return err
	}
	o.Code = code
	for i, r := range c.registry {
		if r.Code == code {
			c.registry[i] = o
			return nil
		}
	}
	c.registry = append(c.registry, o)
	return nil
}

func (c *fakeCoordinator) RemoveOPD(_, code string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.registry = slices.DeleteFunc(c.registry, func(o model.OPD) bool { return o.Code == code })
	delete(c.assignments, code)
	return nil
}

func (c *fakeCoordinator) Assignments() (map[string][]int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[string][]int{}
	for k, v := range c.assignments {
		out[k] = slices.Clone(v)
	}
	return out, nil
}

func (c *fakeCoordinator) SetAssigned(_, code string, no int, on bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if on && !slices.Contains(c.assignments[code], no) {
		c.assignments[code] = append(c.assignments[code], no)
		slices.Sort(c.assignments[code])
	}
	if !on {
		c.assignments[code] = slices.DeleteFunc(c.assignments[code], func(n int) bool { return n == no })
	}
	return nil
}

func (c *fakeCoordinator) SetTarget(_ string, no int, level model.Hundredths) error { return nil }

func (c *fakeCoordinator) Timeline() (model.Timeline, error) {
	return model.DefaultTimeline(c.id.Year), nil
}

func (c *fakeCoordinator) Status(today model.Date) ([]model.OPDStatus, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	due, _ := model.DefaultTimeline(c.id.Year).Due(model.StageSelfAssessment)
	var out []model.OPDStatus
	for _, o := range c.registry {
		s := model.OPDStatus{OPD: o, Assigned: c.assignments[o.Code], Sent: c.sent[o.Code]}
		if a := c.latest[o.Code]; a != nil {
			s.Revision = a.Revision
		}
		out = append(out, model.StatusOf(s, due, today))
	}
	return out, nil
}

func (c *fakeCoordinator) Latest() (map[string]*model.Assessment, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.latest), nil
}

func (c *fakeCoordinator) Trend() ([]model.YearResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.trend), nil
}

func (c *fakeCoordinator) ExportAssignment(_ context.Context, _, code, path, passphrase string) (model.Assignment, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if passphrase != c.passphrase {
		return model.Assignment{}, bundle.ErrPassphrase
	}
	if err := os.WriteFile(path, []byte("penugasan "+code), 0o644); err != nil {
		return model.Assignment{}, err
	}
	c.sent[code] = model.Date{Year: 2025, Month: 8, Day: 20}
	due, _ := model.DefaultTimeline(c.id.Year).Due(model.StageSelfAssessment)
	return model.Assignment{Code: code, Indicators: c.assignments[code], Deadline: due}, nil
}

// AdoptAnswer copies OPD code's answer to no, and links its evidence.
func (c *fakeCoordinator) AdoptAnswer(_ string, no int, code string) (model.Answer, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sub := c.latest[code]
	if sub == nil {
		return model.Answer{}, model.ErrNoSubmission
	}
	a, ok := sub.Answers[no]
	if !ok {
		return model.Answer{}, model.ErrNoSubmission
	}
	a.Indicator = no
	c.answers[no] = a
	for _, e := range sub.EvidenceFor(no) {
		if !slices.ContainsFunc(c.evidence, func(h model.Evidence) bool { return h.Indicator == no && h.SHA256 == e.SHA256 }) {
			c.evidence = append(c.evidence, e)
		}
	}
	model.SortEvidence(c.evidence)
	return a, nil
}

var errFakeTampered = errors.New("berkas telah diubah setelah ditandatangani / file changed after it was signed: evidence/abc")

func (c *fakeCoordinator) Import(_ context.Context, _ string, paths []string, progress func(done, total int, file string)) []ImportOutcome {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []ImportOutcome
	for i, p := range paths {
		if progress != nil {
			progress(i, len(paths), p)
		}
		a, ok := c.incoming[p]
		if !ok {
			out = append(out, ImportOutcome{File: p, Outcome: OutcomeRefused, Err: errFakeTampered})
			continue
		}
		code := a.Identity.Unit
		if prev := c.latest[code]; prev != nil && prev.Revision >= a.Revision {
			out = append(out, ImportOutcome{File: p, OPD: code, Revision: a.Revision, Outcome: OutcomeAlready})
			continue
		}
		c.latest[code] = a
		if c.submitted[code] == nil {
			c.submitted[code] = map[int]*model.Assessment{}
		}
		c.submitted[code][a.Revision] = a
		out = append(out, ImportOutcome{File: p, OPD: code, Revision: a.Revision, Outcome: OutcomeImported, NewKey: "1234 5678 9012 3456 7890 1234"})
	}
	if progress != nil {
		progress(len(paths), len(paths), "")
	}
	return out
}

// fakeOPD is an OPD's workspace with a received assignment.
type fakeOPD struct {
	*fakeWorkspace
	assignment *model.Assignment
	review     *model.Review
	exported   map[int]*model.Assessment
}

func (o *fakeOPD) Assignment() (*model.Assignment, error) { return o.assignment, nil }

func (o *fakeOPD) Import(_ context.Context, _ string, paths []string, _ func(done, total int, file string)) []ImportOutcome {
	var out []ImportOutcome
	for _, p := range paths {
		o.assignment = &model.Assignment{Code: "BAPPEDA", Indicators: []int{12, 13}, Targets: map[int]model.Hundredths{13: 400},
			Deadline: model.Date{Year: 2025, Month: 9, Day: 30}, Timeline: model.DefaultTimeline(2025), Sent: time.Date(2025, 8, 20, 9, 0, 0, 0, time.UTC)}
		out = append(out, ImportOutcome{File: p, OPD: "BAPPEDA", Outcome: OutcomeImported})
	}
	return out
}

// revisionsOf and decisions make the fake coordinator a Reviewer.
func (c *fakeCoordinator) Revisions(code string) ([]int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []int
	for rev := range c.submitted[code] {
		out = append(out, rev)
	}
	slices.Sort(out)
	return out, nil
}

func (c *fakeCoordinator) Submitted(code string, rev int) (*model.Assessment, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.submitted[code][rev], nil
}

func (c *fakeCoordinator) Decisions(code string) ([]model.Decision, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.decisions[code]), nil
}

func (c *fakeCoordinator) SetDecision(by, code string, d model.Decision) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := d.Check(c.pack); err != nil {
		return err
	}
	d.By = by
	c.decisions[code] = append(slices.DeleteFunc(c.decisions[code], func(x model.Decision) bool { return x.Indicator == d.Indicator }), d)
	return nil
}

func (c *fakeCoordinator) ExportReview(_ context.Context, _, code, path, _ string) (*model.Review, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := os.WriteFile(path, []byte("reviu "+code), 0o644); err != nil {
		return nil, err
	}
	revs := c.submitted[code]
	latest := 0
	for r := range revs {
		latest = max(latest, r)
	}
	return &model.Review{Code: code, Revision: latest, Decisions: slices.Clone(c.decisions[code])}, nil
}

// Review and Exported make the fake OPD a ReviewSource.
func (o *fakeOPD) Review() (*model.Review, error) { return o.review, nil }

func (o *fakeOPD) Exported(rev int) (*model.Assessment, error) { return o.exported[rev], nil }
