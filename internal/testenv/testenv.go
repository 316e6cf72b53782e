// Package testenv lets a test say what it needs from the machine: a tool
// such as pdftotext or minisign, root, or the project's shared sources.
// Where it is missing, the test is skipped on a developer's machine and
// fails under CI=true, so that a green CI run means that every test ran.
// scripts/dev.sh test installs the tools.
package testenv

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where nothing may be
// skipped for want of a tool.
func InCI() bool { return os.Getenv("CI") == "true" }

// WinePass is the variable scripts/dev.sh sets when it runs the tests a
// second time, as Windows programs under Wine. The Linux tools that some
// tests read their results back with (pdftotext, minisign) cannot run
// there; those tests ran in the Linux pass of the same run, so this pass
// skips them even in CI.
const WinePass = "SWANILAI_WINE_PASS"

// Missing ends the test t for want of something it needs: it fails under
// CI=true and is skipped elsewhere. why names what is missing and how to
// get it.
func Missing(t testing.TB, why string) {
	t.Helper()
	if InCI() && os.Getenv(WinePass) == "" {
		t.Fatalf("%s (CI=true: a missing tool fails the test)", why)
	}
	t.Skip(why)
}

// NeedTool ends the test, as Missing does, when the program name is not on
// the PATH; pkg names the Debian package that has it.
func NeedTool(t testing.TB, name, pkg string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		Missing(t, name+" ("+pkg+") is not installed; scripts/dev.sh test installs it")
	}
}
