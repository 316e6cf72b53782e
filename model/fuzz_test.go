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
}

func FuzzParseAnswers(f *testing.F) {
	for _, s := range answerSeeds {
		f.Add([]byte(s))
	}
	p := spbe(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		af, err := ParseAnswers("fuzz", bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := af.Check(p); err != nil {
			return
		}
		// Whatever passes the checks must score without error.
		if _, err := p.Score(af.Values()); err != nil {
			t.Fatalf("checked answers do not score: %v", err)
		}
	})
}

func FuzzParsePack(f *testing.F) {
	canon, err := spbe(f).CanonicalJSON()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(canon)
	f.Add(canon[:len(canon)/2])
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
