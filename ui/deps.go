package ui

import (
	"context"
	"io"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// Workspace is what the window needs of an open workspace file. It must be
// safe to call from several goroutines.
type Workspace interface {
	// Path is the workspace file.
	Path() string
	Identity() model.Identity
	Pack() *model.Pack
	// Assessment returns a consistent snapshot of everything in the file.
	Assessment() (*model.Assessment, error)
	// SaveAnswer stores level, FAKTA, ANALISIS and sector of a.Indicator
	// as given (a.Value may be model.Unanswered) and marks a carried-over
	// answer as confirmed; it returns the stored answer.
	SaveAnswer(by string, a model.Answer) (model.Answer, error)
	// Attach links the file at path to indicator no. It reports whether
	// the same bytes were stored already (linked, not stored twice).
	Attach(ctx context.Context, by string, no int, path string, progress func(done, total int64)) (e model.Evidence, known bool, err error)
	// UpdateEvidence stores the metadata of the link (e.Indicator, e.SHA256).
	UpdateEvidence(by string, e model.Evidence) (model.Evidence, error)
	// Detach removes the link of file sha from indicator no.
	Detach(by string, no int, sha string) error
	// OpenEvidence streams the bytes of file sha.
	OpenEvidence(sha string) (io.ReadCloser, error)
	// SetTargetIndex sets the index the instansi aims at (0: none).
	SetTargetIndex(by string, h model.Hundredths) error
	// SetOfficials sets the officials the reports name for signature.
	SetOfficials(by string, o model.Officials) error
	// ExportDraft says what the next submission to the coordinator would
	// hold, with its readiness findings as of today; it changes nothing.
	ExportDraft(today model.Date) (bundle.Summary, error)
	// KeyProtected reports whether exporting needs the key's passphrase.
	KeyProtected() (bool, error)
	// Export writes the signed submission bundle to path.
	Export(ctx context.Context, path, passphrase string, progress func(done, total int64)) (bundle.Summary, error)
	Close() error
}

// NewWorkspace is what the wizard asks for a new workspace.
type NewWorkspace struct {
	Role     model.Role
	Instansi string
	Unit     string
	Year     int
	PackID   string
	// By names who creates it, for the history.
	By string
}

// Workspaces opens and creates workspace files.
type Workspaces interface {
	Open(path string) (Workspace, error)
	Create(path string, nw NewWorkspace) (Workspace, error)
}
