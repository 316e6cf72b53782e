package model_test

import (
	"fmt"
	"strings"

	"github.com/swanilai/swanilai/model"
)

// The official worked example of PermenPANRB 59/2020 (Tabel 12): the index
// from the four domain indices and weights.
func ExampleWeightedIndex() {
	idx := model.WeightedIndex([]model.Term{
		{Value: 370, Weight: 1300},
		{Value: 340, Weight: 2500},
		{Value: 300, Weight: 1650},
		{Value: 320, Weight: 4550},
	})
	fmt.Println(idx.ID(), idx.Exact())
	// Output: 3,28 3.282
}

func ExamplePack_Score() {
	p, _ := model.BuiltinPack("spbe-59-2020")
	f, _ := model.ParseAnswers("answers.csv", strings.NewReader("indikator,level\n11,3\n12,4\n13,3\n14,2\n"))
	if err := f.Check(p); err != nil {
		fmt.Println(err)
		return
	}
	s, _ := p.Score(f.Values())
	fmt.Printf("%s %s, %d dari %d indikator\n", s.Index.ID(), s.Predikat, s.Coverage.Answered, s.Coverage.Total)
	// Output: 3,00 Baik, 4 dari 47 indikator
}

// An SDI of 68,75 from Bappenas becomes the value of Indeks Pemdi
// indicator 5: the band 62,5 < SDI ≤ 75 is level 4, whose values run from
// 3,50 (excluded) to 4,00, and 68,75 lies halfway.
func ExamplePack_ConvertExternal() {
	p, _ := model.BuiltinPack("pemdi-8-2026")
	v, _ := p.ConvertExternal(5, 6875)
	ind := p.Indicator(5)
	level := p.LevelOf(ind, v)
	fmt.Println(ind.External.Short, "68,75 →", v.ID(), p.LevelName(ind, level))
	// Output: SDI 68,75 → 3,75 Sangat Baik
}

// Evidence linked in a 2025 workspace (PermenPANRB 59/2020) offered for the
// 2026 instrument: the architecture document of indicator 11 serves Pemdi
// indicators 1 and 15.
func ExampleCrosswalk_ProposeEvidence() {
	p, _ := model.BuiltinPack("pemdi-8-2026")
	old := []model.Evidence{{Indicator: 11, SHA256: "9f86d0…", Name: "11.a.Arsitektur-SPBE-2024.pdf", Level: 3}}
	for _, pr := range p.CrosswalkFrom("spbe-59-2020").ProposeEvidence(old) {
		fmt.Printf("indikator %d ← %s (dari indikator %v)\n", pr.Evidence.Indicator, pr.Evidence.Name, pr.From)
	}
	// Output:
	// indikator 1 ← 11.a.Arsitektur-SPBE-2024.pdf (dari indikator [11])
	// indikator 15 ← 11.a.Arsitektur-SPBE-2024.pdf (dari indikator [11])
}
