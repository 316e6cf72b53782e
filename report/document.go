package report

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
)

// Document is a short official document: a regulation, a decree, a report
// page, as a regional government issues them. WriteDocument prints it;
// the demo workspace uses it for its evidence files, so that a newcomer
// can open a real PDF from every evidence row.
type Document struct {
	// Issuer heads the page, e.g. "Pemerintah Kota Pekalongan".
	Issuer string
	// Title is the document's name, e.g. "Peraturan Wali Kota Pekalongan
	// tentang Arsitektur SPBE Kota Pekalongan"; Number its number, e.g.
	// "12 Tahun 2022"; Date its date.
	Title, Number string
	Date          model.Date
	// Place is where it was signed; Signatory who signed it.
	Place, Signatory string
	// Body holds the paragraphs.
	Body []string
}

// WriteDocument writes doc as a one-page A4 PDF to w.
func WriteDocument(ctx context.Context, w io.Writer, doc Document, generated time.Time) error {
	if strings.TrimSpace(doc.Title) == "" {
		return fmt.Errorf("report: %w: a document needs a title", ErrInput)
	}
	d := newDoc(ctx, languages[Indonesian], Options{Generated: generated}, docMeta{title: doc.Title, author: doc.Issuer})
	// A document of its own: no running header or footer of the reports.
	d.pdf.SetHeaderFunc(nil)
	d.pdf.SetFooterFunc(nil)
	d.addPage(false)
	d.y = 25
	center := func(text string, st style, gap float64) {
		for _, line := range d.split(text, st, d.width()) {
			d.setStyle(st)
			d.fitText(d.left(), d.y, d.width(), line, st, "C")
			d.y += st.lineHeight()
		}
		d.y += gap
	}
	center(strings.ToUpper(doc.Issuer), style{size: 13, bold: true, color: ink}, 1)
	d.setDraw(ink)
	d.pdf.SetLineWidth(0.6)
	d.pdf.Line(d.left(), d.y, d.right(), d.y)
	d.y += 8
	center(strings.ToUpper(doc.Title), style{size: 12, bold: true, color: ink}, 1)
	if doc.Number != "" {
		center("NOMOR "+strings.ToUpper(doc.Number), style{size: 11, color: ink}, 6)
	}
	body := style{size: 10.5, color: ink}
	for _, p := range doc.Body {
		d.paragraph(p, body, 3)
	}
	d.y += 10
	x := d.left() + d.width()*0.55
	for _, line := range []string{
		"Ditetapkan di " + doc.Place,
		"pada tanggal " + doc.Date.ID(),
		"", "", "",
		doc.Signatory,
	} {
		d.setStyle(body)
		d.fitText(x, d.y, d.width()*0.45, line, body, "L")
		d.y += body.lineHeight()
	}
	return d.finish(w)
}
