package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// validSubmission is a sound submission on the SPBE pack: two answers, one
// of a Layanan Publik Sektor indicator, two links to one file, a report
// and a sealed history of two entries.
func validSubmission(p *Pack) *Submission {
	at := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	sha := strings.Repeat("ab", 32)
	s := &Submission{Revision: 2, AnswersReview: 1, Assessment: &Assessment{Pack: p,
		Answers: map[int]Answer{
			1:  {Indicator: 1, Value: 300, Fakta: "f", By: "Rina", At: at},
			45: {Indicator: 45, Value: 200, Sector: "Perizinan", By: "Rina", At: at},
		},
		Evidence: []Evidence{
			{Indicator: 1, SHA256: sha, Size: 10, Name: "a.pdf"},
			{Indicator: 45, SHA256: sha, Size: 10, Name: "a.pdf"},
		},
		TargetIndex: 350, Targets: map[int]Hundredths{1: 400},
	}, Report: strings.Repeat("cd", 32), ReportSize: 20}
	prev := ""
	for seq := uint64(1); seq <= 2; seq++ {
		c := Change{Seq: seq, At: at, By: "Rina", Indicator: 1, Field: FieldLevel, New: "3"}
		c.Seal(prev)
		prev = c.Hash
		s.History = append(s.History, c)
	}
	return s
}

func TestValidateSubmission(t *testing.T) {
	p := spbe(t)
	files, err := ValidateSubmission(p, validSubmission(p))
	if err != nil || len(files) != 2 || files[strings.Repeat("ab", 32)] != 10 || files[strings.Repeat("cd", 32)] != 20 {
		t.Fatalf("a sound submission: %v, %v", files, err)
	}
	tests := []struct {
		name    string
		change  func(s *Submission)
		nilPack bool
		want    error  // a sentinel the error wraps, if any
		text    string // what the error says
	}{
		{name: "empty", change: func(s *Submission) { s.Assessment = nil }, text: "kosong / empty"},
		{name: "revision 0", change: func(s *Submission) { s.Revision, s.AnswersReview = 0, 0 }, text: "revisi 0"},
		{name: "answers its own review", change: func(s *Submission) { s.AnswersReview = 2 }, text: "answers_review 2, revisi 2 / answers_review 2, revision 2"},
		{name: "answers a review below 0", change: func(s *Submission) { s.AnswersReview = -1 }, text: "answers_review -1"},
		{name: "target index", change: func(s *Submission) { s.Assessment.TargetIndex = 600 }, want: ErrTargetRange},
		{name: "target of an unknown indicator", change: func(s *Submission) { s.Assessment.Targets[99] = 300 }, want: ErrUnknownIndicator, text: "target: indikator 99"},
		{name: "answer filed under another indicator", change: func(s *Submission) { s.Assessment.Answers[2] = Answer{Indicator: 3} }, text: "jawaban 3 disimpan sebagai 2"},
		{name: "unknown indicator", change: func(s *Submission) { s.Assessment.Answers[99] = Answer{Indicator: 99, Value: 300} }, want: ErrUnknownIndicator},
		{name: "level out of range", change: func(s *Submission) { s.Assessment.Answers[1] = Answer{Indicator: 1, Value: 700} }, want: ErrLevelRange},
		{name: "not a whole level", change: func(s *Submission) { s.Assessment.Answers[1] = Answer{Indicator: 1, Value: 350} }, want: ErrNotWholeLevel},
		{name: "sector name off a sector indicator", change: func(s *Submission) { s.Assessment.Answers[1] = Answer{Indicator: 1, Value: 300, Sector: "x"} }, want: ErrNotSector},
		{name: "external value off an external indicator", change: func(s *Submission) {
			s.Assessment.Answers[1] = Answer{Indicator: 1, Value: 300, External: &ExternalValue{Value: 5000}}
		}, want: ErrExternalMismatch},
		{name: "evidence of an unknown indicator", change: func(s *Submission) { s.Assessment.Evidence[1].Indicator = 99 }, want: ErrUnknownIndicator, text: "bukti dukung / evidence: indikator 99"},
		{name: "evidence SHA-256 in capitals", change: func(s *Submission) { s.Assessment.Evidence[0].SHA256 = strings.Repeat("AB", 32) }, text: `B / evidence "ABAB`},
		{name: "empty evidence file", change: func(s *Submission) { s.Assessment.Evidence[0].Size = 0 }, text: `, 0 B / evidence "abab`},
		{name: "one file, two sizes", change: func(s *Submission) { s.Assessment.Evidence[1].Size = 11 }, text: "11 B"},
		{name: "report without a size", change: func(s *Submission) { s.ReportSize = 0 }, text: `laporan: berkas "cdcd`},
		{name: "report the size of no evidence", change: func(s *Submission) { s.Report = strings.Repeat("ab", 32) }, text: "laporan: berkas abababababab: 10 B dan 20 B / report: file abababababab: 10 B and 20 B"},
		{name: "broken history", change: func(s *Submission) { s.History[1].New = "4" }, want: ErrChainBroken},
		{name: "history after another head", change: func(s *Submission) { s.Since = ChainHead{Seq: 1, Hash: "x"} }, want: ErrChainBroken},
		// Without the pack only what needs none is checked.
		{name: "no pack: indicator 0", nilPack: true, change: func(s *Submission) { s.Assessment.Answers[0] = Answer{} }, text: "indikator 0"},
		{name: "no pack: broken history", nilPack: true, change: func(s *Submission) { s.History[0].By = "x" }, want: ErrChainBroken},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := validSubmission(p)
			tt.change(s)
			q := p
			if tt.nilPack {
				q = nil
			}
			_, err := ValidateSubmission(q, s)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.text) {
				t.Fatalf("got %v, want %v %q", err, tt.want, tt.text)
			}
		})
	}
	// An external index value stands for the level it converts to.
	pm := pemdi(t)
	ext := &Submission{Revision: 1, Assessment: &Assessment{Answers: map[int]Answer{5: {Indicator: 5, Value: 375, External: &ExternalValue{Value: 6875}}}}}
	if _, err := ValidateSubmission(pm, ext); err != nil {
		t.Fatalf("an external value that converts to the level: %v", err)
	}
	ext.Assessment.Answers[5] = Answer{Indicator: 5, Value: 300, External: &ExternalValue{Value: 6875}}
	if _, err := ValidateSubmission(pm, ext); !errors.Is(err, ErrExternalMismatch) {
		t.Fatalf("an external value that converts to another level: %v", err)
	}
	// What only the pack can tell passes without it.
	s := validSubmission(p)
	s.Assessment.Answers[99] = Answer{Indicator: 99, Value: 700, Sector: "x"}
	if _, err := ValidateSubmission(nil, s); err != nil {
		t.Fatalf("without a pack: %v", err)
	}
}
