package report

import (
	"fmt"
	"strings"
)

// beritaAcara is the closing page: a Berita Acara Penilaian Mandiri that
// the head of the OPD and the person responsible sign. Names and NIP the
// workspace does not hold are dotted lines to fill in by hand.
func (r *opdReport) beritaAcara() {
	d, t, a := r.d, r.t, r.a
	id, off := a.Identity, a.Officials
	d.addPage(false)
	d.y = bodyTop + 4
	for _, line := range t.baTitle {
		d.put(centred(d, line, style{size: 12, bold: true, color: ink}))
	}
	d.put(centred(d, strings.ToUpper(id.Unit), style{size: 12, bold: true, color: ink}))
	d.put(centred(d, strings.ToUpper(id.Instansi+" "+t.yearOf(id.Year)), style{size: 12, bold: true, color: ink}))
	d.y += 1
	d.put(centred(d, t.baNumber, stBody))
	d.y += 5

	today := r.opts.Today
	place := off.Place
	if strings.TrimSpace(place) == "" {
		place = t.blank
	}
	d.paragraph(t.baOpening(weekday(today), terbilang(today.Day), monthsLong[today.Month], terbilang(today.Year), place), stBody, 0)
	headTitle := off.HeadTitle
	if strings.TrimSpace(headTitle) == "" {
		headTitle = t.baHeadTitle(id.Unit)
	}
	respTitle := off.ResponsibleTitle
	if strings.TrimSpace(respTitle) == "" {
		respTitle = t.baRespTitle
	}
	people := []struct{ name, nip, title string }{
		{off.HeadName, off.HeadNIP, headTitle},
		{off.ResponsibleName, off.ResponsibleNIP, respTitle},
	}
	for i, p := range people {
		for j, f := range [][2]string{{t.baName, orBlank(t, p.name)}, {t.baNIP, orBlank(t, p.nip)}, {t.baPosition, p.title}} {
			num := ""
			if j == 0 {
				num = fmt.Sprintf("%d.", i+1)
			}
			pr := d.newRow([]col{{w: 8, st: stBody, align: "R"}, {w: 24, st: stBody, align: "L"}, {w: 4, st: stBody, align: "C"}, {w: d.width() - 36, st: stBody, align: "L"}},
				num, f[0], ":", f[1])
			pr.x, pr.padY = 2, 0.5
			if j == 0 {
				pr.gap = 2
			}
			d.put(pr)
		}
	}
	d.y += 2
	d.paragraph(t.baStatement(id.Unit, id.Instansi, id.Year, a.Pack.Label()), stBody, 0)

	s := r.score
	idx, pred := t.notAnswered, "–"
	if s.HasIndex() {
		idx, pred = s.Index.ID(), s.Predikat
	}
	open := 0
	for _, f := range r.findings {
		open += len(f)
	}
	rev := t.revisionNone
	if a.Revision > 0 {
		rev = t.revisionN(a.Revision)
	}
	results := [][2]string{
		{t.baAnswered, t.coverageOf(s.Coverage.Answered, s.Coverage.Total, percent(s.Coverage.WeightPercent()))},
		{t.baIndex, idx},
		{t.predikat, pred},
		{t.baEvidence, t.files(len(a.Evidence))},
		{t.baFindings, fmt.Sprint(open)},
		{t.baRevision, rev},
	}
	d.y += 1.5
	for _, res := range results {
		rr := d.newRow([]col{{w: 70, st: stBody, align: "L"}, {w: 4, st: stBody, align: "C"}, {w: d.width() - 84, st: stBodyBold, align: "L"}},
			res[0], ":", res[1])
		rr.x, rr.padY = 10, 0.5
		d.put(rr)
	}
	d.y += 2
	d.paragraph(t.baClosing, stBody, 0)

	r.signatures(headTitle, respTitle)
	r.documentIdentity()
}

// signatures sets the two signature blocks side by side: the head of the
// OPD on the left under "Mengetahui,", the person responsible on the right
// under the place and date.
func (r *opdReport) signatures(headTitle, respTitle string) {
	d, t, off := r.d, r.t, r.a.Officials
	colW := (d.width() - 10) / 2
	place := strings.TrimSpace(off.Place)
	if place == "" {
		place = "......................."
	}
	blocks := [2][]string{
		{t.baKnown, headTitle},
		{place + ", " + dateLong(r.opts.Today), respTitle + ","},
	}
	names := [2][2]string{{off.HeadName, off.HeadNIP}, {off.ResponsibleName, off.ResponsibleNIP}}
	// Measure both blocks to keep them together and level.
	var heads [2][]string
	lines := 0
	for i, b := range blocks {
		heads[i] = d.split(clean(strings.Join(b, "\n"), true), stBody, colW)
		lines = max(lines, len(heads[i]))
	}
	lh := stBody.lineHeight()
	const signSpace = 24.0
	h := float64(lines)*lh + signSpace + 2*lh + 4
	d.space(8)
	d.need(h)
	top := d.y
	for i := range blocks {
		x := d.left() + float64(i)*(colW+10)
		d.setStyle(stBody)
		for k, l := range heads[i] {
			d.pdf.SetXY(x, top+float64(k)*lh)
			d.pdf.CellFormat(colW, lh, l, "", 0, "C", false, 0, "")
		}
		y := top + float64(lines)*lh + signSpace
		name, nip := names[i][0], names[i][1]
		nameSt := stBodyBold
		if strings.TrimSpace(name) == "" {
			name, nameSt = "( "+t.blank+" )", stBody
		}
		d.fitText(x, y, colW, name, nameSt, "C")
		if nameSt.bold {
			// Underline the name the way signature blocks do.
			w := min(d.textWidth(clean(name, false), nameSt), colW-2*cellPadX)
			d.setDraw(ink)
			d.pdf.SetLineWidth(0.25)
			d.pdf.Line(x+(colW-w)/2, y+lh-0.6, x+(colW+w)/2, y+lh-0.6)
		}
		nipText := t.blankNIP
		if strings.TrimSpace(nip) != "" {
			nipText = t.nip(nip)
		}
		d.fitText(x, y+lh, colW, nipText, stBody, "C")
	}
	d.y = top + h
	d.fresh = false
}

// documentIdentity prints, small, what identifies the report: workspace,
// instrument hash and, once the workspace signs bundles, its key.
func (r *opdReport) documentIdentity() {
	d, t, a := r.d, r.t, r.a
	rows := [][2]string{
		{t.workspaceID, a.Identity.ID},
		{t.baInstrument, a.Pack.ID + " · SHA-256 " + a.Pack.Hash()},
	}
	if a.KeyFingerprint != "" {
		rows = append(rows, [2]string{t.baKey, a.KeyFingerprint})
	}
	var out []*row
	title := d.newRow([]col{{w: d.width(), st: stSmallBold, align: "L"}}, t.baDocID)
	title.keep, title.gap = true, 6
	out = append(out, title)
	for _, kv := range rows {
		if kv[1] == "" {
			continue
		}
		rr := d.newRow([]col{{w: 52, st: stSmallGrey, align: "L"}, {w: d.width() - 52, st: stSmallGrey, align: "L"}}, kv[0], kv[1])
		rr.padY = 0.4
		out = append(out, rr)
	}
	d.block(0, out...)
}

func orBlank(t *texts, s string) string {
	if strings.TrimSpace(s) == "" {
		return t.blank
	}
	return s
}
