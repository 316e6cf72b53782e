package main

import (
	"context"

	"fyne.io/fyne/v2/app"
	_ "github.com/swanilai/swanilai/ui"
)

// openWindow is what `swanilai` does without a sub-command.
func openWindow(ctx context.Context, std stdio, _ []string) error {
	_ = app.NewWithID
	return runHelp(ctx, std, nil)
}
