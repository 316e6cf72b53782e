package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/swanilai/swanilai/assets"
)

// setLanguage makes the window speak code ("id" or "en").
//
// Fyne picks its translation from the system locale; Swanilai speaks
// Indonesian by default whatever the system says, and English when the
// user asks. So the chosen language's strings are registered under the
// system locale, where they override Fyne's own (its dialogs' "Cancel"
// becomes "Batal"). Both files carry the same keys (a test checks), so
// switching back and forth replaces every string.
func setLanguage(code string) error {
	data := assets.Translation(code)
	if data == nil {
		return fmt.Errorf("ui: no translation %q", code)
	}
	return lang.AddTranslationsForLocale(data, lang.SystemLocale())
}
