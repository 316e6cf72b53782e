package model

import (
	"strings"
	"testing"

	"github.com/swanilai/swanilai/assets"
)

func BenchmarkScoreFull(b *testing.B) {
	p := spbe(b)
	vals := levels(example328)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Score(vals); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlan(b *testing.B) {
	p := spbe(b)
	vals := levels(strings.Repeat("3", 47))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.PlanTarget(vals, 420, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPack measures parsing and validating (hash included) the
// embedded SPBE pack, what happens once per process start.
func BenchmarkLoadPack(b *testing.B) {
	var data []byte
	for _, f := range assets.Packs() {
		if f.Name == "spbe-59-2020.json" {
			data = f.Data
		}
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParsePackBytes(data); err != nil {
			b.Fatal(err)
		}
	}
}
