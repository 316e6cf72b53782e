//go:build linux

package platform

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDocumentsDirXDG: a desktop that names the folder in user-dirs.dirs
// (an Indonesian desktop's "Dokumen") is followed.
func TestDocumentsDirXDG(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if err := os.MkdirAll(filepath.Join(home, ".config"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(home, "Berkas Saya"), 0o755); err != nil {
		t.Fatal(err)
	}
	dirs := "# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Berkas Saya\"\n"
	if err := os.WriteFile(filepath.Join(home, ".config", "user-dirs.dirs"), []byte(dirs), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := DocumentsDir(), filepath.Join(home, "Berkas Saya"); got != want {
		t.Fatalf("DocumentsDir() = %q, want %q", got, want)
	}
	// Without the file, the usual names.
	os.Remove(filepath.Join(home, ".config", "user-dirs.dirs"))
	if err := os.Mkdir(filepath.Join(home, "Dokumen"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := DocumentsDir(), filepath.Join(home, "Dokumen"); got != want {
		t.Fatalf("DocumentsDir() = %q, want %q", got, want)
	}
}
