// Package ui is the Swanilai window, and the only importer of Fyne.
//
// The window works over a workspace through the small Workspace interface
// declared here, in model terms only; main adapts the store to it, and the
// tests use an in-memory fake. Work that can take long (attaching a large
// evidence file) runs in a goroutine with progress and a Cancel button;
// widgets are touched only on the UI goroutine, through fyne.Do (App.do).
//
// Every user-facing string goes through Fyne's lang package; the
// translations are assets/translations/id.json (the default) and en.json.
package ui

import _ "github.com/swanilai/swanilai/ui/localefix" // before Fyne reads the locale
