//go:build !windows

package platform

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sys/unix"
)

// documentsDir reads XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs,
// where desktops keep the translated name ("Dokumen"), else looks for the
// usual names.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	config := os.Getenv("XDG_CONFIG_HOME")
	if config == "" {
		config = filepath.Join(home, ".config")
	}
	if f, err := os.Open(filepath.Join(config, "user-dirs.dirs")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
			if !ok {
				continue
			}
			v = strings.ReplaceAll(strings.Trim(v, `"`), "$HOME", home)
			if st, err := os.Stat(v); err == nil && st.IsDir() && v != home {
				return v
			}
		}
	}
	return homeDocuments()
}

func displayName() string { return "" }

// Linux file system magic numbers (statfs f_type) of the file systems
// with a file size limit.
const msdosMagic = 0x4d44

func fileSystemOf(dir string) FileSystem {
	if runtime.GOOS != "linux" {
		return FileSystem{}
	}
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return FileSystem{}
	}
	if st.Type == msdosMagic {
		return FileSystem{Name: "vfat", MaxFile: maxFAT32}
	}
	return FileSystem{}
}

// Open opens path with the desktop's program for its type.
func Open(path string) error {
	name := "xdg-open"
	if runtime.GOOS == "darwin" {
		name = "open"
	}
	return exec.Command(name, path).Start()
}
