package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/internal/sample"
)

func TestWriteRecapXLSX(t *testing.T) {
	rc := sample.Recap(60)
	var buf bytes.Buffer
	if err := report.WriteRecapXLSX(t.Context(), &buf, rc, report.Options{Generated: time.Date(2025, 9, 26, 14, 5, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Ringkasan,Konsolidasi,Matriks,Status OPD" {
		t.Fatalf("sheets %s", got)
	}
	score, err := rc.Pemda.Score()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Ringkasan")
	if err != nil {
		t.Fatal(err)
	}
	var index string
	for _, r := range rows {
		if len(r) == 2 && r[0] == rc.Pemda.Pack.IndexName {
			index = r[1]
		}
	}
	if index != score.Index.String() {
		t.Fatalf("index %q in the workbook, %s in the recap", index, score.Index.String())
	}
	// One row per indicator, one per OPD; the matrix marks what the PDF marks.
	if rows, _ := f.GetRows("Konsolidasi"); len(rows) != 1+len(rc.Pemda.Pack.IndicatorNumbers()) {
		t.Fatalf("%d rows of consolidation", len(rows))
	}
	status, _ := f.GetRows("Status OPD")
	if len(status) != 1+len(rc.OPDs) || status[1][1] != rc.OPDs[0].Code {
		t.Fatalf("status rows %d, first %v", len(status), status[1])
	}
	matrix, _ := f.GetRows("Matriks")
	o := rc.OPDs[0]
	for j, no := range rc.Pemda.Pack.IndicatorNumbers() {
		want := map[report.CellState]string{report.NotAssigned: "", report.Assigned: "○", report.Answered: "J", report.WithEvidence: "B", report.NeedsRevision: "R", report.Accepted: "√"}[o.Cells[no]]
		got := ""
		if j+2 < len(matrix[1]) {
			got = matrix[1][j+2]
		}
		if got != want {
			t.Fatalf("matrix %s indicator %d: %q, want %q", o.Code, no, got, want)
		}
	}
}
