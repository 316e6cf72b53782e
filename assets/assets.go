// Package assets owns every file embedded in the Swanilai binary: the
// built-in instrument packs, the font of the PDF reports, and later the
// icon and the translations. It has no logic and imports nothing of the
// project; other packages read the bytes through its accessors.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:generate go run ../tools/packgen -out packs

//go:embed packs/*.json
var packs embed.FS

// PackFile is one embedded instrument pack file.
type PackFile struct {
	// Name is the file name without directory, e.g. "spbe-59-2020.json".
	Name string
	Data []byte
}

// Packs returns every built-in instrument pack file, sorted by name.
func Packs() []PackFile {
	entries, err := fs.ReadDir(packs, "packs")
	if err != nil {
		panic("assets: embedded packs missing: " + err.Error()) // cannot happen: go:embed checks at build time
	}
	var out []PackFile
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := packs.ReadFile(path.Join("packs", e.Name()))
		if err != nil {
			panic("assets: " + err.Error())
		}
		out = append(out, PackFile{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
