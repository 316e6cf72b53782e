package model

import (
	"bytes"
	"testing"
)

// answerSeeds are the seed corpus of FuzzParseAnswers; they run in every
// `go test`.
var answerSeeds = []string{
	"indikator,level\n1,3\n",
	"\xef\xbb\xbfindikator;level;fakta\r\n1;3;x\r\n",
	"indikator,level,fakta,analisis,sektor\n45,4,a,b,c\n",
	`{"instrument":"spbe-59-2020","answers":[{"indicator":1,"level":3}]}`,
	`{"answers":[{"indicator":2,"level":null}]}`,
	"indikator,level\n1,\"3\n",
	`{"answers":[{"indicator":1,"level":1e400}]}`,
	"",
	// Decimal values and external index values (Indeks Pemdi).
	"indikator,level\n1,\"2,50\"\n2,2.5\n",
	"indikator;level;eksternal;sumber;tanggal;berlaku_sampai\r\n5;;68,75;Bappenas;2026-02-10;2027-02-09\r\n7;4,01;4,20;BPS;;\r\n",
	"indikator,level,external,source\n6,,1,BIG\n18,,100,Bappenas\n",
	"indikator,level,eksternal\n5,,25\n",
	`{"instrument":"pemdi-8-2026","answers":[{"indicator":5,"external":{"value":68.75,"source":"Bappenas","date":"2026-02-10","valid_until":"2027-02-09"}},{"indicator":1,"level":2.5}]}`,
	`{"answers":[{"indicator":7,"level":3,"external":{"value":"3","source":""}}]}`,
	`{"answers":[{"indicator":6,"external":{"value":null}}]}`,
}

// FuzzParseAnswers checks that no input crashes the parser and that any
// answer set that passes the checks of a pack scores against it, for both
// built-in packs.
func FuzzParseAnswers(f *testing.F) {
	for _, s := range answerSeeds {
		f.Add([]byte(s))
	}
	packs := []*Pack{spbe(f), pemdi(f)}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, p := range packs {
			// Check converts external values in place: parse afresh.
			af, err := ParseAnswers("fuzz", bytes.NewReader(data))
			if err != nil {
				return
			}
			if err := af.Check(p); err != nil {
				continue
			}
			// Whatever passes the checks must score without error.
			if _, err := p.Score(af.Values()); err != nil {
				t.Fatalf("%s: checked answers do not score: %v", p.ID, err)
			}
			for _, a := range af.Answers {
				if a.External != nil && p.LevelOf(p.Indicator(a.Indicator), a.Value) == 0 {
					t.Fatalf("%s: external value %s converted to %s, no level", p.ID, a.External.Value.ID(), a.Value.ID())
				}
			}
		}
	})
}

func FuzzParsePack(f *testing.F) {
	for _, p := range []*Pack{spbe(f), pemdi(f)} {
		canon, err := p.CanonicalJSON()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(canon)
		f.Add(canon[:len(canon)/2])
	}
	f.Add([]byte(`{"format":"swanilai.instrument-pack","format_version":1}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePackBytes(data)
		if err != nil {
			return
		}
		// A pack that validates scores every uniform answer set to its level.
		vals := Values{}
		for _, no := range p.IndicatorNumbers() {
			vals[no] = 300
		}
		s, err := p.Score(vals)
		if err != nil || s.Index.CmpHundredths(300) != 0 || s.Predikat == "" {
			t.Fatalf("valid pack scores all-3 as %v (%v)", s.Index.Exact(), err)
		}
	})
}
