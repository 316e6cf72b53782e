package report

import (
	"context"
	"fmt"
	"io"
	"math"

	"github.com/jung-kurt/gofpdf"

	"github.com/swanilai/swanilai/assets"
)

// Page geometry in millimetres. A4 is 210 × 297.
const (
	marginX     = 18.0 // left and right margin, portrait
	marginXL    = 12.0 // left and right margin, landscape
	headerTop   = 8.0  // first line of the running header
	bodyTop     = 22.0 // first line of the body
	footerRule  = 14.0 // the footer's rule, from the bottom edge
	bodyBottom  = 18.0 // the body ends this far above the bottom edge
	cellPadX    = 1.2  // space left and right of the text in a cell
	ptMM        = 25.4 / 72
	lineSpacing = 1.28 // line height as a multiple of the font size
)

// The font family name under which the report font is registered.
const family = "sans"

// pageNbAlias stands for the total number of pages until the PDF is
// written; gofpdf replaces it on every page.
const pageNbAlias = "{nb}"

// rgb is a colour; the palette below is chosen to stay distinct when the
// report is printed in grey.
type rgb struct{ r, g, b uint8 }

var (
	ink       = rgb{33, 37, 41}    // body text
	grey      = rgb{95, 99, 104}   // secondary text
	lightGrey = rgb{150, 150, 150} // rules
	hairline  = rgb{200, 200, 200} // table grid
	shade     = rgb{238, 240, 243} // table header, title bars
	shadeDark = rgb{222, 226, 231}
	accent    = rgb{31, 73, 125} // headings and bars: dark blue, dark in grey
	warnText  = rgb{150, 60, 0}  // readiness findings
	white     = rgb{255, 255, 255}
)

// luminance returns the relative brightness of c in 0–1, as a grey
// printer renders it (Rec. 601 weights).
func (c rgb) luminance() float64 {
	return (0.299*float64(c.r) + 0.587*float64(c.g) + 0.114*float64(c.b)) / 255
}

// style is how a run of text is set.
type style struct {
	size  float64 // points
	bold  bool
	ital  bool
	color rgb
}

// The styles of the reports.
var (
	stBody      = style{size: 9.5, color: ink}
	stBodyBold  = style{size: 9.5, bold: true, color: ink}
	stSmall     = style{size: 8, color: ink}
	stSmallBold = style{size: 8, bold: true, color: ink}
	stSmallGrey = style{size: 8, color: grey}
	stNote      = style{size: 8, ital: true, color: grey}
	stTable     = style{size: 8, color: ink}
	stTableHead = style{size: 8, bold: true, color: ink}
	stH1        = style{size: 14, bold: true, color: accent}
	stH2        = style{size: 11, bold: true, color: accent}
	stWarn      = style{size: 8, color: warnText}
	stFurniture = style{size: 7, color: grey}
)

func (s style) fontStyle() string {
	switch {
	case s.bold:
		return "B"
	case s.ital:
		return "I"
	}
	return ""
}

// lineHeight returns the height of one line of s in millimetres.
func (s style) lineHeight() float64 { return s.size * ptMM * lineSpacing }

// doc is one PDF being laid out: the gofpdf document, the texts, the page
// furniture, and a cursor that flows rows down the pages.
type doc struct {
	pdf *gofpdf.Fpdf
	t   *texts
	ctx context.Context

	// header holds the two lines of the running header on the left and on
	// the right; footer is the right part of the footer.
	header [2][2]string
	footer string

	y float64 // the cursor: where the next row starts
	// fresh is true while nothing but repeated headings stands on the page.
	fresh bool

	progress    func(done, total int64)
	done, total int64

	// sections counts the numbered sections started so far.
	sections int

	// widths caches glyph advances per font style; see runeWidth.
	widths map[string]map[rune]int
}

// newDoc starts a document with the report font registered and the page
// furniture installed. Call addPage before drawing.
func newDoc(ctx context.Context, t *texts, opts Options, meta docMeta) *doc {
	pdf := gofpdf.New("P", "mm", "A4", "")
	d := &doc{pdf: pdf, t: t, ctx: ctx, progress: opts.Progress, widths: map[string]map[rune]int{}}
	pdf.AddUTF8FontFromBytes(family, "", assets.ReportFont(assets.Regular))
	pdf.AddUTF8FontFromBytes(family, "B", assets.ReportFont(assets.Bold))
	pdf.AddUTF8FontFromBytes(family, "I", assets.ReportFont(assets.Italic))
	// The alias is set after the fonts so that gofpdf keeps the digits in
	// the font subsets: the total replaces the alias only at the end.
	pdf.AliasNbPages(pageNbAlias)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(cellPadX)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true) // the same input gives the same bytes
	// gofpdf writes the date without a zone, which readers take as UTC.
	pdf.SetCreationDate(opts.Generated.UTC())
	pdf.SetModificationDate(opts.Generated.UTC())
	pdf.SetTitle(clean(meta.title, false), true)
	pdf.SetSubject(clean(meta.subject, false), true)
	pdf.SetAuthor(clean(meta.author, false), true)
	pdf.SetCreator("Swanilai", true)
	pdf.SetHeaderFunc(d.drawHeader)
	pdf.SetFooterFunc(d.drawFooter)
	d.header = meta.header
	d.footer = meta.footer
	return d
}

// docMeta is what the document says about itself.
type docMeta struct {
	title, subject, author string
	header                 [2][2]string
	footer                 string
}

// setStyle selects the font and text colour of s.
func (d *doc) setStyle(s style) {
	d.pdf.SetFont(family, s.fontStyle(), s.size)
	d.setText(s.color)
}

func (d *doc) setText(c rgb) { d.pdf.SetTextColor(int(c.r), int(c.g), int(c.b)) }
func (d *doc) setFill(c rgb) { d.pdf.SetFillColor(int(c.r), int(c.g), int(c.b)) }
func (d *doc) setDraw(c rgb) { d.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b)) }

// Page geometry of the current page.

func (d *doc) pageW() float64 { w, _ := d.pdf.GetPageSize(); return w }
func (d *doc) pageH() float64 { _, h := d.pdf.GetPageSize(); return h }

// landscape reports whether the current page is in landscape. It is read
// from the page itself because gofpdf calls the footer of a page after the
// next page has been asked for, possibly in the other orientation.
func (d *doc) landscape() bool {
	w, h := d.pdf.GetPageSize()
	return w > h
}

func (d *doc) left() float64 {
	if d.landscape() {
		return marginXL
	}
	return marginX
}

func (d *doc) right() float64  { return d.pageW() - d.left() }
func (d *doc) width() float64  { return d.right() - d.left() }
func (d *doc) bottom() float64 { return d.pageH() - bodyBottom }

// room returns the height left on the page below the cursor.
func (d *doc) room() float64 { return d.bottom() - d.y }

// bodyHeight returns the height of the body of a whole page.
func (d *doc) bodyHeight() float64 { return d.bottom() - bodyTop }

// addPage starts a page in the given orientation.
func (d *doc) addPage(landscape bool) {
	orient := "P"
	if landscape {
		orient = "L"
	}
	d.pdf.AddPageFormat(orient, gofpdf.SizeType{Wd: 210, Ht: 297})
	d.y = bodyTop
	d.fresh = true
}

// newPage continues on a new page in the same orientation and repeats the
// heads there: the title of the block and the header of the table that
// goes on.
func (d *doc) newPage(heads []*row) {
	d.addPage(d.landscape())
	for _, h := range heads {
		d.drawRow(h, 0, h.lineCount())
		d.y += h.height(0, h.lineCount())
	}
	d.fresh = true
}

// drawHeader is gofpdf's header callback: two lines on the left (instansi,
// unit) and two on the right (report, year), over a rule.
func (d *doc) drawHeader() {
	half := d.width()/2 - 2
	for i := range 2 {
		st := stFurniture
		if i == 0 {
			st.bold = true
		}
		y := headerTop + float64(i)*st.lineHeight()
		d.fitText(d.left(), y, half, d.header[0][i], st, "L")
		d.fitText(d.right()-half, y, half, d.header[1][i], st, "R")
	}
	d.setDraw(lightGrey)
	d.pdf.SetLineWidth(0.3)
	ruleY := headerTop + 2*stFurniture.lineHeight() + 1.5
	d.pdf.Line(d.left(), ruleY, d.right(), ruleY)
}

// drawFooter is gofpdf's footer callback: a rule, then "Halaman x dari y"
// on the left and the generation time and workspace id on the right.
func (d *doc) drawFooter() {
	y := d.pageH() - footerRule
	d.setDraw(lightGrey)
	d.pdf.SetLineWidth(0.3)
	d.pdf.Line(d.left(), y, d.right(), y)
	page := d.t.pageOf(d.pdf.PageNo(), pageNbAlias)
	st := stFurniture
	d.setStyle(st)
	// The page number is left-aligned: the alias is wider than the number
	// that replaces it, and only trailing space may change.
	pw := d.pdf.GetStringWidth(page) + 2*cellPadX + 8
	d.pdf.SetXY(d.left(), y+1)
	d.pdf.CellFormat(pw, st.lineHeight(), page, "", 0, "L", false, 0, "")
	d.fitText(d.left()+pw, y+1, d.width()-pw, d.footer, st, "R")
}

// fitText sets one line of text in a box of width w, shrinking the font
// (down to 5 pt) when the text is wider; text that is still too wide is
// shortened with an ellipsis. It is for page furniture and fixed-size
// cells; body text wraps instead.
func (d *doc) fitText(x, y, w float64, text string, st style, align string) {
	text = clean(text, false)
	d.setStyle(st)
	avail := w - 2*cellPadX
	for st.size > 5 && d.pdf.GetStringWidth(text) > avail {
		st.size = math.Max(5, st.size-0.5)
		d.setStyle(st)
	}
	if d.pdf.GetStringWidth(text) > avail {
		r := []rune(text)
		for len(r) > 1 && d.pdf.GetStringWidth(string(r)+"…") > avail {
			r = r[:len(r)-1]
		}
		text = string(r) + "…"
	}
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, st.lineHeight(), text, "", 0, align, false, 0, "")
}

// split breaks text, already cleaned, into the lines that fit width w in
// style st. It always returns at least one line.
func (d *doc) split(text string, st style, w float64) []string {
	return d.wrap(text, st, w)
}

// textWidth returns the printed width of text in style st.
func (d *doc) textWidth(text string, st style) float64 {
	d.setStyle(st)
	return d.pdf.GetStringWidth(text)
}

// col is one column of a row: its width and how its text is set.
type col struct {
	w      float64
	st     style
	align  string  // "L", "C" or "R"
	indent float64 // space before the text, inside the cell
}

// row is the unit of the flow: cells side by side whose texts are already
// broken into lines. A row taller than the room left on a page is split
// between lines when split is set.
type row struct {
	x     float64 // offset from the left margin
	cols  []col
	lines [][]string
	lh    float64 // line height
	padY  float64 // space above and below the lines
	fill  *rgb    // background of the whole row
	fills []*rgb  // background per cell; overrides fill
	grid  bool    // draw the cell borders
	rule  bool    // draw a rule under the row
	gap   float64 // space above the row, dropped at the top of a page
	// heads are drawn at the top of a new page when the row, or the rest
	// of it, goes there: the block's continued title, the table header.
	heads []*row
	// keep keeps the row on the same page as the start of the next one.
	keep  bool
	split bool
}

// newRow makes a row of cells in the given columns, breaking each text to
// its column's width. The row's line height is that of its largest font.
func (d *doc) newRow(cols []col, texts ...string) *row {
	r := &row{cols: cols, lines: make([][]string, len(cols)), padY: 0.8}
	for i, c := range cols {
		text := ""
		if i < len(texts) {
			text = texts[i]
		}
		r.lines[i] = d.split(clean(text, true), c.st, c.w-c.indent)
		r.lh = math.Max(r.lh, c.st.lineHeight())
	}
	return r
}

// lineCount returns the number of lines of the row's tallest cell.
func (r *row) lineCount() int {
	n := 1
	for _, l := range r.lines {
		n = max(n, len(l))
	}
	return n
}

// height returns the height of lines [from, to) of the row.
func (r *row) height(from, to int) float64 {
	return 2*r.padY + float64(to-from)*r.lh
}

// splits reports whether the row may be split between pages: when it
// says so, or when it is taller than a page and must.
func (r *row) splits(page float64) bool {
	return r.split || r.height(0, r.lineCount()) > page
}

// minHeight returns the least of the row that must go on a page with
// whatever is kept with it: two lines when it may split, all otherwise.
func (r *row) minHeight(page float64) float64 {
	n := r.lineCount()
	if r.splits(page) {
		n = min(n, 2)
	}
	return r.height(0, n) + r.gap
}

// width returns the row's width.
func (r *row) width() float64 {
	w := 0.0
	for _, c := range r.cols {
		w += c.w
	}
	return w
}

// drawRow draws lines [from, to) of r at the cursor, without moving it.
func (d *doc) drawRow(r *row, from, to int) {
	h := r.height(from, to)
	x := d.left() + r.x
	for i, c := range r.cols {
		fill := r.fill
		if i < len(r.fills) && r.fills[i] != nil {
			fill = r.fills[i]
		}
		if fill != nil {
			d.setFill(*fill)
			d.pdf.Rect(x, d.y, c.w, h, "F")
		}
		d.setStyle(c.st)
		for k := from; k < to && k < len(r.lines[i]); k++ {
			d.pdf.SetXY(x+c.indent, d.y+r.padY+float64(k-from)*r.lh)
			d.pdf.CellFormat(c.w-c.indent, r.lh, r.lines[i][k], "", 0, c.align, false, 0, "")
		}
		if r.grid {
			d.setDraw(hairline)
			d.pdf.SetLineWidth(0.2)
			d.pdf.Rect(x, d.y, c.w, h, "D")
		}
		x += c.w
	}
	if r.rule {
		d.setDraw(hairline)
		d.pdf.SetLineWidth(0.2)
		d.pdf.Line(d.left()+r.x, d.y+h, d.left()+r.x+r.width(), d.y+h)
	}
}

// put flows rows down the pages: a row goes where the cursor is when it
// fits with the start of the row it is kept with, is split between lines
// when it may be and at least two lines fit, and otherwise goes to a new
// page, where its heads are repeated first.
func (d *doc) put(rows ...*row) {
	for i, r := range rows {
		next := 0.0
		if r.keep {
			next = d.kept(rows[i+1:])
		}
		d.putRow(r, next)
	}
}

// kept returns the height that must follow a row kept with the next: the
// rows kept with each other in a chain, and the least of the first row
// after them.
func (d *doc) kept(rows []*row) float64 {
	h := 0.0
	for _, r := range rows {
		if !r.keep {
			return h + r.minHeight(d.bodyHeight())
		}
		h += r.height(0, r.lineCount()) + r.gap
	}
	return h
}

func (d *doc) putRow(r *row, next float64) {
	n := r.lineCount()
	for from := 0; from < n; {
		if d.pdf.Err() {
			return
		}
		gap := r.gap
		if d.fresh || from > 0 {
			gap = 0
		}
		rest := gap + r.height(from, n)
		if rest <= d.room() && (d.fresh || rest+next <= d.room()) {
			d.y += gap
			d.drawRow(r, from, n)
			d.y += r.height(from, n)
			d.fresh = false
			return
		}
		fit := int(math.Floor((d.room() - gap - 2*r.padY) / r.lh))
		switch {
		case rest > d.room() && r.splits(d.bodyHeight()) && fit >= 2 && n-from-fit >= 2:
			// Split, keeping at least two lines on either page.
		case rest > d.room() && d.fresh:
			// Nothing but repeated headings above: no page has more room,
			// so set what fits here and go on with the rest.
			fit = max(1, fit)
		default:
			d.newPage(r.heads)
			continue
		}
		d.y += gap
		d.drawRow(r, from, from+fit)
		from += fit
		d.newPage(r.heads)
	}
}

// block places rows that belong together: on the current page when all of
// them fit, else from the top of the next one; a block longer than a page
// starts where it is when at least minStart of it fits, and flows on.
func (d *doc) block(minStart float64, rows ...*row) {
	h := 0.0
	for i, r := range rows {
		h += r.height(0, r.lineCount())
		if i > 0 || !d.fresh {
			h += r.gap
		}
	}
	switch {
	case h <= d.room():
	case h <= d.bodyHeight() || d.room() < minStart:
		if !d.fresh {
			d.addPage(d.landscape())
		}
	}
	d.put(rows...)
}

// space moves the cursor down by h, or to a new page when less than h is
// left.
func (d *doc) space(h float64) {
	if d.fresh {
		return
	}
	if d.room() < h {
		d.addPage(d.landscape())
		return
	}
	d.y += h
}

// need starts a new page unless h millimetres are left.
func (d *doc) need(h float64) {
	if d.room() < h && !d.fresh {
		d.addPage(d.landscape())
	}
}

// heading sets a section heading, kept on the page with at least keep
// millimetres of what follows it.
func (d *doc) heading(text string, st style, keep float64) {
	r := d.newRow([]col{{w: d.width(), st: st, align: "L"}}, text)
	r.gap = 4
	r.padY = 1
	if h := r.height(0, r.lineCount()) + keep; d.room() < h+r.gap && !d.fresh {
		d.addPage(d.landscape())
	}
	d.put(r)
}

// section starts the next numbered section on a new page and returns its
// numbered title.
func (d *doc) section(title string, landscape bool) string {
	d.sections++
	title = fmt.Sprintf("%d. %s", d.sections, title)
	d.addPage(landscape)
	d.heading(title, stH1, 30)
	return title
}

// paragraph sets text over the full width, in style st.
func (d *doc) paragraph(text string, st style, gap float64) {
	r := d.newRow([]col{{w: d.width(), st: st, align: "L"}}, text)
	r.gap = gap
	r.split = true
	d.put(r)
}

// step reports a unit of work done, and whether the caller should stop:
// the context is cancelled or gofpdf is in its error state.
func (d *doc) step() error {
	d.done++
	if d.progress != nil && d.done < d.total {
		d.progress(d.done, d.total)
	}
	if err := d.ctx.Err(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return d.err()
}

// err returns gofpdf's error state wrapped in ErrRender.
func (d *doc) err() error {
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("report: %w: %w", ErrRender, err)
	}
	return nil
}

// finish writes the PDF to w.
func (d *doc) finish(w io.Writer) error {
	if err := d.err(); err != nil {
		return err
	}
	pw := &errWriter{w: w}
	err := d.pdf.Output(pw)
	switch {
	case pw.err != nil:
		return fmt.Errorf("report: %w: %w", ErrWrite, pw.err)
	case err != nil:
		return fmt.Errorf("report: %w: %w", ErrRender, err)
	}
	if d.progress != nil {
		d.progress(d.total, d.total)
	}
	return nil
}

// errWriter remembers the writer's error, which gofpdf would otherwise
// report as its own.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, err
}
