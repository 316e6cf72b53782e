package ui

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// mainView is an open workspace: the navigation tree on the left, and on
// the right the dashboard, the readiness panel or one indicator's page.
type mainView struct {
	app  *App
	ws   Workspace
	pack *model.Pack
	// a is the window's copy of the workspace, updated from what the
	// store returns after each write; only the UI goroutine touches it.
	a *model.Assessment

	tree     *navTree
	search   *widget.Entry
	progress *widget.Label
	content  *fyne.Container
	page     *indicatorPage // the indicator shown, or nil
	dash     *dashboard     // the dashboard shown, or nil
	export   *exportView    // the last export flow, for tests
	opds     *opdsPage      // the coordinator's OPD page shown, or nil
	imports  *importPage    // the coordinator's import page shown, or nil
	reviews  *reviewPage    // the coordinator's review page shown, or nil

	// review is, in an OPD's window, the coordinator's latest review.
	review *reviewState

	// latest holds, in a coordinator's window, each OPD's latest imported
	// submission by code.
	latest map[string]*model.Assessment
	// assignment is, in an OPD's window, what its coordinator assigned;
	// nil when nothing was.
	assignment *model.Assignment
	current    string // what the right side shows, see show

	// Writes to the store run one after another on the saver goroutine,
	// so that they keep the order in which the user made them.
	saves   chan func()
	pending sync.WaitGroup
	// ctx ends the attaches still running when the view closes.
	ctx    context.Context
	cancel context.CancelFunc
}

func newMainView(u *App, ws Workspace) (*mainView, error) {
	a, err := ws.Assessment()
	if err != nil {
		return nil, err
	}
	v := &mainView{app: u, ws: ws, pack: ws.Pack(), a: a, saves: make(chan func(), 256)}
	if v.a.Answers == nil {
		v.a.Answers = map[int]model.Answer{}
	}
	if c := v.coordination(); c != nil {
		if v.latest, err = c.Latest(); err != nil {
			return nil, err
		}
	}
	if src, ok := ws.(AssignmentSource); ok && ws.Identity().Role == model.RoleOPD {
		if v.assignment, err = src.Assignment(); err != nil {
			return nil, err
		}
	}
	if err := v.loadReview(); err != nil {
		return nil, err
	}
	v.ctx, v.cancel = context.WithCancel(context.Background())
	go v.saver()
	return v, nil
}

func (v *mainView) saver() {
	for f := range v.saves {
		f()
		v.pending.Done()
	}
}

// enqueue runs f on the saver goroutine after every write queued before.
func (v *mainView) enqueue(f func()) {
	v.pending.Add(1)
	v.saves <- f
}

// wait returns when every queued write is done.
func (v *mainView) wait() { v.pending.Wait() }

// flush saves what the page has not saved yet.
func (v *mainView) flush() {
	if v.page != nil {
		v.page.flush()
	}
}

// close saves what is pending, stops running work and closes the file.
func (v *mainView) close() {
	v.flush()
	v.cancel()
	v.wait()
	close(v.saves)
	if err := v.ws.Close(); err != nil {
		showError(err, v.app.win)
	}
}

func (v *mainView) by() string { return v.app.settings.userName() }

func (v *mainView) buildUI() fyne.CanvasObject {
	v.search = &widget.Entry{PlaceHolder: lang.L("nav.search"), ActionItem: widget.NewIcon(theme.SearchIcon())}
	v.search.OnChanged = v.onSearch
	v.progress = &widget.Label{TextStyle: fyne.TextStyle{Italic: true}}
	v.tree = newNavTree(v)
	v.updateProgress()
	dashBtn := &widget.Button{Text: lang.L("nav.dashboard"), Icon: theme.HomeIcon(), OnTapped: v.showDashboard}
	readyBtn := &widget.Button{Text: lang.L("nav.readiness"), Icon: theme.WarningIcon(), OnTapped: v.showReadiness}
	nav := container.NewGridWithColumns(2, dashBtn, readyBtn)
	if v.coordination() != nil {
		nav.Add(&widget.Button{Text: lang.L("nav.opds"), Icon: theme.AccountIcon(), OnTapped: v.showOPDs})
		nav.Add(&widget.Button{Text: lang.L("nav.import"), Icon: theme.DownloadIcon(), OnTapped: v.showImport})
		if _, ok := v.ws.(Reviewer); ok {
			nav.Add(&widget.Button{Text: lang.L("nav.review"), Icon: theme.DocumentCreateIcon(), OnTapped: func() { v.showReview("") }})
		}
	}
	top := container.NewVBox(v.identityLabel(), nav, v.search)
	if v.assignment != nil {
		only := widget.NewCheck(lang.L("nav.only_assigned", map[string]any{"N": len(v.assignment.Indicators)}), func(on bool) { v.tree.onlyAssigned(on) })
		top.Add(only)
		defer only.SetChecked(true)
	}
	top.Add(v.progress)
	left := container.NewBorder(top, nil, nil, nil, v.tree.widget)
	v.content = container.NewStack()
	split := container.NewHSplit(left, v.content)
	split.Offset = 0.32
	v.addShortcuts()
	return split
}

func (v *mainView) identityLabel() fyne.CanvasObject {
	id := v.ws.Identity()
	title := &widget.Label{Text: strings.TrimSpace(id.Unit), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	if title.Text == "" {
		title.Text = id.Instansi
	}
	sub := &widget.Label{Text: id.Instansi + " · " + strconv.Itoa(id.Year) + " · " + v.pack.ShortTitle, Truncation: fyne.TextTruncateEllipsis, SizeName: theme.SizeNameCaptionText}
	if v.pack.Status != model.StatusOfficial {
		sub.Text += " · " + v.pack.StatusNote
	}
	return container.NewVBox(title, sub)
}

func (v *mainView) addShortcuts() {
	c := v.app.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { c.Focus(v.search) })
	next := func(fyne.Shortcut) { v.step(+1) }
	prev := func(fyne.Shortcut) { v.step(-1) }
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}, next)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}, prev)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}, next)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}, prev)
}

// where says what the right side shows, in the form show takes.
func (v *mainView) where() string { return v.current }

// show shows "dashboard", "readiness" or "indicator:N", or a part of an
// indicator's page, "indicator:N:evidence" (see indicatorPage.jump);
// anything else shows the dashboard.
func (v *mainView) show(where string) {
	if n, ok := strings.CutPrefix(where, "indicator:"); ok {
		n, part, _ := strings.Cut(n, ":")
		if no := atoi(n); v.pack.Indicator(no) != nil {
			v.showIndicator(no)
			if part != "" {
				v.page.jump(part)
			}
			return
		}
	}
	if code, ok := strings.CutPrefix(where, "review:"); ok && v.coordination() != nil {
		v.showReview(code)
		return
	}
	switch where {
	case "readiness":
		v.showReadiness()
	case "opds":
		if v.coordination() != nil {
			v.showOPDs()
			return
		}
		v.showDashboard()
	case "import":
		if v.coordination() != nil {
			v.showImport()
			return
		}
		v.showDashboard()
	default:
		v.showDashboard()
	}
}

func (v *mainView) setContent(o fyne.CanvasObject, where string) {
	v.flush()
	v.page, v.dash, v.opds, v.imports, v.reviews = nil, nil, nil, nil, nil
	v.current = where
	v.content.Objects = []fyne.CanvasObject{o}
	v.content.Refresh()
}

func (v *mainView) showDashboard() {
	d := newDashboard(v)
	v.setContent(d.buildUI(), "dashboard")
	v.dash = d
	v.tree.widget.UnselectAll()
}

func (v *mainView) showReadiness() {
	v.setContent(newReadinessPanel(v).buildUI(), "readiness")
	v.tree.widget.UnselectAll()
}

func (v *mainView) showIndicator(no int) {
	if v.page != nil && v.page.ind.No == no {
		return
	}
	p := newIndicatorPage(v, v.pack.Indicator(no))
	v.setContent(p.buildUI(), "indicator:"+strconv.Itoa(no))
	v.page = p
	v.tree.selectIndicator(no)
}

// step moves to the next (+1) or previous (-1) indicator among those the
// tree shows.
func (v *mainView) step(dir int) {
	nos := v.tree.visibleIndicators()
	if len(nos) == 0 {
		return
	}
	cur := -1
	if v.page != nil {
		for i, no := range nos {
			if no == v.page.ind.No {
				cur = i
			}
		}
	}
	next := cur + dir
	if cur < 0 && dir < 0 {
		next = len(nos) - 1
	}
	if next < 0 || next >= len(nos) {
		return
	}
	v.showIndicator(nos[next])
}

func (v *mainView) onSearch(q string) {
	v.tree.filter(q)
}

func (v *mainView) updateProgress() {
	answered := 0
	for _, ans := range v.a.Answers {
		if ans.Value != model.Unanswered {
			answered++
		}
	}
	v.progress.SetText(lang.L("nav.progress", map[string]any{"Answered": answered, "Total": len(v.pack.IndicatorNumbers())}))
}

// saveAnswer queues ans for writing; once stored, the tree, the progress
// and the dashboard follow.
func (v *mainView) saveAnswer(ans model.Answer) {
	by := v.by()
	v.enqueue(func() {
		stored, err := v.ws.SaveAnswer(by, ans)
		v.app.do(func() {
			if err != nil {
				showError(err, v.app.win)
				return
			}
			v.a.Answers[stored.Indicator] = stored
			v.changed(stored.Indicator)
		})
	})
}

// changed updates everything that shows indicator no after a change.
func (v *mainView) changed(no int) {
	v.tree.refreshIndicator(no)
	v.updateProgress()
	if v.dash != nil {
		v.dash.refresh()
	}
	if v.page != nil && v.page.ind.No == no {
		v.page.refreshStatus()
	}
}

// putEvidence puts link e into the window's copy of the evidence,
// replacing the link of the same file to the same indicator.
func (v *mainView) putEvidence(e model.Evidence) {
	for i := range v.a.Evidence {
		if v.a.Evidence[i].Indicator == e.Indicator && v.a.Evidence[i].SHA256 == e.SHA256 {
			v.a.Evidence[i] = e
			return
		}
	}
	v.a.Evidence = append(v.a.Evidence, e)
	model.SortEvidence(v.a.Evidence)
}

// dropEvidence removes the link of file sha to indicator no from the
// window's copy.
func (v *mainView) dropEvidence(no int, sha string) {
	v.a.Evidence = slices.DeleteFunc(v.a.Evidence, func(e model.Evidence) bool { return e.Indicator == no && e.SHA256 == sha })
}

// otherIndicatorsWith lists the indicators other than no that link the
// file with hash sha.
func (v *mainView) otherIndicatorsWith(no int, sha string) []int {
	var out []int
	for _, e := range v.a.Evidence {
		if e.SHA256 == sha && e.Indicator != no {
			out = append(out, e.Indicator)
		}
	}
	return out
}

func (v *mainView) onDropped(uris []fyne.URI) {
	if v.page == nil {
		showError(errDropNeedsIndicator, v.app.win)
		return
	}
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	v.page.evidence.attach(paths, nil)
}

func (v *mainView) findingText(f model.Finding) string {
	if v.app.settings.language() == "en" {
		return f.TextEN()
	}
	return f.Text()
}

// layoutSpacer fills the space between the things on its sides.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
