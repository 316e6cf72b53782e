package model

import (
	"bytes"
	"os"
	"path/filepath"
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

// BenchmarkLoadPemdiPack measures parsing and validating (hash included)
// the embedded Pemdi pack.
func BenchmarkLoadPemdiPack(b *testing.B) {
	var data []byte
	for _, f := range assets.Packs() {
		if f.Name == "pemdi-8-2026.json" {
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

// BenchmarkScorePemdiFile measures what `score` does with a full Pemdi
// answers file with external index values: parse, check (which converts
// the external values) and score.
func BenchmarkScorePemdiFile(b *testing.B) {
	p := pemdi(b)
	data, err := os.ReadFile(filepath.Join("..", "testdata", "answers", "pemdi-eksternal.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f, err := ParseAnswers("pemdi-eksternal.csv", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Check(p); err != nil {
			b.Fatal(err)
		}
		if _, err := p.Score(f.Values()); err != nil {
			b.Fatal(err)
		}
	}
}
