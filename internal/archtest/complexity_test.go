package archtest

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// maxComplexity is the highest cyclomatic complexity a function of the
// app may have, counted as gocyclo counts: one, plus one for each if, for,
// range, case (but default), select case and && or ||. Tests are not held
// to it: their tables and steps read best as they are.
const maxComplexity = 25

// complexity returns the cyclomatic complexity of a function body.
func complexity(fn ast.Node) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}

// funcName names a function as gocyclo does: (Receiver).Name.
func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, "*"
	}
	if g, ok := t.(*ast.IndexExpr); ok {
		t = g.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return "(" + star + id.Name + ")." + d.Name.Name
	}
	return d.Name.Name
}

// TestComplexity fails for every function of the app whose cyclomatic
// complexity is above maxComplexity.
func TestComplexity(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	var over []string
	seen := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "build" || d.Name() == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			seen++
			if c := complexity(fn); c > maxComplexity {
				rel, _ := filepath.Rel(root, path)
				over = append(over, fmt.Sprintf("%3d %s %s:%d", c, funcName(fn), filepath.ToSlash(rel), fset.Position(fn.Pos()).Line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 500 {
		t.Fatalf("only %d functions found: is the walk looking at the project?", seen)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(over)))
	for _, o := range over {
		t.Errorf("cyclomatic complexity above %d: %s", maxComplexity, o)
	}
}

// TestComplexityCounts checks the counter against small functions whose
// complexity gocyclo gives.
func TestComplexityCounts(t *testing.T) {
	src := `package p
func a() {}
func b(x int) int { if x > 0 && x < 9 || x == 12 { return 1 }; for i := 0; i < x; i++ {}; return 0 }
func c(x int) { switch x { case 1, 2: case 3: default: } }
func d(ch chan int) { select { case <-ch: default: }; for range ch {}; f := func() { if true {} }; f() }
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"a": 1, "b": 5, "c": 3, "d": 4}
	for _, decl := range f.Decls {
		fn := decl.(*ast.FuncDecl)
		if got := complexity(fn); got != want[fn.Name.Name] {
			t.Errorf("%s: %d, want %d", fn.Name.Name, got, want[fn.Name.Name])
		}
	}
}
