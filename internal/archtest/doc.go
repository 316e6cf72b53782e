// Package archtest holds the tests that keep the house in order: the
// import arrows of DESIGN.md (arrows_test.go) and the cyclomatic
// complexity of every function (complexity_test.go). It has no code of its
// own; `go test ./...` runs it with everything else.
package archtest
