package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"github.com/swanilai/swanilai/internal/platform"
)

// Preference keys, defaults and limits, in one place.
const (
	prefLanguage   = "language"
	prefTheme      = "theme"
	prefRecent     = "recent"
	prefUserName   = "user_name"
	defaultLang    = "id"
	themeSystem    = "system"
	themeLight     = "light"
	themeDark      = "dark"
	maxRecentFiles = 8
)

// settings is the typed view of the app's preferences.
type settings struct {
	p fyne.Preferences
}

func (s settings) language() string {
	switch l := s.p.StringWithFallback(prefLanguage, defaultLang); l {
	case "id", "en":
		return l
	}
	return defaultLang
}

func (s settings) setLanguage(l string) { s.p.SetString(prefLanguage, l) }

func (s settings) theme() string {
	switch t := s.p.StringWithFallback(prefTheme, themeSystem); t {
	case themeLight, themeDark:
		return t
	}
	return themeSystem
}

func (s settings) setTheme(t string) { s.p.SetString(prefTheme, t) }

// recent returns the recently opened workspace files, newest first.
func (s settings) recent() []string {
	return s.p.StringListWithFallback(prefRecent, nil)
}

// addRecent puts path first in the recent list.
func (s settings) addRecent(path string) {
	list := slices.DeleteFunc(s.recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecentFiles {
		list = list[:maxRecentFiles]
	}
	s.p.SetStringList(prefRecent, list)
}

// removeRecent forgets path, e.g. when the file is gone.
func (s settings) removeRecent(path string) {
	s.p.SetStringList(prefRecent, slices.DeleteFunc(s.recent(), func(p string) bool { return p == path }))
}

// userName is who the history names for changes made in this window:
// the name set in the settings, else the account's display name or its
// login without the domain.
func (s settings) userName() string {
	if n := strings.TrimSpace(s.p.String(prefUserName)); n != "" {
		return n
	}
	if n := platform.UserName(); n != "" {
		return n
	}
	return "operator"
}

func (s settings) setUserName(n string) { s.p.SetString(prefUserName, strings.TrimSpace(n)) }
