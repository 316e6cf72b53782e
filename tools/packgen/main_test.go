package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestEmbeddedPacksAreCurrent proves the conversion is reproducible: the
// packs embedded in the binary are exactly what packgen makes of the
// sources today. When it fails, run `go generate ./assets` and commit.
func TestEmbeddedPacksAreCurrent(t *testing.T) {
	out := t.TempDir()
	if err := run("source", out); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("packgen wrote nothing")
	}
	for _, e := range entries {
		got, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "assets", "packs", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("assets/packs/%s is not what packgen generates; run go generate ./assets", e.Name())
		}
	}
}
