package ui

import (
	"context"

	"github.com/swanilai/swanilai/model"
)

// Coordination is what the coordinator's window needs of its workspace
// besides Workspace: the OPD registry, the assignment matrix with the
// target levels, the year's timeline, the OPDs' status, their latest
// submissions, the trend, and the bundles going out (assignments) and
// coming in (submissions). A Workspace whose role is coordinator offers it.
type Coordination interface {
	Registry() ([]model.OPD, error)
	PutOPD(by string, o model.OPD) error
	RemoveOPD(by, code string) error
	// Assignments maps OPD codes to the indicators they answer.
	Assignments() (map[string][]int, error)
	SetAssigned(by, code string, no int, assigned bool) error
	// SetTarget sets the target level of an indicator (model.Unanswered
	// clears it).
	SetTarget(by string, no int, level model.Hundredths) error
	Timeline() (model.Timeline, error)
	Status(today model.Date) ([]model.OPDStatus, error)
	// Latest returns the latest imported submission of each OPD that sent
	// one, by code.
	Latest() (map[string]*model.Assessment, error)
	Trend() ([]model.YearResult, error)
	// ExportAssignment writes the signed assignment bundle of OPD code to
	// path.
	ExportAssignment(ctx context.Context, code, path string) (model.Assignment, error)
	Importer
}

// Importer imports bundles into a workspace: a coordinator's takes the
// OPDs' submissions, an OPD's its coordinator's assignment (and reviews).
type Importer interface {
	// Import imports the bundles in files and folders, going on past a
	// bad one, and says what became of each.
	Import(ctx context.Context, paths []string, progress func(done, total int, file string)) []ImportOutcome
}

// Outcome is what became of one imported file.
type Outcome string

// The outcomes of an import.
const (
	OutcomeImported Outcome = "imported"
	OutcomeRefused  Outcome = "refused"
	OutcomeAlready  Outcome = "already"
)

// ImportOutcome is what became of one file of an import.
type ImportOutcome struct {
	File string
	// OPD names the sender (its code when registered, else its unit) and
	// Revision the submission's number, when the bundle could be read.
	OPD      string
	Revision int
	Outcome  Outcome
	// Err says why a file was refused.
	Err error
	// NewKey is the fingerprint of a key pinned by this import (the OPD's
	// first submission); empty otherwise.
	NewKey string
}

// AssignmentSource is what an OPD's window needs to show the indicators
// its coordinator assigned, with their targets and deadline. A Workspace
// whose role is opd offers it.
type AssignmentSource interface {
	// Assignment returns the received assignment, nil when none.
	Assignment() (*model.Assignment, error)
}

// coordination returns the coordinator's capabilities of the open
// workspace, nil for an OPD's.
func (v *mainView) coordination() Coordination {
	if v.ws.Identity().Role != model.RoleCoordinator {
		return nil
	}
	c, _ := v.ws.(Coordination)
	return c
}
