package report

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"github.com/swanilai/swanilai/assets"
)

// Text typed by people arrives with whatever their word processor put in
// it: Windows line ends, tabs, no-break spaces, soft hyphens, zero-width
// marks, the private-use bullets of Word's Symbol font, emoji. cleaner turns
// it into text the report font prints as written, so that every measured
// width is the printed width and nothing runs out of its cell.

// printable reports, for every rune of the Basic Multilingual Plane,
// whether all embedded styles of the report font have a glyph for it.
var printable = sync.OnceValue(func() *[1 << 16]bool {
	var faces []*sfnt.Font
	for _, s := range []assets.FontStyle{assets.Regular, assets.Bold, assets.Italic} {
		f, err := sfnt.Parse(assets.ReportFont(s))
		if err != nil {
			panic("report: embedded font unreadable: " + err.Error()) // a build defect, caught by the tests
		}
		faces = append(faces, f)
	}
	var ok [1 << 16]bool
	var buf sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF { // surrogates are not characters
			continue
		}
		ok[r] = true
		for _, f := range faces {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				ok[r] = false
				break
			}
		}
	}
	return &ok
})

// substitutes maps runes the font lacks, or that would upset line breaking,
// to what is printed instead; -1 drops the rune.
var substitutes = map[rune]rune{
	'\t':     ' ',
	'\u00a0': ' ', // no-break space: SplitText breaks at it anyway
	'\u2007': ' ',
	'\u202f': ' ',
	'\u00ad': -1, // soft hyphen
	'\u200b': -1, // zero-width space, joiners and marks
	'\u200c': -1,
	'\u200d': -1,
	'\u200e': -1,
	'\u200f': -1,
	'\u2060': -1,
	'\ufeff': -1,
	'\uf0b7': '•', // Word's Symbol-font bullets
	'\uf0a7': '▪',
	'\uf076': '•',
	'\uf0d8': '•',
	'\uf0fc': '√', // Wingdings check mark
	'\u2713': '√', // check marks
	'\u2714': '√',
	'\u2022': '•',
}

// missing is printed for a character the font cannot show.
const missing = '?'

// clean returns s ready to be set in the report font: valid UTF-8, line
// ends as "\n" (or spaces when multiline is false), no control characters,
// and every rune printable by all report font styles.
func clean(s string, multiline bool) string {
	if isPlain(s, multiline) {
		return s
	}
	s = strings.ToValidUTF8(s, string(missing))
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	table := printable()
	for _, r := range s {
		if sub, ok := substitutes[r]; ok {
			if sub < 0 {
				continue
			}
			r = sub
		}
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			if multiline {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			continue
		case unicode.IsControl(r):
			continue
		case r >= 1<<16 || !table[r]:
			r = missing
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// isPlain reports whether s is printable ASCII (with "\n" when multiline)
// without surrounding space, the common case that needs no copy.
func isPlain(s string, multiline bool) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && !(multiline && c == '\n')) || c == 0x7f {
			return false
		}
	}
	return s[0] != ' ' && s[0] != '\n' && s[len(s)-1] != ' ' && s[len(s)-1] != '\n'
}
