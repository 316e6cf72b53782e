// Package cli is Swanilai's command line: `swanilai VERB [flags]`, one
// file per verb (cmd_*.go), for people at a terminal and for scripts.
// Each command prints what it did in Indonesian and English, returns an
// exit code (0 done, 1 refused or failed, 2 a defect) and never a stack
// trace. Without a verb, Run reads the window's flags and hands them to
// the Window that package main gives it, so that this package imports no
// toolkit and builds and tests without cgo. The exchange with the
// coordinator is package roundtrip's; cli only reads flags and prints.
package cli
