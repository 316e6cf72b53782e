// Package localefix keeps Fyne quiet about the "C.UTF-8" locale that
// minimal Linux systems, containers and CI machines run with.
//
// Fyne reads the user's language from LC_ALL, LC_MESSAGES and LANG when
// its lang package is initialised, and logs "Error parsing user locale C"
// for "C.UTF-8", once per translation file: noise on the stderr of every
// command of the binary, which must print one line on an error and
// nothing else. "C.<codeset>" means no language preference, as "C" does;
// this package says so in LANGUAGE, which Fyne's locale detection reads
// next, before Fyne's lang package is initialised: Go initialises ready
// packages in import path order, and this path sorts before the
// golang.org/x/text packages Fyne's lang package waits for.
package localefix

import (
	"os"
	"strings"
)

func init() {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if (strings.HasPrefix(v, "C.") || strings.HasPrefix(v, "POSIX.")) && os.Getenv("LANGUAGE") == "" {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
