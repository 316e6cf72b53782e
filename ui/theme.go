package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/swanilai/swanilai/model"
)

// variantTheme is Fyne's default theme held to one variant (light or dark)
// whatever the system prefers.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets the app's theme from a settings value.
func applyTheme(a fyne.App, name string) {
	switch name {
	case themeLight:
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// stateIcon is the icon of an indicator state, coloured by meaning.
func stateIcon(s model.State) fyne.Resource {
	switch s {
	case model.StateAnswered:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case model.StateNoEvidence:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case model.StateExpired:
		return theme.NewErrorThemedResource(theme.HistoryIcon())
	}
	return theme.NewDisabledResource(theme.RadioButtonIcon())
}

// stateText names an indicator state.
func stateText(s model.State) string {
	switch s {
	case model.StateAnswered:
		return lang.L("state.answered")
	case model.StateNoEvidence:
		return lang.L("state.no_evidence")
	case model.StateExpired:
		return lang.L("state.expired")
	}
	return lang.L("state.unanswered")
}

// withAlpha returns c with its alpha set to a (0–255), for tints.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
