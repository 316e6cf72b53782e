package model

import "testing"

func TestSizeText(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 999: "999 B", 1000: "1,0 kB", 34_200: "34,2 kB", 3_449_999: "3,4 MB", 1_073_741_824: "1,07 GB"} {
		if got := SizeText(n); got != want {
			t.Errorf("SizeText(%d) = %q, want %q", n, got, want)
		}
	}
}
