// Command swanilai is the SPBE self-assessment (penilaian mandiri) app: with
// no sub-command it opens the window, with one it runs that command, for
// scripts and batch work. See `swanilai help`. The commands live in package
// cli; this package only joins them to the window (window.go).
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/swanilai/swanilai/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], openWindow)
	stop()
	os.Exit(code)
}
