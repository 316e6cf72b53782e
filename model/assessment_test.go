package model

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	if err != nil || d != (Date{2024, time.February, 29}) || d.String() != "2024-02-29" || d.ID() != "29 Februari 2024" {
		t.Fatalf("%v %v", d, err)
	}
	if d.AddYears(1) != (Date{2025, time.March, 1}) {
		t.Fatalf("leap day + 1 year = %v", d.AddYears(1))
	}
	for _, bad := range []string{"2024-02-30", "24-1-1", "1/2/2024", "2024-13-01", "x"} {
		if _, err := ParseDate(bad); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q) = %v", bad, err)
		}
	}
	if z, err := ParseDate(""); err != nil || !z.IsZero() || z.String() != "" {
		t.Fatal("empty date")
	}
	if !(Date{2024, 1, 31}).Before(Date{2024, 2, 1}) || (Date{2024, 2, 1}).Before(Date{2024, 2, 1}) {
		t.Fatal("Before")
	}
}

func chain(n int) []Change {
	var out []Change
	prev := ""
	for i := 1; i <= n; i++ {
		c := Change{Seq: uint64(i), At: time.Date(2026, 9, i, 10, 0, 0, 0, time.UTC), By: "operator", Indicator: i, Field: FieldLevel, Old: "", New: "3"}
		c.Seal(prev)
		prev = c.Hash
		out = append(out, c)
	}
	return out
}

func TestVerifyChain(t *testing.T) {
	good := chain(5)
	if err := VerifyChain(good, "", 1); err != nil {
		t.Fatal(err)
	}
	if err := VerifyChain(good[2:], good[1].Hash, 3); err != nil {
		t.Fatalf("a tail after a known hash: %v", err)
	}
	// Time zones do not change the hash: the canonical form is UTC.
	local := good[0]
	local.At = local.At.In(time.FixedZone("WIB", 7*3600))
	if local.digest() != good[0].Hash {
		t.Fatal("hash depends on the time zone")
	}
	tests := map[string]func([]Change) []Change{
		"altered":  func(c []Change) []Change { c[2].New = "5"; return c },
		"removed":  func(c []Change) []Change { return append(c[:2], c[3:]...) },
		"swapped":  func(c []Change) []Change { c[1], c[2] = c[2], c[1]; return c },
		"resealed": func(c []Change) []Change { c[2].New = "5"; c[2].Seal(c[2].Prev); return c },
		"truncated head": func(c []Change) []Change {
			return c[1:]
		},
	}
	for name, f := range tests {
		t.Run(name, func(t *testing.T) {
			c := f(chain(5))
			if err := VerifyChain(c, "", 1); !errors.Is(err, ErrChainBroken) {
				t.Fatalf("got %v", err)
			}
		})
	}
}

func TestReadiness(t *testing.T) {
	p := spbe(t)
	today := Date{2026, 9, 15}
	a := &Assessment{
		Pack: p,
		Answers: map[int]Answer{
			1:  {Indicator: 1, Value: 300, Fakta: "Tercantum dalam 1.a.Perwal-12-2022.pdf pasal 4", Analisis: "Memenuhi kriteria tingkat 3"},
			2:  {Indicator: 2, Value: 200},
			11: {Indicator: 11, Value: 400, Fakta: "lihat dokumen", Analisis: "x"},
			12: {Indicator: 12, Value: 300, Fakta: "11.b.reviu-arsitektur", Analisis: "x"},
			45: {Indicator: 45, Value: 300, Fakta: "45.a.screenshot.png", Analisis: "x"},
			20: {Indicator: 20, Reconfirm: true},
		},
		Evidence: []Evidence{
			{Indicator: 1, Name: "1.a.Perwal-12-2022.pdf", DocDate: Date{2022, 3, 1}},
			{Indicator: 11, Name: "11.a.arsitektur.pdf", DocDate: Date{2024, 9, 15}, Level: 4},
			{Indicator: 11, Name: "11.b.reviu-arsitektur.pdf", DocDate: Date{2024, 9, 16}, ValidUntil: Date{2026, 9, 14}},
			{Indicator: 12, Name: "11.b.reviu-arsitektur.pdf", DocDate: Date{2020, 1, 1}},
			{Indicator: 45, Name: "45.a.screenshot.png"},
		},
	}
	got := a.Readiness(today)
	want := []Finding{
		{Indicator: 2, Kind: FindingNoEvidence, Level: 2},
		{Indicator: 2, Kind: FindingNoFakta, Level: 2},
		{Indicator: 2, Kind: FindingNoAnalisis, Level: 2},
		{Indicator: 11, Kind: FindingFaktaNoFile, Level: 4},
		// Dated exactly two years ago: too old for level 4.
		{Indicator: 11, Kind: FindingTooOld, Level: 4, File: "11.a.arsitektur.pdf", Date: Date{2024, 9, 15}},
		{Indicator: 11, Kind: FindingExpired, Level: 4, File: "11.b.reviu-arsitektur.pdf", Date: Date{2026, 9, 14}},
		{Indicator: 20, Kind: FindingReconfirm},
		{Indicator: 45, Kind: FindingNoSector, Level: 3},
	}
	// Order within an indicator follows the kind order.
	want[4], want[5] = want[5], want[4]
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got\n%+v\nwant\n%+v", got, want)
	}
	for _, f := range got {
		if f.Text() == string(f.Kind) || f.TextEN() == string(f.Kind) {
			t.Errorf("no text for %s", f.Kind)
		}
	}
	if p.Indicator(1).RecencyLevel() != 4 || p.Indicator(29).RecencyLevel() != 2 || p.Indicator(32).RecencyLevel() != 5 {
		t.Fatal("recency levels")
	}
}

func TestPenjelasanTemplate(t *testing.T) {
	p := spbe(t)
	f, a := PenjelasanTemplate(p, p.Indicator(1), 3, "Diskominfo", []string{"1.a.Perwal-12-2022.pdf"})
	if !strings.HasPrefix(f, "Kebijakan internal terkait Arsitektur SPBE Instansi Pusat/Pemerintah Daerah tercantum dalam <<Nama Dokumen Kebijakan>>") ||
		!strings.Contains(f, "data dukung 1.a.Perwal-12-2022.pdf.") || !strings.HasPrefix(a, "Berdasarkan norma/pasal tersebut") {
		t.Errorf("kebijakan: %q / %q", f, a)
	}
	f, _ = PenjelasanTemplate(p, p.Indicator(21), 2, "", nil)
	if !strings.HasPrefix(f, "Penerapan/pelaksanaan Manajemen Risiko SPBE telah terdokumentasikan pada data dukung <<Nama File>>") {
		t.Errorf("penerapan: %q", f)
	}
	f, a = PenjelasanTemplate(p, p.Indicator(42), 3, "Dinas Kominfo", []string{"a.png", "b.mp4"})
	if !strings.Contains(f, "sudah diterapkan oleh Dinas Kominfo") || !strings.Contains(f, "data dukung a.png, b.mp4.") || !strings.HasSuffix(a, "kapabilitas fungsi teknis transaksi.") {
		t.Errorf("layanan: %q / %q", f, a)
	}
}

func TestDefaultConsolidation(t *testing.T) {
	p := spbe(t)
	opds := map[string]*Assessment{
		"BAPPEDA":    {Pack: p, Answers: map[int]Answer{12: {Indicator: 12, Value: 300}, 13: {Indicator: 13, Value: 200}}},
		"DISKOMINFO": {Pack: p, Answers: map[int]Answer{11: {Indicator: 11, Value: 400}, 13: {Indicator: 13, Value: 300}, 14: {Indicator: 14}}},
	}
	got := DefaultConsolidation(p, opds)
	if len(got) != 2 || got[11].Value != 400 || got[12].Value != 300 {
		t.Fatalf("consolidated %v", got)
	}
	if _, ok := got[13]; ok {
		t.Fatal("an indicator two OPDs answered differently was decided without the coordinator")
	}
	sp := Spreads(p, opds)
	if len(sp) != 3 || sp[2].Indicator != 13 || sp[2].Contributions[0].OPD != "BAPPEDA" || sp[2].Decided() {
		t.Fatalf("spreads %+v", sp)
	}
}

func TestEvidenceTotals(t *testing.T) {
	ev := []Evidence{
		{Indicator: 1, SHA256: "aa", Size: 100},
		{Indicator: 10, SHA256: "aa", Size: 100}, // the same file on another indicator
		{Indicator: 2, SHA256: "bb", Size: 7},
	}
	if files, bytes := EvidenceTotals(ev); files != 2 || bytes != 107 {
		t.Fatalf("%d files, %d bytes", files, bytes)
	}
	if files, bytes := EvidenceTotals(nil); files != 0 || bytes != 0 {
		t.Fatalf("none: %d files, %d bytes", files, bytes)
	}
}
