package main

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/cli"
	"github.com/swanilai/swanilai/ui"
)

// appID identifies the app to the desktop and keeps its preferences.
const appID = "io.github.swanilai.swanilai"

// started is when the process started, for --startup-time.
var started = time.Now()

// openWindow starts the window with the options the command line read.
// It is the only code that needs the toolkit's driver (cgo and the GL
// headers), which is why it is not in package cli.
func openWindow(o cli.WindowOptions) error {
	ui.Version = assets.Version
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("swanilai.png", assets.Icon()))
	u := ui.New(a, ui.StoreFiles{}, ui.Options{Path: o.Path, View: o.View, Language: o.Language, Theme: o.Theme, Attach: o.Attach, Import: o.Import, Today: o.Today})
	if o.StartupTime {
		u.WhenPainted(func() {
			fmt.Fprintf(o.Out, "jendela tergambar / first frame painted: %d ms\n", time.Since(started).Milliseconds())
			u.Quit()
		})
	}
	u.ShowAndRun()
	return nil
}
