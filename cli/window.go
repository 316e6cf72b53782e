package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/swanilai/swanilai/model"
)

// WindowOptions are the choices of `swanilai` without a sub-command, as
// the command line read them; the window's starter in package main turns
// them into the window.
type WindowOptions struct {
	// Path is the workspace to open (absolute), or "" for the last one used.
	Path string
	// View names what to show first: dashboard, readiness, wizard, opds,
	// import, review:CODE or indicator:N.
	View string
	// Language is "", "id" or "en"; Theme "", "system", "light" or "dark".
	Language, Theme string
	// Attach names files to attach to the indicator of View, for scripts;
	// Import names bundles (files or folders) to import once the workspace
	// is open.
	Attach, Import []string
	// Today returns the date deadlines and readiness are judged on; nil
	// means today.
	Today func() model.Date
	// StartupTime prints the time to the first painted frame to Out, then
	// quits.
	StartupTime bool
	// Out is where the window prints, for StartupTime.
	Out io.Writer
}

// Window opens the window; package main gives it, since only the window's
// starter may import the toolkit's driver. It returns when the window
// closes.
type Window func(o WindowOptions) error

// windowCommand describes `swanilai` without a sub-command, for its -h.
var windowCommand = &command{
	name:    "",
	args:    "[-w BERKAS] [--view dashboard|readiness|wizard|opds|import|review:KODE|indicator:N] [--import BUNDEL] [--today TTTT-BB-HH] [--lang id|en] [--theme system|light|dark]",
	summary: "buka jendela / open the window",
}

// errNoWindow reports a start of the window from a build without one.
var errNoWindow = model.NewCode("err.cli.no_window")

// openWindow is what `swanilai` does without a sub-command: the window, on
// the workspace of -w, else the last one used.
func openWindow(_ context.Context, std stdio, args []string) error {
	fs := newFlags(windowCommand, std)
	o := WindowOptions{Out: std.out}
	fs.StringVar(&o.Path, "w", "", "berkas kerja yang dibuka / the workspace to open")
	fs.StringVar(&o.View, "view", "", "yang ditampilkan lebih dulu / what to show first: dashboard, readiness, wizard, opds, import, review:KODE, indicator:N")
	fs.BoolVar(&o.StartupTime, "startup-time", false, "cetak waktu sampai jendela tergambar lalu keluar / print the time to the first painted frame, then quit")
	fs.StringVar(&o.Language, "lang", "", "bahasa jendela / the window's language: id, en")
	fs.StringVar(&o.Theme, "theme", "", "tema / theme: system, light, dark")
	todayFlag := fs.String("today", "", "tanggal untuk batas waktu dan kesiapan (TTTT-BB-HH); bawaan hari ini / the date deadlines and readiness are judged on; default today")
	var attach, imports multiFlag
	fs.Var(&attach, "attach", "lampirkan berkas ke indikator --view indicator:N, untuk skrip / attach a file to the indicator of --view, for scripts")
	fs.Var(&imports, "import", "impor bundel (berkas atau folder) setelah berkas kerja terbuka / import a bundle (file or folder) once the workspace is open")
	pos, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("perintah tidak dikenal / unknown command %q; lihat / see: swanilai help", pos[0])
	}
	o.Attach, o.Import = attach, imports
	if o.Path != "" {
		if o.Path, err = filepath.Abs(o.Path); err != nil {
			return err
		}
	}
	if *todayFlag != "" {
		d, err := model.ParseDate(*todayFlag)
		if err != nil {
			return usagef("--today: %v", err)
		}
		o.Today = func() model.Date { return d }
	}
	switch o.Language {
	case "", "id", "en":
	default:
		return usagef("--lang %q: pilih id atau en / choose id or en", o.Language)
	}
	switch o.Theme {
	case "", "system", "light", "dark":
	default:
		return usagef("--theme %q: pilih system, light atau dark / choose system, light or dark", o.Theme)
	}
	if err := haveDisplay(); err != nil {
		return err
	}
	if std.window == nil {
		return errNoWindow
	}
	return std.window(o)
}

// errNoDisplay reports a start of the window where there is no screen.
var errNoDisplay = model.NewCode("err.cli.no_display")

// haveDisplay checks, on X11 and Wayland systems, that there is a display
// to open the window on, so that a start over SSH gets a plain sentence
// rather than the toolkit's failure.
func haveDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return nil
	}
	if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return errNoDisplay
	}
	return nil
}
