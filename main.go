// Command swanilai is the SPBE self-assessment (penilaian mandiri) app: with
// no sub-command it opens the window, with one it runs that command, for
// scripts and batch work. See `swanilai help`.
package main

import (
	"context"
	"os"
	"os/signal"
)

// version is the app version; FyneApp.toml carries the same number.
const version = "0.1.0"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr})
	stop()
	os.Exit(code)
}
