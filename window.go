package main

import "context"

// openWindow is what `swanilai` does without a sub-command. The window
// arrives with the ui package; until then the binary explains itself.
func openWindow(ctx context.Context, std stdio, _ []string) error {
	return runHelp(ctx, std, nil)
}
