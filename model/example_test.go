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
