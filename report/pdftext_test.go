package report_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/internal/testenv"

	"github.com/swanilai/swanilai/model"
)

// The tests read every report back with poppler's pdftotext, as a person
// copying text out of the PDF would, and check what they find.

// extracted is a PDF read back: the text of each page and its words with
// their boxes.
type extracted struct {
	pages []pageText
}

type pageText struct {
	text          string // in content-stream order (pdftotext -raw)
	squashed      string // text without white space, see squash
	width, height float64
	words         []word
}

type word struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// needPoppler ends the test when pdftotext is missing: a skip, or a
// failure under CI=true.
func needPoppler(t testing.TB) {
	t.Helper()
	testenv.NeedTool(t, "pdftotext", "poppler-utils")
}

// extract runs pdftotext over pdf twice: for the text of each page and for
// the bounding box of every word.
func extract(t testing.TB, pdf []byte) *extracted {
	t.Helper()
	needPoppler(t)
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	raw := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	texts := strings.Split(strings.TrimSuffix(raw, "\f"), "\f")

	var doc struct {
		Pages []struct {
			Width  float64 `xml:"width,attr"`
			Height float64 `xml:"height,attr"`
			Words  []word  `xml:"word"`
		} `xml:"body>doc>page"`
	}
	bbox := run(t, "pdftotext", "-bbox", "-enc", "UTF-8", path, "-")
	dec := xml.NewDecoder(strings.NewReader(bbox))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext -bbox output: %v", err)
	}
	if len(doc.Pages) != len(texts) {
		t.Fatalf("pdftotext: %d pages of text, %d pages of boxes", len(texts), len(doc.Pages))
	}
	out := &extracted{}
	for i, p := range doc.Pages {
		out.pages = append(out.pages, pageText{text: texts[i], squashed: squash(texts[i]), width: p.Width, height: p.Height, words: p.Words})
	}
	return out
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v: %s", name, err, stderr.String())
	}
	return stdout.String()
}

// squash removes all white space, so that a text wrapped over several
// lines, or broken after a hyphen or slash, still matches.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// pageOf returns the number (from 1) of the first page whose text
// contains s, ignoring white space, or 0.
func (e *extracted) pageOf(s string) int {
	want := squash(s)
	for i, p := range e.pages {
		if strings.Contains(p.squashed, want) {
			return i + 1
		}
	}
	return 0
}

// body returns the text of all pages without white space and without
// the running header and footer, as one text: a paragraph broken over two
// pages reads on.
func (e *extracted) body(id model.Identity, title string) string {
	header := squash(id.Instansi + title + id.Unit + fmt.Sprintf("Tahun %d", id.Year))
	var b strings.Builder
	for i, p := range e.pages {
		s, ok := strings.CutPrefix(p.squashed, header)
		if !ok {
			panic(fmt.Sprintf("page %d does not start with the header", i+1))
		}
		footer := fmt.Sprintf("Halaman%ddari%d", i+1, len(e.pages))
		if k := strings.LastIndex(s, footer); k >= 0 {
			s = s[:k]
		}
		b.WriteString(s)
	}
	return b.String()
}

// contains reports whether the whole text contains s, ignoring white space.
func (e *extracted) contains(s string) bool { return e.pageOf(s) > 0 }
