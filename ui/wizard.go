package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/internal/platform"
	"github.com/swanilai/swanilai/model"
)

// workspaceExt is the file extension of workspace files.
const workspaceExt = ".swanilai"

// wizard creates a new workspace: who, which year, which instrument, and
// where the file goes.
type wizard struct {
	app *App

	role       *widget.RadioGroup
	instansi   *widget.Entry
	unit       *widget.Entry
	year       *widget.Select
	instrument *widget.Select
	path       *widget.Entry
	create     *widget.Button
	message    *widget.Label

	packs []*model.Pack
	// pathEdited and packChosen stop the defaults from following the
	// other fields once the user has set them.
	pathEdited, packChosen bool
}

func (u *App) showWizard() {
	u.closeWorkspace()
	wz := &wizard{app: u, packs: model.BuiltinPacks()}
	u.wizard = wz
	u.win.SetContent(wz.buildUI())
	u.win.Canvas().Focus(wz.instansi)
}

func (wz *wizard) roleOptions() []string {
	return []string{lang.L("wizard.role_opd"), lang.L("wizard.role_coordinator")}
}

func (wz *wizard) buildUI() fyne.CanvasObject {
	wz.role = widget.NewRadioGroup(wz.roleOptions(), func(string) { wz.onChanged() })
	wz.role.Horizontal = true
	wz.role.Required = true
	wz.role.SetSelected(wz.roleOptions()[0])
	wz.instansi = &widget.Entry{OnChanged: func(string) { wz.onChanged() }}
	wz.unit = &widget.Entry{OnChanged: func(string) { wz.onChanged() }}
	this := time.Now().Year()
	var years []string
	for y := this + 1; y >= 2021; y-- {
		years = append(years, strconv.Itoa(y))
	}
	wz.year = widget.NewSelect(years, func(string) { wz.onYearChanged() })
	wz.instrument = widget.NewSelect(wz.packLabels(), func(string) { wz.packChosen = true })
	wz.year.SetSelected(strconv.Itoa(this))
	wz.packChosen = false
	wz.path = &widget.Entry{OnChanged: func(string) { wz.pathEdited = true }}
	wz.setDefaultPath()
	browse := &widget.Button{Text: lang.L("wizard.browse"), Icon: theme.FolderOpenIcon(), OnTapped: wz.onBrowse}
	wz.message = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	wz.create = &widget.Button{Text: lang.L("wizard.create"), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: wz.onCreate}
	cancel := &widget.Button{Text: lang.L("button.cancel"), OnTapped: wz.app.showWelcome}

	form := widget.NewForm(
		widget.NewFormItem(lang.L("wizard.role"), wz.role),
		&widget.FormItem{Text: lang.L("wizard.instansi"), Widget: wz.instansi, HintText: lang.L("wizard.instansi_hint")},
		&widget.FormItem{Text: lang.L("wizard.unit"), Widget: wz.unit, HintText: lang.L("wizard.unit_hint")},
		widget.NewFormItem(lang.L("wizard.year"), wz.year),
		&widget.FormItem{Text: lang.L("wizard.instrument"), Widget: wz.instrument, HintText: lang.L("wizard.instrument_hint")},
		&widget.FormItem{Text: lang.L("wizard.path"), Widget: container.NewBorder(nil, nil, nil, browse, wz.path)},
	)
	title := widget.NewLabelWithStyle(lang.L("wizard.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := &widget.Label{Text: lang.L("wizard.intro"), Wrapping: fyne.TextWrapWord}
	buttons := container.NewHBox(layoutSpacer(), cancel, wz.create)
	box := container.NewVBox(title, intro, widget.NewSeparator(), form, wz.message, buttons)
	wz.onChanged()
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(760, box.MinSize().Height+40), box))
}

func (wz *wizard) packLabels() []string {
	var out []string
	for _, p := range wz.packs {
		out = append(out, p.Label())
	}
	return out
}

func (wz *wizard) onYearChanged() {
	if !wz.packChosen {
		id := model.DefaultPackFor(atoi(wz.year.Selected))
		for i, p := range wz.packs {
			if p.ID == id {
				wz.instrument.SetSelectedIndex(i)
			}
		}
		wz.packChosen = false
	}
	wz.onChanged()
}

// onChanged keeps the default file name in step with unit and year and
// enables Create only when the form is complete.
func (wz *wizard) onChanged() {
	if wz.path == nil || wz.create == nil {
		return // still building
	}
	if !wz.pathEdited {
		wz.setDefaultPath()
	}
	if wz.validate() == nil {
		wz.create.Enable()
	} else {
		wz.create.Disable()
	}
}

func (wz *wizard) setDefaultPath() {
	name := fileSlug(wz.unit.Text)
	if name == "" {
		name = fileSlug(wz.instansi.Text)
	}
	if name == "" {
		name = "penilaian-mandiri"
	}
	wz.path.SetText(filepath.Join(documentsDir(), "Swanilai", name+"-"+wz.year.Selected+workspaceExt))
	wz.pathEdited = false
}

func (wz *wizard) isCoordinator() bool { return wz.role.Selected == wz.roleOptions()[1] }

// errIncomplete is returned by validate while the form lacks something.
var errIncomplete = errors.New("incomplete")

func (wz *wizard) validate() error {
	switch {
	case strings.TrimSpace(wz.instansi.Text) == "",
		!wz.isCoordinator() && strings.TrimSpace(wz.unit.Text) == "",
		wz.instrument.SelectedIndex() < 0,
		strings.TrimSpace(wz.path.Text) == "":
		return errIncomplete
	}
	return nil
}

func (wz *wizard) onBrowse() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			showError(err, wz.app.win)
			return
		}
		wz.path.SetText(filepath.Join(l.Path(), filepath.Base(wz.path.Text)))
	}, wz.app.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func (wz *wizard) onCreate() {
	if wz.validate() != nil {
		return
	}
	path := strings.TrimSpace(wz.path.Text)
	if filepath.Ext(path) == "" {
		path += workspaceExt
	}
	nw := NewWorkspace{
		Role:     model.RoleOPD,
		Instansi: strings.TrimSpace(wz.instansi.Text),
		Unit:     strings.TrimSpace(wz.unit.Text),
		Year:     atoi(wz.year.Selected),
		PackID:   wz.packs[wz.instrument.SelectedIndex()].ID,
		By:       wz.app.settings.userName(),
	}
	if wz.isCoordinator() {
		nw.Role = model.RoleCoordinator
	}
	if _, err := os.Stat(path); err == nil {
		wz.message.SetText(lang.L("wizard.exists", map[string]any{"Path": path}))
		return
	}
	wz.create.Disable()
	wz.message.SetText("")
	u := wz.app
	go func() {
		err := os.MkdirAll(filepath.Dir(path), 0o755)
		var ws Workspace
		if err == nil {
			ws, err = u.files.Create(path, nw)
		}
		u.do(func() {
			if err != nil {
				wz.create.Enable()
				wz.message.SetText(errorText(fmt.Errorf("%s: %w", filepath.Base(path), err)))
			} else {
				u.setWorkspace(ws)
			}
			if u.opts.opened != nil {
				u.opts.opened(err)
			}
		})
	}()
}

// documentsDir is where new workspaces go by default: the user's
// Documents folder, wherever the system keeps it, else the home folder.
func documentsDir() string { return platform.DocumentsDir() }

// fileSlug turns a name into a safe file name: "Dinas Kominfo" →
// "Dinas-Kominfo".
func fileSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
