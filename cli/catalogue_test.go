package cli

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// TestCatalogueHasEveryCode checks, over every package the command line
// links (so every package with errors), that each error code has its
// sentence in both languages, written in one language each.
func TestCatalogueHasEveryCode(t *testing.T) {
	codes := model.Codes()
	if len(codes) < 100 {
		t.Fatalf("only %d codes registered", len(codes))
	}
	seen := map[string]bool{}
	for _, c := range codes {
		if seen[c.Key()] {
			t.Errorf("%s: two codes share the key", c.Key())
		}
		seen[c.Key()] = true
		for _, l := range []model.Lang{model.ID, model.EN} {
			if !model.HasText(l, c.Key()) {
				t.Errorf("%s: no %s sentence", c.Key(), l)
				continue
			}
			if s := model.Text(l, c.Key(), nil); strings.Contains(s, " / ") {
				t.Errorf("%s: the %s sentence %q holds two languages", c.Key(), l, s)
			}
		}
	}
}

// TestCatalogueKeysInBothLanguages checks that both languages carry the
// same keys, and that every sentence is a valid template.
func TestCatalogueKeysInBothLanguages(t *testing.T) {
	var id, en map[string]string
	if err := json.Unmarshal(assets.Translation("id"), &id); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(assets.Translation("en"), &en); err != nil {
		t.Fatal(err)
	}
	for k := range id {
		if _, ok := en[k]; !ok {
			t.Errorf("en lacks %q", k)
		}
	}
	for k := range en {
		if _, ok := id[k]; !ok {
			t.Errorf("id lacks %q", k)
		}
	}
}

// TestErrorsInEachLanguage checks what each front-end makes of an error
// with values: the command line prints both languages on one line, the
// window one plain sentence in its language.
func TestErrorsInEachLanguage(t *testing.T) {
	err := errors.Join(errors.New("kiriman.zip"), bundle.ErrTampered)
	if got := model.Say(err, model.EN); got != "File changed after it was signed." {
		t.Errorf("window, English: %q", got)
	}
	wrapped := model.Wrapf(errors.New("bbolt: page 7"), model.ErrWorkspaceDamaged, "err.store.detail_officials")
	if !errors.Is(wrapped, model.ErrWorkspaceDamaged) {
		t.Fatal("the code is lost")
	}
	if got := model.Say(wrapped, model.ID); strings.Contains(got, " / ") || strings.Contains(got, "bbolt") {
		t.Errorf("window, Indonesian: %q", got)
	}
	if got := bundle.ErrTampered.Error(); got != "berkas telah diubah setelah ditandatangani / file changed after it was signed" {
		t.Errorf("command line: %q", got)
	}
}

// TestTypedErrorsHaveTheirCode: an error that carries its own values and
// stands for a code (errors.Is) is worded by that code in the window.
func TestTypedErrorsHaveTheirCode(t *testing.T) {
	err := &model.ReplayError{Unit: "Bappeda", Have: 2, Got: 1}
	if c := model.CodeOf(err); c != model.ErrReplay {
		t.Fatalf("code of a ReplayError: %v", c)
	}
	if got := model.Say(err, model.ID); strings.Contains(got, " / ") {
		t.Fatalf("window text %q holds two languages", got)
	}
}
