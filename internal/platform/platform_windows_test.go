package platform

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows/registry"
)

// TestDocumentsDirRedirected: Documents moved to OneDrive (as Windows does
// when OneDrive backs up the folder) is where workspaces go.
func TestDocumentsDirRedirected(t *testing.T) {
	const shell = `Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders`
	k, _, err := registry.CreateKey(registry.CURRENT_USER, shell, registry.QUERY_VALUE|registry.SET_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	old, oldType, oldErr := k.GetStringValue("Personal")
	t.Cleanup(func() {
		switch {
		case oldErr != nil:
			k.DeleteValue("Personal")
		case oldType == registry.EXPAND_SZ:
			k.SetExpandStringValue("Personal", old)
		default:
			k.SetStringValue("Personal", old)
		}
	})
	// Not under t.TempDir: the shell may keep a handle on the folder it
	// was asked about, and the test could not remove it.
	base, err := os.MkdirTemp("", "swanilai-onedrive-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	onedrive := filepath.Join(base, "OneDrive - Pemkot", "Dokumen")
	if err := os.MkdirAll(onedrive, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := k.SetExpandStringValue("Personal", onedrive); err != nil {
		t.Fatal(err)
	}
	if got := DocumentsDir(); !strings.EqualFold(got, onedrive) {
		t.Fatalf("DocumentsDir() = %q, want %q", got, onedrive)
	}
}
