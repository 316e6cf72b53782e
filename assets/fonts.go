package assets

import (
	_ "embed" // the font files below
	"strconv"
)

// The report font is Liberation Sans 2.1.5 (SIL Open Font License 1.1, see
// fonts/LICENSE): metric-compatible with Arial, the face Indonesian
// government documents are usually set in, and it covers every character
// of the instrument texts (en and em dashes, curly quotes, ≤ ≥, accented
// Latin letters).
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	fontRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	fontBold []byte
	//go:embed fonts/LiberationSans-Italic.ttf
	fontItalic []byte
	//go:embed fonts/LICENSE
	fontLicense []byte
)

// FontStyle names one style of the report font.
type FontStyle int

// The styles of the report font that are embedded.
const (
	Regular FontStyle = iota
	Bold
	Italic
)

// ReportFont returns the TrueType file of the PDF report font in style s.
// The bytes are shared: callers must not modify them.
func ReportFont(s FontStyle) []byte {
	switch s {
	case Regular:
		return fontRegular
	case Bold:
		return fontBold
	case Italic:
		return fontItalic
	}
	panic("assets: no report font in style " + strconv.Itoa(int(s))) // a programming error
}

// ReportFontLicense returns the licence of the report font, which travels
// with every copy of the font files.
func ReportFontLicense() []byte { return fontLicense }
