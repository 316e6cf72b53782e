// Package platform answers what Swanilai asks of the machine it runs on,
// the same on Windows and Linux: the user's Documents folder, the name
// people know the user by, what a file system can hold, and opening a
// file with the system's viewer. It imports nothing of the project.
package platform

import (
	"os"
	"os/user"
	"path/filepath"
	"strings"
)

// DocumentsDir returns the user's Documents folder: on Windows the known
// folder, wherever it is (redirected to OneDrive, or to a server), on
// Linux the XDG documents folder; the home folder when there is none.
func DocumentsDir() string {
	if d := documentsDir(); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	return home
}

// homeDocuments returns home/Documents or home/Dokumen, whichever exists.
func homeDocuments() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	for _, name := range []string{"Documents", "Dokumen"} {
		if st, err := os.Stat(filepath.Join(home, name)); err == nil && st.IsDir() {
			return filepath.Join(home, name)
		}
	}
	return ""
}

// UserName returns the name people know the user by, for the history:
// the account's display name ("Rina Wulandari") where the system has
// one, else the login without its domain ("nip123" of "PEMKOT\nip123").
func UserName() string {
	if n := strings.TrimSpace(displayName()); n != "" {
		return n
	}
	u, err := user.Current()
	if err != nil {
		if n := os.Getenv("USERNAME"); n != "" {
			return n
		}
		return os.Getenv("USER")
	}
	// The full name field of Unix accounts is "Name,room,phone,…"; on
	// Windows without a display name it is the login, with its domain.
	if name, _, _ := strings.Cut(u.Name, ","); strings.TrimSpace(name) != "" {
		return LoginName(strings.TrimSpace(name))
	}
	return LoginName(u.Username)
}

// LoginName returns a login without its domain: "nip123" of
// "PEMKOT\nip123".
func LoginName(s string) string {
	if i := strings.LastIndexByte(s, '\\'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// FileSystem is what Swanilai needs to know of the file system a path is
// on.
type FileSystem struct {
	// Name is the file system's name as the system says it ("NTFS",
	// "FAT32", "vfat", "ext4"), or "" when it cannot tell.
	Name string
	// MaxFile is the largest file it can hold in bytes, or 0 for no limit
	// that matters here.
	MaxFile int64
}

// maxFAT32 is the largest file FAT32 holds: 4 GiB less one byte.
const maxFAT32 = 1<<32 - 1

// FileSystemOf returns the file system of the folder dir (of a file to
// be written there).
func FileSystemOf(dir string) FileSystem {
	return fileSystemOf(dir)
}
