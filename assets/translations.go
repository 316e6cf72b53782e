package assets

import (
	"embed"
	"encoding/json"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// The catalogue of sentences, in each language: translations/<lang>.json
// holds the window's labels, and translations/<area>.<lang>.json the
// sentences of one area of the code (errors.<lang>.json for those of
// package model, store.<lang>.json for the workspace's, ...). Each file is
// a flat JSON object, key to text, as go-i18n reads it.
//
//go:embed translations/*.json
var translations embed.FS

// Languages lists the languages of the window, the default first.
var Languages = []string{"id", "en"}

// Translation returns every sentence of language code ("id" or "en") as
// one flat go-i18n JSON object, the files of all areas merged, or nil when
// there is no such language.
func Translation(code string) []byte {
	names, err := fs.Glob(translations, "translations/*.json")
	if err != nil {
		return nil
	}
	sort.Strings(names)
	merged := map[string]string{}
	found := false
	for _, name := range names {
		base := strings.TrimSuffix(path.Base(name), ".json")
		if base != code && !strings.HasSuffix(base, "."+code) {
			continue
		}
		b, err := translations.ReadFile(name)
		if err != nil {
			return nil
		}
		var m map[string]string
		if err := json.Unmarshal(b, &m); err != nil {
			return nil
		}
		for k, v := range m {
			merged[k] = v
		}
		found = true
	}
	if !found {
		return nil
	}
	out, err := json.Marshal(merged)
	if err != nil {
		return nil
	}
	return out
}
