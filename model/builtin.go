package model

import (
	"fmt"
	"sort"
	"sync"

	"github.com/swanilai/swanilai/assets"
)

// DefaultPackID is the instrument used when nothing else is said.
const DefaultPackID = "spbe-59-2020"

var builtin = sync.OnceValues(func() ([]*Pack, error) {
	var out []*Pack
	for _, f := range assets.Packs() {
		p, err := ParsePackBytes(f.Data)
		if err != nil {
			return nil, fmt.Errorf("model: built-in pack %s: %w", f.Name, err)
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Years.From < out[j].Years.From })
	return out, nil
})

// BuiltinPacks returns the instrument packs shipped in the binary, oldest
// first. The packs are shared: callers must not modify them.
func BuiltinPacks() []*Pack {
	ps, err := builtin()
	if err != nil {
		// The embedded packs are validated by the tests of this package;
		// an invalid one is a build defect, not a user error.
		panic(err)
	}
	return ps
}

// BuiltinPack returns the built-in pack with the given id.
func BuiltinPack(id string) (*Pack, error) {
	for _, p := range BuiltinPacks() {
		if p.ID == id {
			return p, nil
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrUnknownPack, id)
}

// DefaultPackFor returns the id of the built-in instrument meant for an
// evaluation year, or DefaultPackID when none claims the year.
func DefaultPackFor(year int) string {
	id := DefaultPackID
	for _, p := range BuiltinPacks() {
		if p.Years.Contains(year) {
			id = p.ID
		}
	}
	return id
}
