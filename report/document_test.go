package report_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
)

func TestWriteDocument(t *testing.T) {
	var buf bytes.Buffer
	doc := report.Document{
		Issuer: "Pemerintah Kota Pekalongan", Title: "Peraturan Wali Kota Pekalongan tentang Arsitektur SPBE Kota Pekalongan",
		Number: "12 Tahun 2022", Date: model.Date{Year: 2022, Month: 3, Day: 14}, Place: "Pekalongan", Signatory: "WALI KOTA PEKALONGAN",
		Body: []string{"Pasal 2: Arsitektur SPBE terdiri atas referensi arsitektur dan domain arsitektur — proses bisnis, data, aplikasi."},
	}
	if err := report.WriteDocument(t.Context(), &buf, doc, time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	ex := extract(t, buf.Bytes())
	if len(ex.pages) != 1 {
		t.Fatalf("%d pages", len(ex.pages))
	}
	txt := ex.pages[0].text
	for _, want := range []string{"PEMERINTAH KOTA PEKALONGAN", "NOMOR 12 TAHUN 2022", "domain arsitektur — proses bisnis", "pada tanggal 14 Maret 2022"} {
		if !strings.Contains(txt, want) {
			t.Errorf("document lacks %q:\n%s", want, txt)
		}
	}
	if err := report.WriteDocument(t.Context(), &buf, report.Document{}, time.Now()); !errors.Is(err, report.ErrInput) {
		t.Fatalf("a document without a title: %v", err)
	}
}
