package report

import "testing"

// TestStatesReadInGrey checks that the cell states of the matrix stay
// apart when printed in grey: each fill darker than the one before by a
// clear step, and every state named and marked in the legend.
func TestStatesReadInGrey(t *testing.T) {
	for s := Assigned; s.valid(); s++ {
		prev, cur := stateFill[s-1].luminance(), stateFill[s].luminance()
		if prev-cur < 0.08 {
			t.Errorf("state %d (luminance %.2f) is too close to state %d (%.2f)", s, cur, s-1, prev)
		}
		if indonesian.stateMarks[s] == "" || indonesian.stateNames[s] == "" {
			t.Errorf("state %d has no mark or name", s)
		}
	}
	if CellState(len(stateFill)).valid() {
		t.Error("a state past the palette is valid")
	}
}
