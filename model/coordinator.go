package model

import (
	"errors"
	"fmt"
	"sort"
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
	ErrOPDCode = errors.New("kode OPD hanya huruf, angka dan tanda hubung / an OPD code has letters, digits and dashes only")
	// ErrOPDName reports an OPD without its name.
	ErrOPDName = errors.New("nama OPD kosong / the OPD name is empty")
	// ErrNoSuchOPD reports a code the registry does not have.
	ErrNoSuchOPD = errors.New("OPD tidak terdaftar / no such OPD")
	// ErrOPDExists reports a second OPD with the same code or name.
	ErrOPDExists = errors.New("OPD dengan kode atau nama itu sudah terdaftar / an OPD with that code or name is registered already")
)

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

// Text names the stage in Indonesian.
func (s Stage) Text() string {
	switch s {
	case StageSelfAssessment:
		return "Penilaian mandiri"
	case StageDocuments:
		return "Penilaian dokumen"
	case StageRevision:
		return "Revisi dokumen"
	case StageReporting:
		return "Pelaporan"
	}
	return string(s)
}

// TextEN names the stage in English.
func (s Stage) TextEN() string {
	switch s {
	case StageSelfAssessment:
		return "Self-assessment"
	case StageDocuments:
		return "Document review"
	case StageRevision:
		return "Revision"
	case StageReporting:
		return "Reporting"
	}
	return string(s)
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
	// Instansi and Year are the coordinator's.
	Instansi string
	Year     int
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

// Text says the state in Indonesian.
func (s OPDState) Text() string {
	switch s {
	case OPDNotStarted:
		return "Belum mulai"
	case OPDAssignmentSent:
		return "Penugasan dikirim"
	case OPDSubmitted:
		return "Terkirim"
	case OPDOverdue:
		return "Terlambat"
	}
	return string(s)
}

// TextEN says the state in English.
func (s OPDState) TextEN() string {
	switch s {
	case OPDNotStarted:
		return "Not started"
	case OPDAssignmentSent:
		return "Assignment sent"
	case OPDSubmitted:
		return "Submitted"
	case OPDOverdue:
		return "Overdue"
	}
	return string(s)
}

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
