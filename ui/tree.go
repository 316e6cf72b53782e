package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/model"
)

// navTree is the tree of domains → aspects → indicators. Node ids are
// "d<no>", "a<no>" and "i<no>".
type navTree struct {
	v      *mainView
	widget *widget.Tree
	// match holds the indicators the search shows; nil shows all.
	match map[int]bool
	// only, when set, holds the indicators assigned to the OPD: the tree
	// shows only those.
	only map[int]bool
	// selecting is set while the tree is selected from code, so that
	// OnSelected does not navigate a second time.
	selecting bool
}

func newNavTree(v *mainView) *navTree {
	t := &navTree{v: v}
	t.widget = widget.NewTree(t.children, t.isBranch, t.create, t.update)
	t.widget.OnSelected = t.onSelected
	t.widget.OpenAllBranches()
	return t
}

func domainID(no int) string    { return "d" + strconv.Itoa(no) }
func aspectID(no int) string    { return "a" + strconv.Itoa(no) }
func indicatorID(no int) string { return "i" + strconv.Itoa(no) }

func parseNode(id string) (kind byte, no int) {
	if id == "" {
		return 0, 0
	}
	n, _ := strconv.Atoi(id[1:])
	return id[0], n
}

func (t *navTree) isBranch(id string) bool {
	k, _ := parseNode(id)
	return k != 'i'
}

func (t *navTree) children(id string) []string {
	k, no := parseNode(id)
	p := t.v.pack
	var out []string
	switch k {
	case 0:
		if !p.HasDomains() {
			// An instrument of aspects only (Indeks Pemdi) has no domain
			// level worth a row.
			for _, a := range p.Aspects() {
				if t.aspectShown(a) {
					out = append(out, aspectID(a.No))
				}
			}
			break
		}
		for _, d := range p.Domains {
			if t.domainShown(&d) {
				out = append(out, domainID(d.No))
			}
		}
	case 'd':
		for _, d := range p.Domains {
			if d.No != no {
				continue
			}
			for i := range d.Aspects {
				if t.aspectShown(&d.Aspects[i]) {
					out = append(out, aspectID(d.Aspects[i].No))
				}
			}
		}
	case 'a':
		for _, a := range p.Aspects() {
			if a.No != no {
				continue
			}
			for _, ind := range a.Indicators {
				if t.shows(ind.No) {
					out = append(out, indicatorID(ind.No))
				}
			}
		}
	}
	return out
}

func (t *navTree) aspectShown(a *model.Aspect) bool {
	for _, ind := range a.Indicators {
		if t.shows(ind.No) {
			return true
		}
	}
	return false
}

// shows reports whether the tree shows indicator no: it matches the search
// and, when only assigned indicators are shown, is assigned.
func (t *navTree) shows(no int) bool {
	return (t.match == nil || t.match[no]) && (t.only == nil || t.only[no])
}

// onlyAssigned shows only the indicators assigned to the OPD, or all.
func (t *navTree) onlyAssigned(on bool) {
	t.only = nil
	if on && t.v.assignment != nil {
		t.only = map[int]bool{}
		for _, no := range t.v.assignment.Indicators {
			t.only[no] = true
		}
	}
	t.widget.Refresh()
	t.widget.OpenAllBranches()
}

func (t *navTree) domainShown(d *model.Domain) bool {
	for i := range d.Aspects {
		if t.aspectShown(&d.Aspects[i]) {
			return true
		}
	}
	return false
}

func (t *navTree) create(bool) fyne.CanvasObject {
	label := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, label)
}

func (t *navTree) update(id string, _ bool, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	label := c.Objects[0].(*widget.Label)
	icon := c.Objects[1].(*widget.Icon)
	k, no := parseNode(id)
	p := t.v.pack
	switch k {
	case 'd':
		for _, d := range p.Domains {
			if d.No == no {
				answered, total := t.count(func(ind *model.Indicator) bool { return ind.Aspect().Domain().No == no })
				label.TextStyle = fyne.TextStyle{Bold: true}
				label.SetText(fmt.Sprintf("%s  (%d/%d)", d.Name, answered, total))
				icon.SetResource(theme.FolderIcon())
			}
		}
	case 'a':
		for _, a := range p.Aspects() {
			if a.No == no {
				answered, total := t.count(func(ind *model.Indicator) bool { return ind.Aspect().No == no })
				label.TextStyle = fyne.TextStyle{}
				label.SetText(fmt.Sprintf("%s  (%d/%d)", a.Name, answered, total))
				icon.SetResource(theme.ListIcon())
			}
		}
	case 'i':
		ind := p.Indicator(no)
		label.TextStyle = fyne.TextStyle{}
		label.SetText(fmt.Sprintf("%d  %s", ind.No, ind.ShortName))
		if d, ok := t.v.verdict(no); ok {
			icon.SetResource(verdictIcon(d, t.v.review.changed[no]))
			return
		}
		st := t.v.a.State(no, t.v.app.today())
		if st == model.StateUnanswered && len(t.v.contributions(no)) > 0 {
			// The OPDs answered; the coordinator has not decided yet.
			icon.SetResource(theme.NewWarningThemedResource(theme.QuestionIcon()))
			return
		}
		icon.SetResource(stateIcon(st))
	}
}

// count returns how many of the indicators that pass in are answered.
func (t *navTree) count(in func(*model.Indicator) bool) (answered, total int) {
	for _, no := range t.v.pack.IndicatorNumbers() {
		ind := t.v.pack.Indicator(no)
		if !in(ind) {
			continue
		}
		total++
		if ans, ok := t.v.a.Answers[no]; ok && ans.Value != model.Unanswered {
			answered++
		}
	}
	return answered, total
}

func (t *navTree) onSelected(id string) {
	if t.selecting {
		return
	}
	k, no := parseNode(id)
	if k == 'i' {
		t.v.showIndicator(no)
		return
	}
	t.widget.Unselect(id)
	t.widget.ToggleBranch(id)
}

func (t *navTree) selectIndicator(no int) {
	id := indicatorID(no)
	t.selecting = true
	t.widget.Select(id)
	t.selecting = false
	t.widget.ScrollTo(id)
}

// refreshIndicator redraws an indicator's row and its parents' counts.
func (t *navTree) refreshIndicator(no int) {
	ind := t.v.pack.Indicator(no)
	t.widget.RefreshItem(indicatorID(no))
	t.widget.RefreshItem(aspectID(ind.Aspect().No))
	t.widget.RefreshItem(domainID(ind.Aspect().Domain().No))
}

// filter shows only the indicators that match q: its number, the phrase
// in the indicator's names or question, or all its words in the names.
// An empty q shows all.
func (t *navTree) filter(q string) {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		t.match = nil
	} else {
		t.match = map[int]bool{}
		words := strings.Fields(q)
		for _, no := range t.v.pack.IndicatorNumbers() {
			ind := t.v.pack.Indicator(no)
			if n, err := strconv.Atoi(q); err == nil {
				if n == no {
					t.match[no] = true
				}
				continue
			}
			names := strings.ToLower(ind.Name + " " + strings.Join(ind.Aliases, " "))
			if strings.Contains(names+" "+strings.ToLower(ind.Question), q) || containsAll(names, words) {
				t.match[no] = true
			}
		}
	}
	t.widget.Refresh()
	t.widget.OpenAllBranches()
}

// visibleIndicators returns the indicators the tree shows, in order.
func (t *navTree) visibleIndicators() []int {
	var out []int
	for _, no := range t.v.pack.IndicatorNumbers() {
		if t.shows(no) {
			out = append(out, no)
		}
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
