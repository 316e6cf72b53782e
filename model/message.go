package model

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/swanilai/swanilai/assets"
)

// Lang is a language of the catalogue: Indonesian, the default, or English.
type Lang string

// The languages of the catalogue.
const (
	ID Lang = "id"
	EN Lang = "en"
)

// The catalogue is the one place where Swanilai's sentences live, in
// Indonesian and English: assets/translations/id.json and en.json, the
// same files the window reads its labels from. Errors and readiness
// findings name a key of it and carry their values; the command line, the
// window and the PDFs each turn them into text in their language here.
// Values are written into a sentence with text/template: "tahap
// {{.Stage}} dua kali".
var catalogue struct {
	once  sync.Once
	texts map[Lang]map[string]*template.Template
	err   error
}

// loadCatalogue parses both languages once.
func loadCatalogue() {
	catalogue.texts = map[Lang]map[string]*template.Template{}
	for _, l := range []Lang{ID, EN} {
		var raw map[string]string
		if err := json.Unmarshal(assets.Translation(string(l)), &raw); err != nil {
			catalogue.err = fmt.Errorf("model: catalogue %s: %w", l, err)
			return
		}
		texts := make(map[string]*template.Template, len(raw))
		for k, v := range raw {
			t, err := template.New(k).Option("missingkey=error").Parse(v)
			if err != nil {
				catalogue.err = fmt.Errorf("model: catalogue %s: %s: %w", l, k, err)
				return
			}
			texts[k] = t
		}
		catalogue.texts[l] = texts
	}
}

// HasText reports whether the catalogue has key in language l.
func HasText(l Lang, key string) bool {
	catalogue.once.Do(loadCatalogue)
	_, ok := catalogue.texts[l][key]
	return ok
}

// Text returns the sentence of key in language l with the values args
// (nil when it names none). A key the catalogue lacks comes back as
// itself, so that a missing sentence shows, and a test finds it.
func Text(l Lang, key string, args map[string]any) string {
	catalogue.once.Do(loadCatalogue)
	if catalogue.err != nil {
		return key
	}
	t, ok := catalogue.texts[l][key]
	if !ok {
		if t, ok = catalogue.texts[ID][key]; !ok {
			return key
		}
	}
	var b strings.Builder
	if err := t.Execute(&b, args); err != nil {
		return key
	}
	return b.String()
}

// Bilingual returns the sentence of key as the command line prints it:
// Indonesian, then English, "bukan tanggal / not a date".
func Bilingual(key string, args map[string]any) string {
	return Text(ID, key, args) + " / " + Text(EN, key, args)
}

// Sentence makes s a sentence: a capital first, a full stop last.
func Sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// Code is an error of the catalogue that carries no values: a sentinel,
// compared with errors.Is. Its key names its short text, which the
// command line prints in both languages; key + ".help", where the
// catalogue has it, is the plain sentence the window shows instead.
type Code struct {
	key string
}

// codes lists every Code made, for the test that each has its text.
var codes struct {
	sync.Mutex
	list []*Code
}

// NewCode returns the error of catalogue key key. Package-level sentinels
// call it once each.
func NewCode(key string) *Code {
	c := &Code{key: key}
	codes.Lock()
	codes.list = append(codes.list, c)
	codes.Unlock()
	return c
}

// Codes returns every Code made so far, for tests.
func Codes() []*Code {
	codes.Lock()
	defer codes.Unlock()
	return append([]*Code(nil), codes.list...)
}

// Key returns the code's catalogue key.
func (c *Code) Key() string { return c.key }

// Error returns the code's short text in both languages.
func (c *Code) Error() string { return Bilingual(c.key, nil) }

// In returns the code's text in language l as one plain sentence: its
// help sentence where the catalogue has one, else its short text.
func (c *Code) In(l Lang) string {
	if HasText(l, c.key+".help") {
		return Text(l, c.key+".help", nil)
	}
	return Sentence(Text(l, c.key, nil))
}

// Error is an error of the catalogue with values: what went wrong (Code,
// for errors.Is), a detail sentence of the catalogue with its values
// (Key and Args; Key may be empty), and the error that caused it (Err,
// may be nil).
type Error struct {
	Code *Code
	Key  string
	Args map[string]any
	Err  error
}

// Errorf returns the error code with the detail sentence key and its
// values, given as name, value pairs: Errorf(ErrTimeline,
// "err.timeline.twice", "Stage", s).
func Errorf(code *Code, key string, pairs ...any) error {
	return &Error{Code: code, Key: key, Args: argMap(pairs)}
}

// Wrapf is Errorf with a cause, which errors.Is and errors.As find too.
func Wrapf(cause error, code *Code, key string, pairs ...any) error {
	return &Error{Code: code, Key: key, Args: argMap(pairs), Err: cause}
}

func argMap(pairs []any) map[string]any {
	if len(pairs) == 0 {
		return nil
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	return m
}

// Error returns the code's short text, the detail and the cause, as the
// command line prints them: both languages, one line.
func (e *Error) Error() string {
	s := e.Code.Error()
	if e.Key != "" {
		s += ": " + Bilingual(e.Key, e.Args)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is the error's code.
func (e *Error) Is(target error) bool { return target == e.Code }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// In returns the error in language l as the window shows it: the code's
// sentence; the detail, which is for the command line and the technical
// details, is left out.
func (e *Error) In(l Lang) string { return e.Code.In(l) }

// Detail returns the detail sentence in language l, or "".
func (e *Error) Detail(l Lang) string {
	if e.Key == "" {
		return ""
	}
	return Text(l, e.Key, e.Args)
}

// Say returns err in language l as one plain sentence for people: the
// sentence of its code (CodeOf), or err's own text when it has none.
func Say(err error, l Lang) string {
	if err == nil {
		return ""
	}
	if c := CodeOf(err); c != nil {
		return c.In(l)
	}
	return err.Error()
}

// CodeOf returns the code of err: the first Code in its chain, or the
// code of the first Error, depth first as errors.As looks; else the code
// that a typed error of its chain stands for (errors.Is, as *ReplayError
// stands for ErrReplay); nil when it has none.
func CodeOf(err error) *Code {
	var found *Code
	walk(err, func(e error) bool {
		switch v := e.(type) {
		case *Code:
			found = v
		case *Error:
			found = v.Code
		}
		return found != nil
	})
	if found != nil {
		return found
	}
	for _, c := range Codes() {
		if errors.Is(err, c) {
			return c
		}
	}
	return nil
}

// walk calls f on err and the errors it wraps, depth first, until f
// returns true; it reports whether f did.
func walk(err error, f func(error) bool) bool {
	for err != nil {
		if f(err) {
			return true
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if walk(e, f) {
					return true
				}
			}
			return false
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		default:
			return false
		}
	}
	return false
}

// Context is an error that says where another happened, in the words of
// the catalogue: "bukti dukung / evidence 0af0d3cf2b9f: …". It has no code
// of its own: errors.Is and Say look through it to the error it wraps.
type Context struct {
	Key  string
	Args map[string]any
	Err  error
}

// Within returns err in the place that the catalogue's sentence key and
// its values (name, value pairs) name: Within(err, "err.ctx.evidence",
// "SHA", sha).
func Within(err error, key string, pairs ...any) error {
	return &Context{Key: key, Args: argMap(pairs), Err: err}
}

// Error returns the place and the error, as the command line prints them.
func (c *Context) Error() string {
	if c.Err == nil {
		return Bilingual(c.Key, c.Args)
	}
	return Bilingual(c.Key, c.Args) + ": " + c.Err.Error()
}

// Unwrap returns the error.
func (c *Context) Unwrap() error { return c.Err }

// Detailf returns an error of the catalogue with values but without a
// code of its own, for the detail of another error that wraps it with
// %v or Wrapf: Detailf("err.detail.revision", "Revision", 3).
func Detailf(key string, pairs ...any) error {
	return &Context{Key: key, Args: argMap(pairs)}
}
