package model

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// OPD is one OPD in the coordinator's registry.
type OPD struct {
	// Code is the OPD's short code, e.g. "DISKOMINFO": upper-case letters,
	// digits and dashes, unique in the registry.
	Code string
	// Name is the OPD's full name exactly as its workspace names its unit,
	// e.g. "Dinas Komunikasi dan Informatika": submissions are matched to
	// the registry by it (see SameUnit).
	Name string
	// Contact names the contact person, with a phone number or e-mail.
	Contact string
	// Key is the OPD's public key, registered in advance or pinned by its
	// first submission; zero before either.
	Key PublicKey
}

// Errors of the OPD registry.
var (
	// ErrOPDCode reports a code that is empty or has other characters than
	// letters, digits and dashes.
	ErrOPDCode = NewCode("err.opd_code")
	// ErrOPDName reports an OPD without its name.
	ErrOPDName = NewCode("err.opd_name")
	// ErrNoSuchOPD reports a code the registry does not have.
	ErrNoSuchOPD = NewCode("err.no_such_opd")
	// ErrOPDExists reports a second OPD with the same code or name.
	ErrOPDExists = NewCode("err.opd_exists")
	// ErrNothingAssigned reports an assignment bundle asked for an OPD
	// that has no indicator assigned.
	ErrNothingAssigned = NewCode("err.nothing_assigned")
	// ErrStage reports a stage name that is not one of the yearly cycle's.
	ErrStage = NewCode("err.stage")
	// ErrTimeline reports a timeline with a stage twice or without a date.
	ErrTimeline = NewCode("err.timeline")
	// ErrTrend reports an earlier year's result that cannot be right: a
	// year twice or out of range, an index outside 1,00–5,00, more domain
	// indices than the instrument has domains.
	ErrTrend = NewCode("err.trend")
	// ErrOPDOnly reports an assignment given to a workspace that is not an
	// OPD's.
	ErrOPDOnly = NewCode("err.opd_only")
	// ErrBadAssignment reports an assignment whose contents the workspace
	// cannot take: an indicator the instrument lacks, a target out of range.
	// A bundle that verified never carries one.
	ErrBadAssignment = NewCode("err.bad_assignment")
	// ErrAssignmentReplay reports an assignment that is not newer than the
	// one the workspace holds; it comes inside an *AssignmentReplayError.
	ErrAssignmentReplay = NewCode("err.assignment_replay")
)

// AssignmentReplayError is an assignment that is not newer than the one
// the OPD's workspace holds. It matches ErrAssignmentReplay.
type AssignmentReplayError struct {
	// Have is the assignment held, Got the one refused.
	Have, Got *Assignment
}

// Same reports whether the refused assignment is the one held.
func (e *AssignmentReplayError) Same() bool {
	return e.Have.Revision == e.Got.Revision && e.Have.Sent.Equal(e.Got.Sent)
}

func (e *AssignmentReplayError) Error() string {
	if e.Same() {
		return fmt.Sprintf("penugasan %d (%s) sudah diterima / assignment %d (%s) was received already",
			e.Got.Revision, e.Got.Sent.Format(time.DateOnly), e.Got.Revision, e.Got.Sent.Format(time.DateOnly))
	}
	return fmt.Sprintf("penugasan lama: yang berlaku penugasan %d dibuat %s, ini penugasan %d dibuat %s / an older assignment: assignment %d made %s holds, this is assignment %d made %s",
		e.Have.Revision, e.Have.Sent.Format(time.DateTime), e.Got.Revision, e.Got.Sent.Format(time.DateTime),
		e.Have.Revision, e.Have.Sent.Format(time.DateTime), e.Got.Revision, e.Got.Sent.Format(time.DateTime))
}

// Is makes errors.Is(err, ErrAssignmentReplay) hold.
func (e *AssignmentReplayError) Is(target error) bool { return target == ErrAssignmentReplay }

// NormalizeCode returns the code as the registry keeps it: trimmed and
// upper case. It refuses anything but letters, digits and dashes.
func NormalizeCode(code string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "" {
		return "", ErrOPDCode
	}
	for _, r := range c {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return "", fmt.Errorf("%q: %w", code, ErrOPDCode)
		}
	}
	return c, nil
}

// SameUnit reports whether two unit names name the same OPD: equal but
// for case and spacing, as people type them.
func SameUnit(a, b string) bool {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	return norm(a) == norm(b)
}

// Stage is a step of the yearly evaluation cycle (seed 001): penilaian
// mandiri in September, penilaian dokumen in October, revisi dokumen in
// November, pelaporan in December.
type Stage string

// The stages of the yearly cycle, in order.
const (
	StageSelfAssessment Stage = "penilaian-mandiri"
	StageDocuments      Stage = "penilaian-dokumen"
	StageRevision       Stage = "revisi"
	StageReporting      Stage = "pelaporan"
)

// Stages lists the stages of the yearly cycle in order.
var Stages = []Stage{StageSelfAssessment, StageDocuments, StageRevision, StageReporting}

// ParseStage reads a stage by its name ("penilaian-mandiri") or its
// English name ("self-assessment", "documents", "revision", "reporting").
func ParseStage(s string) (Stage, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "self-assessment":
		return StageSelfAssessment, nil
	case "documents":
		return StageDocuments, nil
	case "revision":
		return StageRevision, nil
	case "reporting":
		return StageReporting, nil
	default:
		for _, st := range Stages {
			if v == string(st) {
				return st, nil
			}
		}
	}
	return "", fmt.Errorf("%q: %w", s, ErrStage)
}

// In names the stage in language l, from the catalogue ("stage." and the
// stage). A stage the catalogue lacks comes back as itself.
func (s Stage) In(l Lang) string { return catalogueName(l, "stage.", string(s)) }

// Text is s.In(ID): a wrapper over the catalogue, kept for its callers.
func (s Stage) Text() string { return s.In(ID) }

// TextEN is s.In(EN): a wrapper over the catalogue, kept for its callers.
func (s Stage) TextEN() string { return s.In(EN) }

// catalogueName returns the catalogue's sentence of prefix+name in language
// l, a name without values, or name itself when the catalogue lacks it.
func catalogueName(l Lang, prefix, name string) string {
	key := prefix + name
	if !HasText(l, key) && !HasText(ID, key) {
		return name
	}
	return Text(l, key, nil)
}

// Milestone is the deadline of one stage.
type Milestone struct {
	Stage Stage
	Due   Date
}

// Timeline is the year's deadlines, in date order.
type Timeline []Milestone

// DefaultTimeline is the cycle of seed 001 for a year: penilaian mandiri
// until 30 September, penilaian dokumen until 31 October, revisi until 30
// November, pelaporan until 15 December.
func DefaultTimeline(year int) Timeline {
	return Timeline{
		{StageSelfAssessment, Date{year, time.September, 30}},
		{StageDocuments, Date{year, time.October, 31}},
		{StageRevision, Date{year, time.November, 30}},
		{StageReporting, Date{year, time.December, 15}},
	}
}

// Sorted returns the timeline in date order.
func (t Timeline) Sorted() Timeline {
	out := append(Timeline(nil), t...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// Next returns the first deadline on or after today.
func (t Timeline) Next(today Date) (Milestone, bool) {
	for _, m := range t.Sorted() {
		if !m.Due.Before(today) {
			return m, true
		}
	}
	return Milestone{}, false
}

// Check refuses a timeline with an unknown stage, a stage twice or a
// stage without its date.
func (t Timeline) Check() error {
	seen := map[Stage]bool{}
	for _, m := range t {
		if !slices.Contains(Stages, m.Stage) {
			return fmt.Errorf("%w: %q: %w", ErrTimeline, m.Stage, ErrStage)
		}
		if seen[m.Stage] {
			return Errorf(ErrTimeline, "err.timeline.twice", "Stage", m.Stage)
		}
		if m.Due.IsZero() {
			return Errorf(ErrTimeline, "err.timeline.no_date", "Stage", m.Stage)
		}
		seen[m.Stage] = true
	}
	return nil
}

// Set returns the timeline with stage s due on d: its date changed when
// the timeline has the stage, else the stage added.
func (t Timeline) Set(s Stage, d Date) Timeline {
	out := append(Timeline(nil), t...)
	for i := range out {
		if out[i].Stage == s {
			out[i].Due = d
			return out
		}
	}
	return append(out, Milestone{Stage: s, Due: d}).Sorted()
}

// Shift returns the timeline with every date moved by years.
func (t Timeline) Shift(years int) Timeline {
	out := make(Timeline, len(t))
	for i, m := range t {
		out[i] = Milestone{Stage: m.Stage, Due: m.Due.AddYears(years)}
	}
	return out
}

// Due returns the deadline of stage s, and whether the timeline has it.
func (t Timeline) Due(s Stage) (Date, bool) {
	for _, m := range t {
		if m.Stage == s {
			return m.Due, true
		}
	}
	return Date{}, false
}

// Assignment is what the coordinator asks of one OPD: the indicators it
// answers with the target level of each, and the deadline. The assignment
// bundle carries it, signed by the coordinator, with the instrument pack
// and the coordinator's public key.
type Assignment struct {
	// Code and Name identify the OPD in the coordinator's registry.
	Code, Name string
	// Revision numbers the assignments made for the OPD, from 1.
	Revision int
	// Instansi and Year are the coordinator's; InstrumentID and
	// InstrumentHash name the instrument pack the bundle carries.
	Instansi       string
	Year           int
	InstrumentID   string
	InstrumentHash string
	// Indicators are the indicators the OPD answers, in instrument order.
	Indicators []int
	// Targets are the target levels of those indicators, where set.
	Targets map[int]Hundredths
	// TargetIndex is the index the Pemda aims at (0: none set).
	TargetIndex Hundredths
	// Deadline is when the OPD's submission is due; Timeline is the
	// whole year's.
	Deadline Date
	Timeline Timeline
	// Coordinator is the coordinator's key: review bundles signed by it
	// are trusted.
	Coordinator PublicKey
	// Sent is when the coordinator made the assignment bundle.
	Sent time.Time
}

// Newer reports whether a was made after b: later, or in the same second
// with a higher revision.
func (a *Assignment) Newer(b *Assignment) bool {
	if !a.Sent.Equal(b.Sent) {
		return a.Sent.After(b.Sent)
	}
	return a.Revision > b.Revision
}

// Summary says in one line what the assignment asks: "BAPPEDA, penugasan
// 2: indikator 11, 12, 13; batas 2025-09-30".
func (a *Assignment) Summary() string {
	nos := make([]string, len(a.Indicators))
	for i, no := range a.Indicators {
		nos[i] = strconv.Itoa(no)
	}
	s := fmt.Sprintf("%s, penugasan %d: indikator %s", a.Code, a.Revision, strings.Join(nos, ", "))
	if !a.Deadline.IsZero() {
		s += "; batas " + a.Deadline.String()
	}
	return s
}

// OPDState says where an OPD stands in the year's cycle.
type OPDState string

// The OPD states.
const (
	// OPDNotStarted: no indicator assigned or no assignment sent yet.
	OPDNotStarted OPDState = "belum-mulai"
	// OPDAssignmentSent: the assignment bundle is made, nothing received.
	OPDAssignmentSent OPDState = "penugasan-dikirim"
	// OPDSubmitted: a submission is imported.
	OPDSubmitted OPDState = "terkirim"
	// OPDOverdue: the deadline passed and nothing was received.
	OPDOverdue OPDState = "terlambat"
)

// In says the state in language l, from the catalogue ("opd_state." and
// the state). A state the catalogue lacks comes back as itself.
func (s OPDState) In(l Lang) string { return catalogueName(l, "opd_state.", string(s)) }

// Text is s.In(ID): a wrapper over the catalogue, kept for its callers.
func (s OPDState) Text() string { return s.In(ID) }

// TextEN is s.In(EN): a wrapper over the catalogue, kept for its callers.
func (s OPDState) TextEN() string { return s.In(EN) }

// OPDStatus is one OPD's row in the coordinator's status view.
type OPDStatus struct {
	OPD      OPD
	State    OPDState
	Assigned []int
	// Sent is the date the last assignment bundle was made (zero: never).
	Sent Date
	// Revision and Submitted are the latest imported submission's number
	// and export date (0 and zero: none).
	Revision  int
	Submitted Date
	// Answered and WithEvidence count the assigned indicators the latest
	// submission answers, and answers with evidence.
	Answered, WithEvidence int
	// States holds the state of each assigned indicator in the latest
	// submission: StateUnanswered, StateNoEvidence or StateAnswered (the
	// validity of the evidence is not looked at); nil before one.
	States map[int]State
}

// StatusOf works out an OPD's state: submitted once a submission is in;
// before that overdue once the deadline has passed with indicators
// assigned, assignment sent once its bundle is made, else not started.
func StatusOf(s OPDStatus, deadline, today Date) OPDStatus {
	switch {
	case s.Revision > 0:
		s.State = OPDSubmitted
	case len(s.Assigned) > 0 && !deadline.IsZero() && deadline.Before(today):
		s.State = OPDOverdue
	case len(s.Assigned) > 0 && !s.Sent.IsZero():
		s.State = OPDAssignmentSent
	default:
		s.State = OPDNotStarted
	}
	return s
}

// YearResult is the official result of one year: the index and domain
// indices the Kementerian PANRB published, for the trend.
type YearResult struct {
	Year     int
	Index    Hundredths
	Predikat string
	// Domains holds the domain indices in the instrument's domain order,
	// where known.
	Domains []Hundredths
}

// ProposeTargets proposes a target level per indicator for the coming
// year: last year's levels, raised as the planner says to reach the target
// index (the fewest one-level raises, heaviest first). It returns the
// plan, which says whether the target is reachable.
func (p *Pack) ProposeTargets(last Values, target Hundredths) (map[int]Hundredths, *Plan, error) {
	plan, err := p.PlanTarget(last, target, nil)
	if err != nil {
		return nil, nil, err
	}
	out := make(map[int]Hundredths, len(last))
	for no, v := range last {
		if v != Unanswered {
			out[no] = v
		}
	}
	for _, s := range plan.Steps {
		out[s.Indicator] = s.To
	}
	return out, plan, nil
}
