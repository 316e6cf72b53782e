package roundtrip

import (
	"context"
	"fmt"
	"os"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
	"github.com/swanilai/swanilai/store"
)

// Verified is what Verify found in a valid bundle.
type Verified struct {
	// Manifest is the bundle's signed manifest.
	Manifest bundle.Manifest
	// Key is the key that signed it; KeyGiven says it was the key asked
	// for (pinned or given), not only the one the signature names.
	Key      model.PublicKey
	KeyGiven bool
	// Pack is the instrument the answers were checked against: the
	// coordinator's, or the built-in pack that is exactly the bundle's
	// instrument; nil when this Swanilai has no such pack, and the answers
	// were not checked against one.
	Pack *model.Pack
	// Workspace says the bundle was also checked against a coordinator's
	// workspace and its import rules; NewOPD that the OPD has no key
	// pinned there yet, and will have on import.
	Workspace, NewOPD bool
	// Summary counts what the bundle holds.
	Summary bundle.Summary
	// Size is the bundle file's size in bytes.
	Size int64
}

// Verify checks the bundle file at path as an import would, without
// importing it: against key when it is not zero, and against the
// coordinator workspace w, its pinned key and its import rules, when w is
// not nil. progress counts the bytes read. `swanilai verify` runs it.
func Verify(ctx context.Context, path string, key model.PublicKey, w *store.Workspace, progress func(done, total int64)) (Verified, error) {
	rd, closeFile, err := OpenBundle(path, key)
	if err != nil {
		return Verified{}, fmt.Errorf("%s: %w", path, err)
	}
	defer closeFile()
	v := Verified{Manifest: rd.Manifest(), Key: rd.Key(), KeyGiven: rd.KeyGiven()}
	v.Pack = BuiltinPack(v.Manifest.Instrument)
	if w != nil {
		res, err := w.CheckImport(rd.Header(), false)
		if err != nil {
			return Verified{}, fmt.Errorf("%s: %w", path, err)
		}
		v.Pack, v.Workspace, v.NewOPD = w.Pack(), true, res.NewOPD
	}
	sub, err := rd.Verify(ctx, v.Pack, progress)
	if err != nil {
		return Verified{}, fmt.Errorf("%s: %w", path, err)
	}
	v.Summary = bundle.Summarize(sub, model.Today())
	if st, err := os.Stat(path); err == nil {
		v.Size = st.Size()
	}
	return v, nil
}

// BuiltinPack returns the built-in pack that is exactly the instrument
// in, or nil.
func BuiltinPack(in bundle.Instrument) *model.Pack {
	p, err := model.BuiltinPack(in.ID)
	if err != nil || p.Hash() != in.Hash {
		return nil
	}
	return p
}
