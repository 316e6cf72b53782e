package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
)

// ReviewSource is what an OPD's window needs to show its coordinator's
// review: the latest review received, and what the OPD sent in the
// revision it reviews, to tell what the OPD changed since.
type ReviewSource interface {
	// Review returns the latest review received, nil when none.
	Review() (*model.Review, error)
	// Exported returns the assessment as the OPD sent it in revision rev,
	// nil when the workspace does not know it.
	Exported(rev int) (*model.Assessment, error)
}

// Reviewer is what the coordinator's window needs to review the OPDs'
// submissions: every imported revision, the decisions, and the review
// bundle going back.
type Reviewer interface {
	// Revisions lists the imported revisions of OPD code, oldest first.
	Revisions(code string) ([]int, error)
	// Submitted returns revision rev of OPD code as the OPD sent it.
	Submitted(code string, rev int) (*model.Assessment, error)
	// Decisions returns the decisions on the latest revision of OPD code,
	// those carried from the revision before included.
	Decisions(code string) ([]model.Decision, error)
	SetDecision(by, code string, d model.Decision) error
	// ExportReview writes the signed review bundle of OPD code's latest
	// revision to path, signed with the key (opened with passphrase when it
	// has one); by is who sends it.
	ExportReview(ctx context.Context, by, code, path, passphrase string) (*model.Review, error)
}

// reviewState is how the OPD's window knows its coordinator's review.
type reviewState struct {
	review *model.Review
	// changed holds the indicators the OPD changed since the reviewed
	// revision; resent those of them changed in a revision it sent since.
	changed, resent map[int]bool
}

// loadReview reads the OPD's latest review and what changed since.
func (v *mainView) loadReview() error {
	src, ok := v.ws.(ReviewSource)
	if !ok || v.ws.Identity().Role != model.RoleOPD {
		return nil
	}
	r, err := src.Review()
	if err != nil || r == nil {
		return err
	}
	v.review = &reviewState{review: r, changed: map[int]bool{}, resent: map[int]bool{}}
	sent, err := src.Exported(r.Revision)
	if err != nil || sent == nil {
		return err
	}
	for _, c := range model.Compare(v.pack, sent, v.a) {
		v.review.changed[c.Indicator] = true
	}
	if !r.Stale(v.a.Revision) {
		return nil
	}
	again, err := src.Exported(v.a.Revision)
	if err != nil || again == nil {
		return err
	}
	for _, c := range model.Compare(v.pack, sent, again) {
		v.review.resent[c.Indicator] = true
	}
	return nil
}

// verdict returns the coordinator's decision on indicator no, if any.
func (v *mainView) verdict(no int) (model.Decision, bool) {
	if v.review == nil {
		return model.Decision{}, false
	}
	return v.review.review.Decision(no)
}

// verdictIcon marks a reviewed indicator in the OPD's tree.
func verdictIcon(d model.Decision, changed bool) fyne.Resource {
	switch {
	case d.Verdict == model.VerdictRevise && changed:
		return theme.NewPrimaryThemedResource(theme.DocumentCreateIcon())
	case d.Verdict == model.VerdictRevise:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case d.Verdict == model.VerdictAdjusted:
		return theme.NewWarningThemedResource(theme.InfoIcon())
	}
	return theme.NewSuccessThemedResource(acceptedIcon)
}

// acceptedIcon is a seal with a check (Material Icons "verified", Apache
// 2.0): an answer the coordinator accepted, distinct from the plain check
// of an answered indicator.
var acceptedIcon = fyne.NewStaticResource("accepted.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"><path fill="#000000" d="M23 12l-2.44-2.79.34-3.69-3.61-.82-1.89-3.2L12 2.96 8.6 1.5 6.71 4.69 3.1 5.5l.34 3.7L1 12l2.44 2.79-.34 3.7 3.61.82L8.6 22.5l3.4-1.47 3.4 1.46 1.89-3.19 3.61-.82-.34-3.69L23 12zm-12.91 4.72l-3.8-3.81 1.48-1.48 2.32 2.33 5.85-5.87 1.48 1.48-7.33 7.35z"/></svg>`))

func (v *mainView) verdictText(d model.Decision) string {
	if v.app.settings.language() == "en" {
		return d.Verdict.TextEN()
	}
	return d.Verdict.Text()
}

// reviewNoteUI is the coordinator's note on an indicator, shown to the OPD
// next to its answer.
func (p *indicatorPage) reviewNoteUI() fyne.CanvasObject {
	v := p.v
	d, ok := v.verdict(p.ind.No)
	if !ok {
		return nil
	}
	r := v.review.review
	items := []fyne.CanvasObject{}
	if r.Stale(v.a.Revision) {
		items = append(items, &widget.Label{Text: lang.L("review.stale", map[string]any{"Old": r.Revision, "New": v.a.Revision}), Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	head := lang.L("review.verdict", map[string]any{"Verdict": v.verdictText(d), "Revision": r.Revision})
	if d.Verdict == model.VerdictAdjusted {
		head += " " + lang.L("review.adjusted_to", map[string]any{"Level": d.Level.Compact(), "Name": v.pack.LevelName(p.ind, v.pack.LevelOf(p.ind, d.Level))})
	}
	items = append(items, &widget.Label{Text: head, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	for _, t := range []struct{ label, text string }{
		{"FAKTA", d.Fakta}, {"ANALISIS", d.Analisis}, {"JUSTIFIKASI HASIL", d.Justifikasi}, {lang.L("review.missing"), d.MissingEvidence},
	} {
		if strings.TrimSpace(t.text) != "" {
			items = append(items, &widget.Label{Text: t.label + ": " + t.text, Wrapping: fyne.TextWrapWord})
		}
	}
	switch {
	case d.Verdict != model.VerdictRevise:
	case v.review.resent[p.ind.No]:
		items = append(items, &widget.Label{Text: lang.L("review.resent", map[string]any{"N": v.a.Revision}), Importance: widget.SuccessImportance, Wrapping: fyne.TextWrapWord})
	case v.review.changed[p.ind.No]:
		items = append(items, &widget.Label{Text: lang.L("review.revised"), Importance: widget.SuccessImportance, Wrapping: fyne.TextWrapWord})
	}
	return widget.NewCard(lang.L("review.title"), "", container.NewVBox(items...))
}

// openReviewFindings lists, for the readiness panel, what the review still
// asks of the OPD.
func (v *mainView) openReviewFindings() []model.Decision {
	if v.review == nil {
		return nil
	}
	return v.review.review.Open(func(no int) bool { return v.review.changed[no] })
}

// reviewPage is the coordinator's review of one OPD's latest submission:
// per indicator what the OPD answered, what changed since its previous
// revision, and the decision.
type reviewPage struct {
	v    *mainView
	r    Reviewer
	code string
	// revisions of the OPD, oldest first; latest and before are the
	// assessments of the last two.
	revisions      []int
	latest, before *model.Assessment
	decisions      []model.Decision
	rows           *fyne.Container
	opdSelect      *widget.Select
}

func (v *mainView) showReview(code string) {
	r, ok := v.ws.(Reviewer)
	if !ok || v.coordination() == nil {
		return
	}
	p := &reviewPage{v: v, r: r, code: code}
	if code != "" {
		if err := p.load(); err != nil {
			showError(err, v.app.win)
			return
		}
	}
	v.setContent(p.buildUI(), "review:"+code)
	v.reviews = p
	v.tree.widget.UnselectAll()
}

func (p *reviewPage) load() error {
	var err error
	if p.revisions, err = p.r.Revisions(p.code); err != nil {
		return err
	}
	p.latest, p.before = nil, nil
	if n := len(p.revisions); n > 0 {
		if p.latest, err = p.r.Submitted(p.code, p.revisions[n-1]); err != nil {
			return err
		}
		if n > 1 {
			if p.before, err = p.r.Submitted(p.code, p.revisions[n-2]); err != nil {
				return err
			}
		}
	}
	p.decisions, err = p.r.Decisions(p.code)
	return err
}

func (p *reviewPage) buildUI() fyne.CanvasObject {
	v := p.v
	title := &widget.Label{Text: lang.L("review.page"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	var codes []string
	for code := range v.latest {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	p.opdSelect = widget.NewSelect(codes, func(code string) {
		if code != p.code {
			v.showReview(code)
		}
	})
	p.opdSelect.PlaceHolder = lang.L("review.choose")
	if p.code != "" {
		p.opdSelect.Selected = p.code
	}
	export := &widget.Button{Text: lang.L("review.export"), Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: p.onExport}
	if p.latest == nil {
		export.Disable()
	}
	p.rows = container.NewVBox()
	p.fill()
	head := container.NewVBox(container.NewBorder(nil, nil, nil, export, title), container.NewBorder(nil, nil, widget.NewLabel(lang.L("review.opd")), nil, p.opdSelect))
	return container.NewBorder(container.NewPadded(head), nil, nil, nil, container.NewVScroll(container.NewPadded(p.rows)))
}

// fill lists the OPD's answered indicators with their changes and the
// decision on each.
func (p *reviewPage) fill() {
	v := p.v
	p.rows.RemoveAll()
	if p.latest == nil {
		p.rows.Add(&widget.Label{Text: lang.L("review.nothing"), Wrapping: fyne.TextWrapWord})
		return
	}
	rev := p.revisions[len(p.revisions)-1]
	intro := lang.L("review.intro_first", map[string]any{"N": rev})
	var changes []model.IndicatorChange
	if p.before != nil {
		changes = model.Compare(v.pack, p.before, p.latest)
		intro = lang.L("review.intro", map[string]any{"N": rev, "Prev": p.revisions[len(p.revisions)-2], "Changed": len(changes)})
	}
	p.rows.Add(&widget.Label{Text: intro, Wrapping: fyne.TextWrapWord})
	changed := map[int]model.IndicatorChange{}
	for _, c := range changes {
		changed[c.Indicator] = c
	}
	// After a resubmission what changed comes first: it is what waits for
	// the coordinator.
	type section struct {
		changed bool
		title   string
	}
	sections := []section{{false, ""}}
	if p.before != nil {
		prev := p.revisions[len(p.revisions)-2]
		sections = []section{{true, lang.L("review.section_changed", map[string]any{"Prev": prev, "N": len(changes)})}, {false, lang.L("review.section_unchanged")}}
	}
	for _, sec := range sections {
		var rows []fyne.CanvasObject
		for _, no := range v.pack.IndicatorNumbers() {
			ans, ok := p.latest.Answers[no]
			if !ok || ans.Value == model.Unanswered {
				continue
			}
			c, isChanged := changed[no]
			if p.before != nil && isChanged != sec.changed {
				continue
			}
			rows = append(rows, p.row(no, ans, c, isChanged && p.before != nil))
		}
		if len(rows) == 0 {
			continue
		}
		if sec.title != "" {
			p.rows.Add(&widget.Label{Text: sec.title, TextStyle: fyne.TextStyle{Bold: true}})
		}
		for _, r := range rows {
			p.rows.Add(r)
		}
	}
}

func (p *reviewPage) decision(no int) (model.Decision, bool) {
	for _, d := range p.decisions {
		if d.Indicator == no {
			return d, true
		}
	}
	return model.Decision{}, false
}

// row is one indicator of the review: the answer, the change since the
// previous revision, the decision and the buttons to decide.
func (p *reviewPage) row(no int, ans model.Answer, c model.IndicatorChange, changed bool) fyne.CanvasObject {
	v := p.v
	ind := v.pack.Indicator(no)
	head := &widget.Label{Text: fmt.Sprintf("%d  %s · %s %s", no, ind.ShortName, lang.L("contrib.level"), ans.Value.Compact()), TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	items := []fyne.CanvasObject{head}
	if changed {
		items = append(items, &widget.Label{Text: lang.L("review.changed"), Importance: widget.HighImportance})
		if c.LevelChanged() {
			items = append(items, widget.NewLabel(lang.L("review.level_change", map[string]any{"From": levelOrDash(c.From), "To": levelOrDash(c.To)})))
		}
		for _, part := range []struct {
			label string
			diff  []model.DiffSegment
		}{{"FAKTA", c.Fakta}, {"ANALISIS", c.Analisis}, {lang.L("ind.sector"), c.Sector}} {
			if part.diff != nil {
				items = append(items, diffText(part.label, part.diff))
			}
		}
		for _, e := range c.Added {
			items = append(items, &widget.Label{Text: "+ " + e.Name, Importance: widget.SuccessImportance})
		}
		for _, e := range c.Removed {
			items = append(items, &widget.Label{Text: "− " + e.Name, Importance: widget.DangerImportance})
		}
	} else {
		for _, t := range []struct{ label, text string }{{"FAKTA", ans.Fakta}, {"ANALISIS", ans.Analisis}} {
			if strings.TrimSpace(t.text) != "" {
				items = append(items, &widget.Label{Text: t.label + ": " + t.text, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText})
			}
		}
	}
	for _, e := range p.latest.EvidenceFor(no) {
		e := e
		items = append(items, &widget.Button{Text: e.Name, Icon: theme.FileIcon(), Importance: widget.LowImportance, Alignment: widget.ButtonAlignLeading, OnTapped: func() {
			(&evidenceList{p: &indicatorPage{v: v, ind: ind}}).open(e)
		}})
	}
	status := &widget.Label{Text: lang.L("review.undecided"), Importance: widget.LowImportance}
	if d, ok := p.decision(no); ok {
		status.Text = v.verdictText(d)
		status.Importance = widget.SuccessImportance
		if d.Verdict != model.VerdictAccepted {
			status.Importance = widget.WarningImportance
		}
	}
	accept := &widget.Button{Text: lang.L("review.accept"), Icon: theme.ConfirmIcon(), OnTapped: func() {
		p.decide(model.Decision{Indicator: no, Verdict: model.VerdictAccepted})
	}}
	adjust := &widget.Button{Text: lang.L("review.adjust"), Icon: theme.InfoIcon(), OnTapped: func() { p.noteDialog(no, model.VerdictAdjusted) }}
	revise := &widget.Button{Text: lang.L("review.revise"), Icon: theme.ErrorIcon(), OnTapped: func() { p.noteDialog(no, model.VerdictRevise) }}
	items = append(items, container.NewBorder(nil, nil, status, container.NewHBox(accept, adjust, revise)))
	return container.NewVBox(widget.NewCard("", "", container.NewVBox(items...)))
}

func levelOrDash(h model.Hundredths) string {
	if h == model.Unanswered {
		return "–"
	}
	return h.Compact()
}

// diffText shows a word diff: deleted words in the error colour, inserted
// ones in the success colour and bold.
func diffText(label string, d []model.DiffSegment) fyne.CanvasObject {
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: label + ": ", Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}}}
	for _, s := range d {
		st := widget.RichTextStyle{Inline: true}
		text := s.Text
		switch s.Op {
		case model.DiffDelete:
			st.ColorName = theme.ColorNameError
			st.TextStyle.Italic = true
			text = "[−" + text + "]"
		case model.DiffInsert:
			st.ColorName = theme.ColorNameSuccess
			st.TextStyle.Bold = true
			text = "[+" + text + "]"
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: st})
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// decide records a decision and redraws the page.
func (p *reviewPage) decide(d model.Decision) {
	v := p.v
	if p.latest != nil {
		d.Revision = p.latest.Revision
	}
	if err := d.Check(v.pack); err != nil {
		showError(err, v.app.win)
		return
	}
	by := v.by()
	code := p.code
	v.enqueue(func() {
		err := p.r.SetDecision(by, code, d)
		v.app.do(func() {
			if err != nil {
				showError(err, v.app.win)
				return
			}
			if err := p.load(); err != nil {
				showError(err, v.app.win)
				return
			}
			p.fill()
		})
	})
}

// noteDialog asks for the note of an adjustment or a revision request, in
// the assessor's pattern: FAKTA, ANALISIS, JUSTIFIKASI HASIL.
func (p *reviewPage) noteDialog(no int, verdict model.Verdict) {
	v := p.v
	ind := v.pack.Indicator(no)
	multi := func() *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(2)
		return e
	}
	fakta, analisis, just, missing := multi(), multi(), multi(), widget.NewEntry()
	level := widget.NewSelect([]string{"1", "2", "3", "4", "5"}, nil)
	items := []*widget.FormItem{}
	if verdict == model.VerdictAdjusted {
		items = append(items, &widget.FormItem{Text: lang.L("review.level"), Widget: level})
	}
	items = append(items,
		&widget.FormItem{Text: "FAKTA", Widget: fakta},
		&widget.FormItem{Text: "ANALISIS", Widget: analisis, HintText: lang.L("review.analisis_hint")},
		&widget.FormItem{Text: "JUSTIFIKASI HASIL", Widget: just},
	)
	if verdict == model.VerdictRevise {
		items = append(items, &widget.FormItem{Text: lang.L("review.missing"), Widget: missing})
	}
	title := fmt.Sprintf("%s · %d %s", verdictTitle(v, verdict), no, ind.ShortName)
	d := dialog.NewForm(title, lang.L("button.save"), lang.L("button.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		dec := model.Decision{Indicator: no, Verdict: verdict, Fakta: fakta.Text, Analisis: analisis.Text, Justifikasi: just.Text, MissingEvidence: missing.Text}
		if verdict == model.VerdictAdjusted {
			dec.Level = model.Hundredths(atoi(level.Selected) * 100)
		}
		p.decide(dec)
	}, v.app.win)
	d.Resize(fyne.NewSize(720, d.MinSize().Height))
	d.Show()
}

func verdictTitle(v *mainView, verdict model.Verdict) string {
	return v.verdictText(model.Decision{Verdict: verdict})
}

func (p *reviewPage) onExport() {
	p.v.askPassphrase(lang.L("review.export"), p.chooseReviewFile)
}

// chooseReviewFile asks where the review bundle goes and writes it there.
func (p *reviewPage) chooseReviewFile(passphrase string) {
	v := p.v
	name := fmt.Sprintf("reviu-%s-%d-revisi-%d%s", strings.ToLower(p.code), v.ws.Identity().Year, p.latest.Revision, roundtrip.BundleExt)
	showSaveFile(v.app.win, saveOptions{name: name, ext: roundtrip.BundleExt}, func(path string) {
		p.writeReview(path, passphrase, nil)
	})
}

// writeReview writes the review bundle off the UI goroutine; done, when
// set, is called on the UI goroutine at the end.
func (p *reviewPage) writeReview(path, passphrase string, done func(error)) {
	v := p.v
	by := v.by()
	v.pending.Add(1)
	go func() {
		defer v.pending.Done()
		r, err := p.r.ExportReview(v.ctx, by, p.code, path, passphrase)
		v.app.do(func() {
			if err != nil {
				showError(err, v.app.win)
			} else {
				count := r.Count()
				dialog.ShowInformation(lang.L("review.export"), lang.L("review.exported", map[string]any{
					"Code": p.code, "N": r.Revision, "Accepted": count[model.VerdictAccepted], "Adjusted": count[model.VerdictAdjusted], "Revise": count[model.VerdictRevise], "Path": path,
				}), v.app.win)
			}
			if done != nil {
				done(err)
			}
		})
	}()
}
