package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// TestErrorTextSpeaksOneLanguage checks that the window words an error of
// a bundle or of the review in one language, as one sentence.
func TestErrorTextSpeaksOneLanguage(t *testing.T) {
	err := fmt.Errorf("kiriman.zip: %w: evidence/f0de1fd6", bundle.ErrTampered)
	review := fmt.Errorf("BAPPEDA: %w", model.ErrNoDecisions)
	for _, c := range []struct {
		lang     string
		err      error
		want     string
		notWants string
	}{
		{"id", err, "Berkas telah diubah setelah ditandatangani.", "file changed"},
		{"en", err, "File changed after it was signed.", "diubah"},
		{"id", review, "Belum ada keputusan reviu untuk revisi terakhir OPD ini.", "no review"},
	} {
		if err := setLanguage(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := errorText(c.err); got != c.want || strings.Contains(got, c.notWants) {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	if err := setLanguage("id"); err != nil {
		t.Fatal(err)
	}
}
