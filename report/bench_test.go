package report_test

import (
	"context"
	"io"
	"testing"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/internal/sample"
)

// BenchmarkWriteOPD renders the OPD report: the partial sample, and the
// full one (47 indicators, 2,000-character FAKTA and ANALISIS, five
// evidence files each). Budget: under 1 s.
func BenchmarkWriteOPD(b *testing.B) {
	for _, bc := range []struct {
		name string
		a    *model.Assessment
	}{
		{"partial", sample.Diskominfo()},
		{"full-47", sample.Full()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			a := bc.a
			opts := sample.Options()
			b.ReportAllocs()
			for b.Loop() {
				if err := report.WriteOPD(context.Background(), io.Discard, a, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteRecap renders the recap of 60 OPDs. Budget: under 3 s.
func BenchmarkWriteRecap(b *testing.B) {
	rc := sample.Recap(60)
	opts := sample.Options()
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WriteRecap(context.Background(), io.Discard, rc, opts); err != nil {
			b.Fatal(err)
		}
	}
}
