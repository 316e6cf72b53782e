package ui

import (
	"errors"
	"fmt"
	"image/color"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/swanilai/swanilai/internal/platform"
	"github.com/swanilai/swanilai/model"
)

// Options say how the window starts.
type Options struct {
	// Path opens this workspace instead of the last one used.
	Path string
	// View names what to show first once a workspace is open: "dashboard"
	// (the default), "readiness", "indicator:N"; "wizard" starts the
	// new-workspace wizard instead of opening anything.
	View string
	// Today returns the date readiness is judged on; nil means today.
	Today func() model.Date
	// Language, when "id" or "en", switches the window's language, and
	// Theme, when "system", "light" or "dark", its colours (both are kept
	// for the next start).
	Language, Theme string
	// Attach names files to attach to the indicator the window starts at
	// ("indicator:N"), as if they were dropped there: for scripts.
	Attach []string
	// Import names bundles (files or folders) to import once the workspace
	// is open, as the import page does: a coordinator's submissions, an
	// OPD's assignment or review. A desktop that opens bundle files with
	// Swanilai passes them here.
	Import []string
	// opened is called on the UI goroutine after a workspace was opened
	// or created, or failed to; tests wait on it.
	opened func(error)
	// do runs a function on the UI goroutine; nil means fyne.Do. Tests
	// queue the functions and run them on the test's goroutine, as the
	// real event loop would, so that widgets are only ever touched from
	// one goroutine.
	do func(func())
}

// App is the Swanilai window and what it has open.
type App struct {
	app      fyne.App
	win      fyne.Window
	files    Workspaces
	settings settings
	opts     Options
	// view is the open workspace's view; nil while none is open.
	view *mainView
	// wizard is the new-workspace wizard while it is shown.
	wizard *wizard
	// do runs a function on the UI goroutine: every goroutine of the
	// window hands its widget work to it (fyne.Do unless a test says).
	do func(func())
	// painted, when set, is told when a frame showing a workspace is
	// painted (see WhenPainted).
	painted func()
	// openFile opens a file with the system's viewer (platform.Open;
	// tests put a recorder in its place).
	openFile func(path string) error
}

// New builds the window over a and decides what it shows first: the
// workspace of opts.Path, else the last one used, else the welcome page.
// Call ShowAndRun (or Window().Show) to show it.
func New(a fyne.App, files Workspaces, opts Options) *App {
	s := settings{a.Preferences()}
	if opts.Language == "id" || opts.Language == "en" {
		s.setLanguage(opts.Language)
	}
	switch opts.Theme {
	case themeSystem, themeLight, themeDark:
		s.setTheme(opts.Theme)
	}
	if err := setLanguage(s.language()); err != nil {
		fyne.LogError("cannot load translations", err)
	}
	applyTheme(a, s.theme())
	if opts.Today == nil {
		opts.Today = model.Today
	}
	w := a.NewWindow("Swanilai")
	w.Resize(fyne.NewSize(1280, 720))
	u := &App{app: a, win: w, files: files, settings: s, opts: opts, do: opts.do, openFile: platform.Open}
	if u.do == nil {
		u.do = fyne.Do
	}
	w.SetOnDropped(u.onDropped)
	w.SetCloseIntercept(u.onClose)
	u.refreshMenu()
	switch {
	case opts.View == "wizard":
		u.showWizard()
	case opts.Path != "":
		u.openPath(opts.Path)
	case len(s.recent()) > 0:
		u.openPath(s.recent()[0])
	default:
		u.showWelcome()
	}
	return u
}

// Window returns the main window.
func (u *App) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (u *App) ShowAndRun() { u.win.ShowAndRun() }

// Quit closes the window as the user would, saving what is pending. It
// may be called from any goroutine.
func (u *App) Quit() { fyne.Do(u.onClose) }

func (u *App) today() model.Date { return u.opts.Today() }

// openPath opens the workspace file at path off the UI goroutine: a file
// another window holds makes the store wait up to its lock timeout.
func (u *App) openPath(path string) {
	u.win.SetContent(container.NewCenter(widget.NewLabel(lang.L("open.busy", map[string]any{"Path": path}))))
	go func() {
		ws, err := u.files.Open(path)
		u.do(func() {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					// A file moved or deleted leaves the recent list.
					u.settings.removeRecent(path)
					u.refreshMenu()
				}
				u.showWelcome()
				showError(fmt.Errorf("%s: %w", filepath.Base(path), err), u.win)
			} else {
				u.setWorkspace(ws)
			}
			if u.opts.opened != nil {
				u.opts.opened(err)
			}
		})
	}()
}

// setWorkspace shows ws, closing what was open before.
func (u *App) setWorkspace(ws Workspace) {
	u.closeWorkspace()
	v, err := newMainView(u, ws)
	if err != nil {
		_ = ws.Close()
		u.showWelcome()
		showError(err, u.win)
		return
	}
	u.view = v
	u.settings.addRecent(ws.Path())
	id := ws.Identity()
	u.win.SetTitle(fmt.Sprintf("Swanilai — %s · %d", strings.TrimSpace(id.Unit+" "+id.Instansi), id.Year))
	content := v.buildUI()
	if u.painted != nil {
		content = container.NewStack(content, paintProbe(u.painted))
	}
	u.win.SetContent(content)
	u.refreshMenu()
	v.show(u.opts.View)
	if v.page != nil && len(u.opts.Attach) > 0 {
		v.page.evidence.attach(u.opts.Attach, nil)
	}
	if len(u.opts.Import) > 0 {
		v.importPaths(u.opts.Import)
	}
	// Only the first workspace starts at the requested view.
	u.opts.View, u.opts.Attach, u.opts.Import = "", nil, nil
}

// closeWorkspace saves what is pending and closes the open workspace.
func (u *App) closeWorkspace() {
	if u.view == nil {
		return
	}
	u.view.close()
	u.view = nil
	u.win.SetTitle("Swanilai")
	u.refreshMenu()
}

func (u *App) onClose() {
	u.closeWorkspace()
	u.win.Close()
}

func (u *App) onDropped(_ fyne.Position, uris []fyne.URI) {
	if u.view == nil {
		dialog.ShowInformation(lang.L("drop.title"), lang.L("drop.no_workspace"), u.win)
		return
	}
	u.view.onDropped(uris)
}

// showWelcome is the page shown while no workspace is open.
func (u *App) showWelcome() {
	u.closeWorkspace()
	title := widget.NewLabelWithStyle(lang.L("welcome.title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabelWithStyle(lang.L("welcome.intro"), fyne.TextAlignCenter, fyne.TextStyle{})
	intro.Wrapping = fyne.TextWrapWord
	newBtn := &widget.Button{Text: lang.L("welcome.new"), Icon: theme.DocumentCreateIcon(), Importance: widget.HighImportance, OnTapped: u.showWizard}
	openBtn := &widget.Button{Text: lang.L("welcome.open"), Icon: theme.FolderOpenIcon(), OnTapped: u.onOpenFile}
	items := []fyne.CanvasObject{title, intro, container.NewGridWithColumns(2, newBtn, openBtn)}
	if recent := u.settings.recent(); len(recent) > 0 {
		items = append(items, widget.NewSeparator(), widget.NewLabelWithStyle(lang.L("welcome.recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, p := range recent {
			items = append(items, &widget.Button{Text: filepath.Base(p) + "  —  " + filepath.Dir(p), Alignment: widget.ButtonAlignLeading, Importance: widget.LowImportance, Icon: theme.FileIcon(), OnTapped: func() { u.openPath(p) }})
		}
	}
	box := container.NewVBox(items...)
	u.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, box.MinSize().Height), box)))
}

func (u *App) onOpenFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			showError(err, u.win)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		u.openPath(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{workspaceExt}))
	if l, err := storage.ListerForURI(storage.NewFileURI(documentsDir())); err == nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// refreshMenu builds the main menu for the current state and language.
func (u *App) refreshMenu() {
	var recent []*fyne.MenuItem
	for _, p := range u.settings.recent() {
		recent = append(recent, fyne.NewMenuItem(filepath.Base(p), func() { u.openPath(p) }))
	}
	recentItem := fyne.NewMenuItem(lang.L("menu.recent"), nil)
	recentItem.ChildMenu = fyne.NewMenu("", recent...)
	recentItem.Disabled = len(recent) == 0
	closeItem := fyne.NewMenuItem(lang.L("menu.close"), u.showWelcome)
	closeItem.Disabled = u.view == nil
	file := fyne.NewMenu(lang.L("menu.file"),
		fyne.NewMenuItem(lang.L("menu.new"), u.showWizard),
		fyne.NewMenuItem(lang.L("menu.open"), u.onOpenFile),
		recentItem,
		fyne.NewMenuItemSeparator(),
		closeItem,
	)

	langItem := fyne.NewMenuItem(lang.L("menu.language"), nil)
	langItem.ChildMenu = fyne.NewMenu("",
		u.choiceItem("Bahasa Indonesia", u.settings.language() == "id", func() { u.setLanguage("id") }),
		u.choiceItem("English", u.settings.language() == "en", func() { u.setLanguage("en") }),
	)
	themeItem := fyne.NewMenuItem(lang.L("menu.theme"), nil)
	themeItem.ChildMenu = fyne.NewMenu("",
		u.choiceItem(lang.L("theme.system"), u.settings.theme() == themeSystem, func() { u.setTheme(themeSystem) }),
		u.choiceItem(lang.L("theme.light"), u.settings.theme() == themeLight, func() { u.setTheme(themeLight) }),
		u.choiceItem(lang.L("theme.dark"), u.settings.theme() == themeDark, func() { u.setTheme(themeDark) }),
	)
	dash := fyne.NewMenuItem(lang.L("menu.dashboard"), func() { u.view.showDashboard() })
	ready := fyne.NewMenuItem(lang.L("menu.readiness"), func() { u.view.showReadiness() })
	officials := fyne.NewMenuItem(lang.L("menu.officials"), func() { u.view.onOfficials() })
	export := fyne.NewMenuItem(lang.L("menu.export"), func() { u.view.onExport() })
	export.Disabled = u.view == nil || u.view.ws.Identity().Role != model.RoleOPD
	printItem := fyne.NewMenuItem(lang.L("menu.print"), func() { u.view.onPrint() })
	for _, it := range []*fyne.MenuItem{dash, ready, officials, printItem} {
		it.Disabled = u.view == nil
	}
	importItem := fyne.NewMenuItem(lang.L("menu.import"), func() {
		if u.view.coordination() != nil {
			u.view.showImport()
		} else {
			u.view.onImportOPD()
		}
	})
	canImport := false
	if u.view != nil {
		_, canImport = u.view.ws.(Importer)
	}
	importItem.Disabled = !canImport
	file.Items = append(file.Items[:len(file.Items)-1], importItem, printItem, export, officials, fyne.NewMenuItemSeparator(), closeItem)
	view := fyne.NewMenu(lang.L("menu.view"), dash, ready, fyne.NewMenuItemSeparator(), langItem, themeItem,
		fyne.NewMenuItem(lang.L("menu.user"), u.showUserName))
	help := fyne.NewMenu(lang.L("menu.help"), fyne.NewMenuItem(lang.L("menu.about"), u.showAbout))
	u.win.SetMainMenu(fyne.NewMainMenu(file, view, help))
}

func (u *App) choiceItem(label string, checked bool, f func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, f)
	it.Checked = checked
	return it
}

// setLanguage switches the window's language and rebuilds what it shows.
func (u *App) setLanguage(code string) {
	if err := setLanguage(code); err != nil {
		showError(err, u.win)
		return
	}
	u.settings.setLanguage(code)
	u.rebuild()
}

func (u *App) setTheme(name string) {
	u.settings.setTheme(name)
	applyTheme(u.app, name)
	u.refreshMenu()
}

// rebuild builds the content again, e.g. in another language, keeping
// the indicator that was shown.
func (u *App) rebuild() {
	u.refreshMenu()
	if u.view == nil {
		u.showWelcome()
		return
	}
	where := u.view.where()
	u.view.flush()
	u.win.SetContent(u.view.buildUI())
	u.view.show(where)
}

func (u *App) showUserName() {
	e := widget.NewEntry()
	e.SetText(u.settings.userName())
	dialog.ShowForm(lang.L("user.title"), lang.L("button.save"), lang.L("button.cancel"),
		[]*widget.FormItem{{Text: lang.L("user.name"), Widget: e, HintText: lang.L("user.hint")}},
		func(ok bool) {
			if ok {
				u.settings.setUserName(e.Text)
			}
		}, u.win)
}

func (u *App) showAbout() {
	var packs []string
	for _, p := range model.BuiltinPacks() {
		packs = append(packs, "• "+p.Label()+" ("+p.ID+")")
	}
	dialog.ShowInformation(lang.L("menu.about"), lang.L("about.text", map[string]any{"Version": Version})+"\n\n"+strings.Join(packs, "\n"), u.win)
}

// Version is the app version shown in the About dialog; main sets it.
var Version = "dev"

// atoi parses a whole number typed by a person, 0 when it is not one.
func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// WhenPainted calls f, on a goroutine of its own, once the window has
// painted an open workspace for the first time: how long a start really
// takes, as a person sees it. It must be called before ShowAndRun.
func (u *App) WhenPainted(f func()) {
	var once sync.Once
	u.painted = func() { once.Do(func() { go f() }) }
}

// paintProbe is an invisible 1×1 raster: the painter asks for its pixels
// while it draws a frame that shows it, which is the moment WhenPainted
// waits for.
func paintProbe(painted func()) fyne.CanvasObject {
	r := canvas.NewRasterWithPixels(func(_, _, _, _ int) color.Color {
		painted()
		return color.Transparent
	})
	r.SetMinSize(fyne.NewSize(1, 1))
	return container.NewWithoutLayout(r)
}
