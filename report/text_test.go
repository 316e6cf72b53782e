package report

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/swanilai/swanilai/model"
)

var cleanTests = []struct {
	name, in, want string
	multiline      bool
}{
	{"plain", "Indeks 3,28", "Indeks 3,28", false},
	{"official characters", "“Baik” – ≥ 2,60 — café ‘x’ … •", "“Baik” – ≥ 2,60 — café ‘x’ … •", false},
	{"windows line ends", "FAKTA\r\nANALISIS\rakhir", "FAKTA\nANALISIS\nakhir", true},
	{"line ends in one line", "a\r\nb\nc", "a b c", false},
	{"tabs and no-break spaces", "a\tb\u00a0c\u202fd", "a b c d", false},
	{"invisible marks", "ber\u00adlaku\u200b\ufeff", "berlaku", false},
	{"word bullets", "\uf0b7 satu \uf0a7 dua", "• satu ▪ dua", false},
	{"check marks", "selesai ✓ ✔", "selesai √ √", false},
	{"emoji and other planes", "oke 👍 𝒳", "oke ? ?", false},
	{"control characters", "a\x00b\x07c\x1b", "abc", false},
	{"invalid UTF-8", "kode \xff\xfe!", "kode ?!", false},
	{"surrounding space", "  \n isi \n ", "isi", true},
	{"CJK", "数据", "??", false},
}

func TestClean(t *testing.T) {
	for _, tt := range cleanTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in, tt.multiline); got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzClean checks that whatever goes in, what comes out is valid UTF-8
// that the report font prints entirely, without control characters.
func FuzzClean(f *testing.F) {
	for _, tt := range cleanTests {
		f.Add(tt.in, tt.multiline)
	}
	f.Fuzz(func(t *testing.T, in string, multiline bool) {
		out := clean(in, multiline)
		if !utf8.ValidString(out) {
			t.Fatalf("clean(%q) = %q: not UTF-8", in, out)
		}
		table := printable()
		for _, r := range out {
			if r == '\n' && multiline {
				continue
			}
			if unicode.IsControl(r) || r >= 1<<16 || !table[r] {
				t.Fatalf("clean(%q) = %q: keeps %U", in, out, r)
			}
		}
		if out != strings.TrimSpace(out) {
			t.Fatalf("clean(%q) = %q: surrounding space", in, out)
		}
		if again := clean(out, multiline); again != out {
			t.Fatalf("clean is not idempotent: %q → %q → %q", in, out, again)
		}
	})
}

// TestFontCoversInstrument checks that the report font prints every
// character of the built-in instruments as it is, and the characters the
// reports add.
func TestFontCoversInstrument(t *testing.T) {
	table := printable()
	var texts []string
	for _, p := range model.BuiltinPacks() {
		b, err := p.CanonicalJSON()
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, "“”‘’≤≥×Σ•▪√○→éèüñ")
	for _, s := range texts {
		for _, r := range s {
			if r >= 1<<16 || !table[r] {
				t.Errorf("the report font lacks %q (%U)", r, r)
			}
		}
	}
}
