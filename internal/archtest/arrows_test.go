package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// module is the project's import path.
const module = "github.com/swanilai/swanilai"

// allowed lists, for each package of the project (by its folder), the
// project packages it may import. The arrows point down only:
//
//	main ─┬─ cli ─┬─ internal/demo ─┐
//	      └─ ui ──┴─────────────────┴→ roundtrip → store, report, report/bundle → model → assets
//
// A folder missing here is a new package: add it on purpose.
var allowed = map[string][]string{
	".":                       {"cli", "ui", "assets", "model"},
	"cli":                     {"roundtrip", "internal/demo", "internal/platform", "store", "report", "report/bundle", "model", "assets"},
	"ui":                      {"roundtrip", "internal/platform", "store", "report", "report/bundle", "model", "assets", "ui/localefix"},
	"ui/localefix":            {},
	"internal/demo":           {"roundtrip", "store", "report", "model"},
	"roundtrip":               {"internal/platform", "store", "report", "report/bundle", "model", "assets"},
	"store":                   {"model", "assets", "store/migration2", "store/migration3", "store/migration4", "store/migration5"},
	"store/migration2":        {},
	"store/migration3":        {},
	"store/migration4":        {},
	"store/migration5":        {},
	"report":                  {"model", "assets"},
	"report/bundle":           {"model", "assets"},
	"report/internal/sample":  {"report", "model"},
	"report/internal/preview": {"report", "report/internal/sample"},
	"model":                   {"assets"},
	"assets":                  {},
	"tools/packgen":           {"model"},
	"tools/appicon":           {},
	"internal/testenv":        {},
	"internal/platform":       {},
	"internal/archtest":       {},
}

// testOnly are project packages any test may import besides the arrows.
var testOnly = []string{"internal/testenv"}

// testExtra are project packages the external tests (package x_test) of
// one package may import besides its arrows: fixtures built on top of it.
var testExtra = map[string][]string{
	"report": {"report/internal/sample"},
}

// owners lists the outside libraries that only some packages may import,
// with why.
var owners = []struct {
	prefix string
	may    []string
	why    string
}{
	{"fyne.io/", []string{"ui", "ui/localefix", "."}, "the toolkit stays in the window, so that everything else builds and tests without cgo"},
	{"go.etcd.io/bbolt", []string{"store", "store/migration2", "store/migration3", "store/migration4", "store/migration5"}, "the workspace file has one owner"},
	{"github.com/jung-kurt/gofpdf", []string{"report"}, "the PDFs are written in one place"},
	{"github.com/xuri/excelize", []string{"report"}, "the spreadsheets are written in one place"},
	{"aead.dev/minisign", []string{"report/bundle"}, "signatures are made and checked in one place"},
}

// imports returns, for each folder of the project holding Go files, the
// import paths its files name: all files, whatever their build tags, with
// test files apart.
func imports(t *testing.T) (code, tests map[string][]string) {
	t.Helper()
	root := filepath.Join("..", "..")
	code, tests = map[string][]string{}, map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "build" || name == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		into := code
		if strings.HasSuffix(path, "_test.go") {
			into = tests
		}
		for _, s := range f.Imports {
			p, _ := strconv.Unquote(s.Path.Value)
			into[rel] = append(into[rel], p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return code, tests
}

// TestArrows fails when a package imports across the arrows of
// DESIGN.md.
func TestArrows(t *testing.T) {
	code, tests := imports(t)
	check := func(pkg string, list []string, test bool) {
		may, known := allowed[pkg]
		if !known {
			t.Errorf("%s: a package the arrows do not know; add it to allowed in %s", pkg, "internal/archtest/arrows_test.go")
			return
		}
		for _, imp := range list {
			if rel, ok := strings.CutPrefix(imp, module+"/"); ok {
				switch {
				case slices.Contains(may, rel), test && (slices.Contains(testOnly, rel) || slices.Contains(testExtra[pkg], rel) || rel == pkg):
				default:
					t.Errorf("%s imports %s: not allowed by the arrows (may import %v)", pkg, rel, may)
				}
				continue
			}
			for _, o := range owners {
				if strings.HasPrefix(imp, o.prefix) && !slices.Contains(o.may, pkg) {
					t.Errorf("%s imports %s: only %v may, since %s", pkg, imp, o.may, o.why)
				}
			}
		}
	}
	for pkg, list := range code {
		check(pkg, list, false)
	}
	for pkg, list := range tests {
		check(pkg, list, true)
	}
}

// TestArrowsSeeEveryPackage guards the test itself: it must find the
// packages it judges.
func TestArrowsSeeEveryPackage(t *testing.T) {
	code, _ := imports(t)
	for _, pkg := range []string{".", "cli", "ui", "roundtrip", "store", "report/bundle", "model"} {
		if len(code[pkg]) == 0 {
			t.Errorf("no imports found for %s", pkg)
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "go.mod")); err != nil {
		t.Fatal(err)
	}
}
