package roundtrip

import (
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/store"
)

// Default is what DecideDefaults did with one indicator no Pemda answer
// was decided for yet.
type Default struct {
	Indicator int
	// Taken is the answer taken from the one OPD that answered (OPD);
	// Taken.Value is Unanswered when none was taken.
	Taken model.Answer
	OPD   string
	// Revising: that OPD was asked to revise, and the Pemda waits for the
	// revision.
	Revising bool
	// Spread lists the OPDs' answers when several answered, which waits
	// for the coordinator's decision.
	Spread []model.Contribution
}

// DecideDefaults takes, for every indicator the Pemda has not decided, the
// answer of the one OPD that answered it (model.DefaultConsolidation), as
// the review left it (an adjusted level is taken), and returns one Default
// per indicator considered: taken, waiting for a revision, or waiting for
// the coordinator because several OPDs answered. contributions are the
// OPDs' latest submissions (store.Workspace.Contributions); by makes the
// history of each answer taken.
func DecideDefaults(w *store.Workspace, by string, contributions map[string]*model.Assessment) ([]Default, error) {
	a, err := w.Assessment()
	if err != nil {
		return nil, err
	}
	reviews, err := ReviewsOf(w, contributions)
	if err != nil {
		return nil, err
	}
	var out []Default
	for _, s := range model.Spreads(w.Pack(), contributions) {
		if a.Answers[s.Indicator].Value != model.Unanswered {
			continue
		}
		d := Default{Indicator: s.Indicator, Taken: model.Answer{Indicator: s.Indicator, Value: model.Unanswered}}
		first := s.Contributions[0]
		switch dec, ok := reviews[first.OPD].Decision(s.Indicator); {
		case ok && s.Decided() && dec.Verdict == model.VerdictRevise:
			d.OPD, d.Revising = first.OPD, true
		case !s.Decided():
			d.Spread = s.Contributions
		default:
			ans, err := w.AdoptAnswer(by, s.Indicator, first.OPD)
			if err != nil {
				return out, err
			}
			d.OPD, d.Taken = first.OPD, ans
		}
		out = append(out, d)
	}
	return out, nil
}

// ReviewsOf returns the decisions standing on the latest revision of each
// contributing OPD, by code, as a review of each.
func ReviewsOf(w *store.Workspace, contributions map[string]*model.Assessment) (map[string]*model.Review, error) {
	out := map[string]*model.Review{}
	for code := range contributions {
		ds, err := w.Decisions(code)
		if err != nil {
			return nil, err
		}
		out[code] = &model.Review{Code: code, Decisions: ds}
	}
	return out, nil
}
