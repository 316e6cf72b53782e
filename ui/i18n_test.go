package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/assets"
)

// TestTranslationsComplete checks that both languages carry the same keys
// and every key the window asks for, so that no screen shows a raw key
// or half its words in the other language.
func TestTranslationsComplete(t *testing.T) {
	files := map[string]map[string]any{}
	for _, code := range assets.Languages {
		var m map[string]any
		if err := json.Unmarshal(assets.Translation(code), &m); err != nil {
			t.Fatalf("%s.json: %v", code, err)
		}
		files[code] = m
	}
	for k := range files["id"] {
		if _, ok := files["en"][k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
	}
	for k := range files["en"] {
		if _, ok := files["id"][k]; !ok {
			t.Errorf("id.json lacks %q", k)
		}
	}
	// Every string literal shaped like a key: "ind.fakta", "error.locked".
	used := regexp.MustCompile(`"((?:about|assign|button|contrib|dash|drop|error|ev|export|ext|import|ind|level|menu|nav|off|opds|open|plan|print|ready|review|state|theme|user|welcome|wizard)\.[a-z_]+)"`)
	sources, _ := filepath.Glob("*.go")
	var keys []string
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			for _, k := range m[1:] {
				if k != "" {
					keys = append(keys, k)
				}
			}
		}
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys in the sources; is the pattern right?", len(keys))
	}
	for _, k := range keys {
		for code, m := range files {
			if _, ok := m[k]; !ok {
				t.Errorf("%s.json lacks %q, used in the code", code, k)
			}
		}
	}
	for _, e := range plainErrors {
		if !slices.Contains(keys, e.key) {
			t.Errorf("error key %q not found by the scan", e.key)
		}
	}
}
