package platform

import (
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

func documentsDir() string {
	d, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
	if err != nil || d == "" {
		return homeDocuments()
	}
	return d
}

// nameDisplay is EXTENDED_NAME_FORMAT's NameDisplay: the account's
// display name.
const nameDisplay = 3

func displayName() string {
	n := uint32(256)
	for range 2 {
		buf := make([]uint16, n)
		err := windows.GetUserNameEx(nameDisplay, &buf[0], &n)
		if err == nil {
			return windows.UTF16ToString(buf[:n])
		}
		if err != windows.ERROR_MORE_DATA {
			return ""
		}
	}
	return ""
}

func fileSystemOf(dir string) FileSystem {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return FileSystem{}
	}
	p, err := windows.UTF16PtrFromString(abs)
	if err != nil {
		return FileSystem{}
	}
	root := make([]uint16, windows.MAX_PATH+1)
	if err := windows.GetVolumePathName(p, &root[0], uint32(len(root))); err != nil {
		return FileSystem{}
	}
	name := make([]uint16, windows.MAX_PATH+1)
	if err := windows.GetVolumeInformation(&root[0], nil, 0, nil, nil, nil, &name[0], uint32(len(name))); err != nil {
		return FileSystem{}
	}
	fs := FileSystem{Name: windows.UTF16ToString(name)}
	if strings.HasPrefix(strings.ToUpper(fs.Name), "FAT") {
		fs.MaxFile = maxFAT32
	}
	return fs
}

// Open opens path with the program Windows associates with its type.
func Open(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	return windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
}
