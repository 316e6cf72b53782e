package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
)

// stdio is where a command reads and writes, and how it opens the
// window; tests pass buffers, and no window.
type stdio struct {
	in     io.Reader
	out    io.Writer
	err    io.Writer
	window Window
}

// Run executes the command line args with the process's standard streams
// and returns the process exit code: 0 on success, 1 on any error, which
// is printed as one line on stderr, 2 on a defect. Without a sub-command
// it opens the window through window.
func Run(ctx context.Context, args []string, window Window) int {
	return run(ctx, args, stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr, window: window})
}

// command is one sub-command of the swanilai binary.
type command struct {
	name    string
	args    string // the synopsis after the name
	summary string // one line, Indonesian / English
	// run parses its own flags from args.
	run func(ctx context.Context, std stdio, args []string) error
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

// run executes one command line, as Run does.
func run(ctx context.Context, args []string, std stdio) (code int) {
	defer func() {
		// A defect must not reach the user as a stack trace.
		if r := recover(); r != nil {
			fmt.Fprintf(std.err, "swanilai: kesalahan internal / internal error: %v\n", r)
			code = 2
		}
	}()
	if len(args) == 1 {
		args = fileArgs(args[0], args)
	}
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help") {
		return finish(std, openWindow(ctx, std, args))
	}
	name := args[0]
	switch name {
	case "-h", "--help":
		name = "help"
	}
	c := findCommand(name)
	if c == nil {
		fmt.Fprintf(std.err, "swanilai: perintah tidak dikenal / unknown command %q; lihat / see: swanilai help\n", name)
		return 1
	}
	return finish(std, c.run(ctx, std, args[1:]))
}

// fileArgs turns a lone file argument into the window's flags, as the
// desktop passes a file that was double-clicked: a workspace opens with
// -w, a bundle with --import. Anything else comes back as args.
func fileArgs(name string, args []string) []string {
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() {
		return args
	}
	switch {
	case strings.EqualFold(filepath.Ext(name), ".swanilai"):
		return []string{"-w", name}
	case roundtrip.IsBundleName(name):
		return []string{"--import", name}
	}
	return args
}

func finish(std stdio, err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errSilent):
		return 1
	}
	fmt.Fprintf(std.err, "swanilai: %s\n", oneLine(err.Error()))
	return 1
}

// errSilent ends a command with exit code 1 after it has reported
// everything itself (check, verify).
var errSilent = errors.New("reported")

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// flagSet is a command's flag set. Parse errors come back as one-line
// usage errors; the full usage is printed only when asked for with -h.
type flagSet struct {
	*flag.FlagSet
	c   *command
	std stdio
}

// newFlags returns the flag set of command c.
func newFlags(c *command, std stdio) *flagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flagSet{FlagSet: fs, c: c, std: std}
}

// usage prints the command's synopsis and flags to stderr.
func (fs *flagSet) usage() {
	w := fs.std.err
	fmt.Fprintf(w, "Pemakaian / usage: swanilai %s %s\n  %s\n", fs.c.name, fs.c.args, fs.c.summary)
	var n int
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintln(w, "\nOpsi / options:")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// parse parses flags anywhere among the positional arguments, so that
// `swanilai set -w F 12 3 --fakta T` works as people type it. A lone "-"
// and everything after "--" are positional.
func (fs *flagSet) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.usage()
				return nil, err
			}
			return nil, usagef("%s: %v (lihat / see: swanilai %s -h)", fs.c.name, err, fs.c.name)
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
func openInput(std stdio, name string) (io.ReadCloser, error) {
	if name == "-" {
		return readNopCloser{std.in}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, model.NewFileError(name, err)
	}
	return f, nil
}

type readNopCloser struct{ io.Reader }

func (readNopCloser) Close() error { return nil }

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
		run: func(_ context.Context, std stdio, args []string) error {
			c := findCommand("version")
			pos, err := newFlags(c, std).parse(args)
			if err != nil {
				return err
			}
			if err := wantArgs(c, pos, 0, 0); err != nil {
				return err
			}
			fmt.Fprintf(std.out, "swanilai %s\n", assets.Version)
			return nil
		},
	})
}

func runHelp(_ context.Context, std stdio, args []string) error {
	pos, err := newFlags(findCommand("help"), std).parse(args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		c := findCommand(pos[0])
		if c == nil {
			return usagef("perintah tidak dikenal / unknown command %q", pos[0])
		}
		newFlags(c, std).usage()
		return nil
	}
	fmt.Fprintf(std.out, `swanilai %s — penilaian mandiri SPBE / SPBE self-assessment

Pemakaian / usage:
  swanilai [-w BERKAS]          buka jendela / open the window
  swanilai PERINTAH [opsi]      jalankan perintah / run a command

Perintah / commands:
`, assets.Version)
	for _, c := range commands {
		fmt.Fprintf(std.out, "  %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprintln(std.out, "\n`swanilai PERINTAH -h` menjelaskan satu perintah / explains one command.")
	return nil
}
