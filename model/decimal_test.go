package model

import (
	"errors"
	"testing"
)

func TestParseHundredths(t *testing.T) {
	good := map[string]Hundredths{"0": 0, "1": 100, "1.3": 130, "1.30": 130, "1,30": 130, " 4,2 ": 420, "16.50": 1650, "100": 10000, "2.05": 205}
	for in, want := range good {
		got, err := ParseHundredths(in)
		if err != nil || got != want {
			t.Errorf("ParseHundredths(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", ".", "1.", ".5", "1.234", "-1", "+1", "1e2", "1,2,3", "1.2.3", "abc", "1 000", "0x10", "١", "9999999999999"} {
		if _, err := ParseHundredths(in); !errors.Is(err, ErrDecimal) {
			t.Errorf("ParseHundredths(%q) = %v, want ErrDecimal", in, err)
		}
	}
}

func TestRatioRoundHalfUp(t *testing.T) {
	tests := []struct {
		num, den int64
		want     string
	}{
		{3282, 1000, "3,28"},
		{3285, 1000, "3,29"}, // half-up, not banker's rounding
		{3275, 1000, "3,28"},
		{32849999, 10000000, "3,28"},
		{41995, 10000, "4,20"},
		{1, 3, "0,33"},
		{2, 3, "0,67"},
		{5, 1, "5,00"},
	}
	for _, tt := range tests {
		if got := NewRatio(tt.num, tt.den).ID(); got != tt.want {
			t.Errorf("%d/%d = %s, want %s", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestRatioExact(t *testing.T) {
	tests := []struct {
		num, den int64
		want     string
	}{
		{3282, 1000, "3.282"},
		{42, 10, "4.20"},
		{5, 1, "5.00"},
		{41995, 10000, "4.1995"},
		{37, 12, "37/12"},
	}
	for _, tt := range tests {
		if got := NewRatio(tt.num, tt.den).Exact(); got != tt.want {
			t.Errorf("%d/%d = %s, want %s", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestRatioCompare(t *testing.T) {
	a := NewRatio(42000, 10000)
	if a.CmpHundredths(420) != 0 {
		t.Fatal("4.2000 != 4,20")
	}
	if NewRatio(41995, 10000).CmpHundredths(420) >= 0 {
		t.Fatal("4.1995 >= 4,20")
	}
	if NewRatio(1, 3).Add(NewRatio(2, 3)).Cmp(NewRatio(1, 1)) != 0 {
		t.Fatal("1/3 + 2/3 != 1")
	}
	if NewRatio(1, 2).Sub(NewRatio(1, 3)).Cmp(NewRatio(1, 6)) != 0 {
		t.Fatal("1/2 - 1/3 != 1/6")
	}
}
