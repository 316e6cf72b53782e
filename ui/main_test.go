package ui

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	// A well-formed locale keeps Fyne from logging about "C" on every
	// translation load; the window speaks Indonesian whatever it is.
	os.Setenv("LANG", "en_US.UTF-8")
	os.Setenv("LANGUAGE", "")
	os.Exit(m.Run())
}
