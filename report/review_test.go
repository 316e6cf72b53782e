package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/internal/sample"
)

// TestOPDReportWithReview renders the OPD report with an imported review:
// a section lists the decisions, and each reviewed indicator says its own.
func TestOPDReportWithReview(t *testing.T) {
	a := sample.Diskominfo()
	a.Revision = 3
	rv := &model.Review{Revision: 2, Sent: time.Date(2025, 10, 20, 10, 0, 0, 0, time.UTC), Decisions: []model.Decision{
		{Indicator: 1, Verdict: model.VerdictAccepted},
		{Indicator: 11, Verdict: model.VerdictAdjusted, Level: 300, Analisis: "Reviu berkala belum ada; kriteria tingkat 4 tidak terpenuhi."},
		{Indicator: 16, Verdict: model.VerdictRevise, MissingEvidence: "laporan reviu layanan pusat data 2025"},
	}}
	var buf bytes.Buffer
	if err := report.WriteOPD(t.Context(), &buf, a, report.Options{Generated: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC), Review: rv}); err != nil {
		t.Fatal(err)
	}
	ex := extract(t, buf.Bytes())
	var all strings.Builder
	for _, p := range ex.pages {
		all.WriteString(p.text)
	}
	txt := all.String()
	for _, want := range []string{"Hasil Reviu Koordinator", "revisi ke-2 (reviu dikirim 20 Oktober 2025)", "sudah mengirim revisi ke-3",
		"level disesuaikan menjadi tingkat 3", "Reviu berkala belum ada", "laporan reviu layanan pusat data 2025", "perlu revisi"} {
		if !strings.Contains(squashText(txt), squashText(want)) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func squashText(s string) string { return strings.Join(strings.Fields(s), " ") }
