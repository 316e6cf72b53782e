package assets

import "embed"

//go:embed translations/*.json
var translations embed.FS

// Languages lists the languages of the window, the default first.
var Languages = []string{"id", "en"}

// Translation returns the window's strings in language code ("id" or
// "en") as go-i18n JSON, or nil when there is no such language.
func Translation(code string) []byte {
	b, err := translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		return nil
	}
	return b
}
