package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// stdio is where a command reads and writes; tests pass buffers.
type stdio struct {
	in  io.Reader
	out io.Writer
	err io.Writer
}

// command is one sub-command of the swanilai binary.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string // one line, Indonesian / English
	// run parses its own flags from args.
	run func(ctx context.Context, io stdio, args []string) error
}

// commands lists every sub-command; help prints them in this order.
var commands []*command

func register(c *command) { commands = append(commands, c) }

func findCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// errUsage marks a command line the command cannot make sense of. Its
// message already says what is wrong.
var errUsage = errors.New("usage")

// usageError is a command-line mistake; the message says what and how.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }
func (e *usageError) Is(target error) bool {
	return target == errUsage
}

func usagef(format string, a ...any) error {
	return &usageError{msg: fmt.Sprintf(format, a...)}
}

// run executes one command line and returns the process exit code: 0 on
// success, 1 on any error, which is printed as one line on stderr.
func run(ctx context.Context, args []string, io stdio) (code int) {
	defer func() {
		// A defect must not reach the user as a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintf(io.err, "swanilai: kesalahan internal / internal error: %v\n", r)
			code = 2
		}
	}()
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help") {
		return finish(io, openWindow(ctx, io, args))
	}
	name := args[0]
	switch name {
	case "-h", "--help":
		name = "help"
	}
	c := findCommand(name)
	if c == nil {
		fmt.Fprintf(io.err, "swanilai: perintah tidak dikenal / unknown command %q; lihat / see: swanilai help\n", name)
		return 1
	}
	return finish(io, c.run(ctx, io, args[1:]))
}

func finish(io stdio, err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errSilent):
		return 1
	}
	fmt.Fprintf(io.err, "swanilai: %s\n", oneLine(err.Error()))
	return 1
}

// errSilent ends a command with exit code 1 after it has reported
// everything itself (check, verify).
var errSilent = errors.New("reported")

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// newFlags returns a flag set whose usage prints the command's synopsis
// and flags to io.err.
func newFlags(c *command, io stdio) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.err)
	fs.Usage = func() {
		fmt.Fprintf(io.err, "Pemakaian / usage: swanilai %s %s\n  %s\n", c.name, c.args, c.summary)
		var n int
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(io.err, "\nOpsi / options:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseArgs parses flags anywhere among the positional arguments, so that
// `swanilai set -w F 12 3 --fakta T` works as people type it. A lone "-"
// and everything after "--" are positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// wantArgs checks the number of positional arguments.
func wantArgs(c *command, pos []string, min, max int) error {
	if len(pos) < min || (max >= 0 && len(pos) > max) {
		return usagef("pemakaian / usage: swanilai %s %s", c.name, c.args)
	}
	return nil
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// openInput opens a file name, or stdin for "-".
func openInput(io stdio, name string) (io.ReadCloser, error) {
	if name == "-" {
		return readNopCloser{io.in}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err)
	}
	return f, nil
}

type readNopCloser struct{ io.Reader }

func (readNopCloser) Close() error { return nil }

// fileError words an os error as one plain line that names the file.
func fileError(name string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: berkas tidak ada / file does not exist", name)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("%s: tidak boleh dibaca / permission denied", name)
	}
	return fmt.Errorf("%s: %w", name, err)
}

func init() {
	register(&command{
		name:    "help",
		args:    "[PERINTAH]",
		summary: "bantuan / show help",
		run:     runHelp,
	})
	register(&command{
		name:    "version",
		args:    "",
		summary: "versi / print the version",
		run: func(_ context.Context, io stdio, args []string) error {
			c := findCommand("version")
			fs := newFlags(c, io)
			pos, err := parseArgs(fs, args)
			if err != nil {
				return err
			}
			if err := wantArgs(c, pos, 0, 0); err != nil {
				return err
			}
			fmt.Fprintf(io.out, "swanilai %s\n", version)
			return nil
		},
	})
}

func runHelp(_ context.Context, io stdio, args []string) error {
	if len(args) > 0 {
		c := findCommand(args[0])
		if c == nil {
			return usagef("perintah tidak dikenal / unknown command %q", args[0])
		}
		newFlags(c, io).Usage()
		return nil
	}
	fmt.Fprintf(io.out, `swanilai %s — penilaian mandiri SPBE / SPBE self-assessment

Pemakaian / usage:
  swanilai [-w BERKAS]          buka jendela / open the window
  swanilai PERINTAH [opsi]      jalankan perintah / run a command

Perintah / commands:
`, version)
	for _, c := range commands {
		fmt.Fprintf(io.out, "  %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(io.out, "\n`swanilai PERINTAH -h` menjelaskan satu perintah / explains one command.")
	return nil
}
