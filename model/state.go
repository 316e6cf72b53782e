package model

// State is the state of one indicator as lists and trees show it.
type State int

// The indicator states, from "nothing done" to "done".
const (
	// StateUnanswered: no level chosen.
	StateUnanswered State = iota
	// StateNoEvidence: a level is chosen but no evidence is linked.
	StateNoEvidence
	// StateExpired: a linked evidence file is past its valid-until date.
	StateExpired
	// StateAnswered: a level is chosen and evidence is linked.
	StateAnswered
)

// State returns the state of indicator no as of today.
func (a *Assessment) State(no int, today Date) State {
	ans, ok := a.Answers[no]
	if !ok || ans.Value == Unanswered {
		return StateUnanswered
	}
	var linked bool
	for _, e := range a.Evidence {
		if e.Indicator != no {
			continue
		}
		linked = true
		if e.Expired(today) {
			return StateExpired
		}
	}
	if !linked {
		return StateNoEvidence
	}
	return StateAnswered
}
