package platform

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestLoginName(t *testing.T) {
	for in, want := range map[string]string{`PEMKOT\nip123`: "nip123", "rina": "rina", `A\B\c`: "c", "": ""} {
		if got := LoginName(in); got != want {
			t.Errorf("LoginName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUserName: the history names a person, never a domain login.
func TestUserName(t *testing.T) {
	n := UserName()
	if n == "" || strings.Contains(n, `\`) {
		t.Fatalf("UserName() = %q", n)
	}
}

// TestDocumentsDir: the folder exists, or is the home folder.
func TestDocumentsDir(t *testing.T) {
	d := DocumentsDir()
	if !filepath.IsAbs(d) {
		t.Fatalf("DocumentsDir() = %q, not absolute", d)
	}
	if runtime.GOOS != "windows" {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			t.Fatalf("DocumentsDir() = %q: %v", d, err)
		}
	}
}

// TestFileSystemOf: an ordinary folder has no file size limit that matters.
// (The system's temporary folder, not one of the test's: Wine keeps a
// handle on a folder it was asked about, and the test could not remove it.)
func TestFileSystemOf(t *testing.T) {
	fs := FileSystemOf(os.TempDir())
	if fs.MaxFile != 0 {
		t.Fatalf("a temporary folder on %q holds files of at most %d bytes", fs.Name, fs.MaxFile)
	}
}
