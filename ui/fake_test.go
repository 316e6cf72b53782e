package ui

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"sync"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// fakeFiles keeps workspaces in memory, keyed by path, so that a test can
// close one and open it again.
type fakeFiles struct {
	mu     sync.Mutex
	files  map[string]*fakeWorkspace
	locked map[string]bool
	// wrap, when set, turns a workspace into what Open and Create return
	// (a coordinator's, an OPD's with an assignment).
	wrap map[string]func(*fakeWorkspace) Workspace
}

func newFakeFiles() *fakeFiles {
	return &fakeFiles{files: map[string]*fakeWorkspace{}, locked: map[string]bool{}, wrap: map[string]func(*fakeWorkspace) Workspace{}}
}

func (f *fakeFiles) Open(path string) (Workspace, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.locked[path] {
		return nil, model.ErrWorkspaceLocked
	}
	ws, ok := f.files[path]
	if !ok {
		return nil, fmt.Errorf("open %s: %w", path, os.ErrNotExist)
	}
	ws.closed = false
	if w := f.wrap[path]; w != nil {
		return w(ws), nil
	}
	return ws, nil
}

func (f *fakeFiles) Create(path string, nw NewWorkspace) (Workspace, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.files[path]; ok {
		return nil, model.ErrWorkspaceExists
	}
	p, err := model.BuiltinPack(nw.PackID)
	if err != nil {
		return nil, err
	}
	ws := &fakeWorkspace{
		path: path,
		id: model.Identity{ID: "00000000-0000-4000-8000-000000000001", Role: nw.Role, Instansi: nw.Instansi, Unit: nw.Unit, Year: nw.Year,
			InstrumentID: p.ID, InstrumentHash: p.Hash(), Created: time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)},
		pack:    p,
		answers: map[int]model.Answer{},
		blobs:   map[string][]byte{},
	}
	f.files[path] = ws
	return ws, nil
}

// fakeWorkspace is an in-memory Workspace with the store's semantics:
// content-addressed blobs, links per indicator, history of who saved.
type fakeWorkspace struct {
	mu         sync.Mutex
	path       string
	id         model.Identity
	pack       *model.Pack
	answers    map[int]model.Answer
	evidence   []model.Evidence
	blobs      map[string][]byte
	target     model.Hundredths
	officials  model.Officials
	saves      int
	revision   int
	passphrase string
	closed     bool
	// gate, when set, holds every attach after its first chunk until it
	// is closed, so a test can see the progress dialog and cancel.
	gate chan struct{}
}

func (w *fakeWorkspace) Path() string             { return w.path }
func (w *fakeWorkspace) Identity() model.Identity { return w.id }
func (w *fakeWorkspace) Pack() *model.Pack        { return w.pack }
func (w *fakeWorkspace) SetTargetIndex(_ string, h model.Hundredths) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.target = h
	return nil
}

func (w *fakeWorkspace) SetOfficials(_ string, o model.Officials) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.officials = o
	return nil
}

func (w *fakeWorkspace) Assessment() (*model.Assessment, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return &model.Assessment{Identity: w.id, Pack: w.pack, Answers: maps.Clone(w.answers), Evidence: append([]model.Evidence(nil), w.evidence...), TargetIndex: w.target, Officials: w.officials}, nil
}

func (w *fakeWorkspace) SaveAnswer(by string, a model.Answer) (model.Answer, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.pack.CheckValue(a.Indicator, a.Value); err != nil {
		return model.Answer{}, err
	}
	a.By, a.At, a.Reconfirm = by, time.Now(), false
	w.answers[a.Indicator] = a
	w.saves++
	return a, nil
}

func (w *fakeWorkspace) answer(no int) model.Answer {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.answers[no]
}

func (w *fakeWorkspace) Attach(ctx context.Context, by string, no int, path string, progress func(done, total int64)) (model.Evidence, bool, error) {
	st, err := os.Stat(path)
	if err != nil {
		return model.Evidence{}, false, err
	}
	if st.IsDir() {
		return model.Evidence{}, false, model.ErrEvidenceIsDir
	}
	if st.Size() == 0 {
		return model.Evidence{}, false, model.ErrEvidenceEmpty
	}
	f, err := os.Open(path)
	if err != nil {
		return model.Evidence{}, false, err
	}
	defer f.Close()
	var buf bytes.Buffer
	chunk := make([]byte, 4096)
	for first := true; ; first = false {
		if err := ctx.Err(); err != nil {
			return model.Evidence{}, false, err
		}
		n, rerr := f.Read(chunk)
		buf.Write(chunk[:n])
		progress(int64(buf.Len()), st.Size())
		if first && w.gate != nil {
			select {
			case <-w.gate:
			case <-ctx.Done():
				return model.Evidence{}, false, ctx.Err()
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return model.Evidence{}, false, rerr
		}
	}
	sum := sha256.Sum256(buf.Bytes())
	sha := hex.EncodeToString(sum[:])
	w.mu.Lock()
	defer w.mu.Unlock()
	_, known := w.blobs[sha]
	w.blobs[sha] = buf.Bytes()
	e := model.Evidence{Indicator: no, SHA256: sha, Size: int64(buf.Len()), Name: st.Name(), By: by, At: time.Now()}
	for _, old := range w.evidence {
		if old.Indicator == no && old.SHA256 == sha {
			return old, true, nil
		}
	}
	w.evidence = append(w.evidence, e)
	return e, known, nil
}

func (w *fakeWorkspace) UpdateEvidence(_ string, e model.Evidence) (model.Evidence, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, old := range w.evidence {
		if old.Indicator == e.Indicator && old.SHA256 == e.SHA256 {
			e.Size, e.By, e.At = old.Size, old.By, old.At
			w.evidence[i] = e
			return e, nil
		}
	}
	return model.Evidence{}, model.ErrNoSuchEvidence
}

func (w *fakeWorkspace) Detach(_ string, no int, sha string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for i, e := range w.evidence {
		if e.Indicator == no && e.SHA256 == sha {
			w.evidence = append(w.evidence[:i], w.evidence[i+1:]...)
			return nil
		}
	}
	return model.ErrNoSuchEvidence
}

func (w *fakeWorkspace) OpenEvidence(sha string) (io.ReadCloser, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	b, ok := w.blobs[sha]
	if !ok {
		return nil, model.ErrNoSuchEvidence
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

func (w *fakeWorkspace) ExportDraft(today model.Date) (bundle.Summary, error) {
	a, _ := w.Assessment()
	w.mu.Lock()
	defer w.mu.Unlock()
	return bundle.Summary{Revision: w.revision + 1, Answered: len(a.Values()), Indicators: len(w.pack.IndicatorNumbers()),
		Links: len(w.evidence), Findings: a.Readiness(today), Fingerprint: "1111 2222 3333 4444 5555 6666"}, nil
}

func (w *fakeWorkspace) KeyProtected() (bool, error) { return w.passphrase != "", nil }

// Export writes the answers as the "bundle", honouring the passphrase
// and a cancelled ctx as the store does.
func (w *fakeWorkspace) Export(ctx context.Context, path, passphrase string, progress func(done, total int64)) (bundle.Summary, error) {
	if passphrase != w.passphrase {
		return bundle.Summary{}, bundle.ErrPassphrase
	}
	sum, err := w.ExportDraft(model.Date{})
	if err != nil {
		return sum, err
	}
	if w.gate != nil {
		progress(1, 2)
		select {
		case <-w.gate:
		case <-ctx.Done():
			return bundle.Summary{}, ctx.Err()
		}
	}
	if err := os.WriteFile(path, []byte(fmt.Sprintf("revisi %d", sum.Revision)), 0o644); err != nil {
		return bundle.Summary{}, err
	}
	progress(2, 2)
	w.mu.Lock()
	w.revision++
	w.mu.Unlock()
	sum.Size = 9
	return sum, nil
}

func (w *fakeWorkspace) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	return nil
}
