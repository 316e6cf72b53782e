package model

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Hundredths is a non-negative fixed-point decimal with two fractional
// digits: 1,30 is held as 130. Weights (bobot), indicator values and band
// edges are Hundredths so that no float64 ever takes part in scoring.
type Hundredths int64

// ErrDecimal reports a number that is not a plain decimal with at most two
// fractional digits.
var ErrDecimal = NewCode("err.decimal")

// ParseHundredths reads "3", "3.5", "3,50" or "1.30" exactly. A decimal comma
// (Indonesian) and a decimal point are both accepted; signs, exponents,
// thousands separators and more than two decimals are refused.
func ParseHundredths(s string) (Hundredths, error) {
	s = strings.TrimSpace(s)
	intPart, frac, hasFrac := strings.Cut(strings.Replace(s, ",", ".", 1), ".")
	if intPart == "" || len(intPart) > 12 || (hasFrac && (frac == "" || len(frac) > 2)) {
		return 0, fmt.Errorf("%q: %w", s, ErrDecimal)
	}
	for _, c := range intPart + frac {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("%q: %w", s, ErrDecimal)
		}
	}
	whole, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q: %w", s, ErrDecimal)
	}
	h := Hundredths(whole * 100)
	if hasFrac {
		if len(frac) == 1 {
			frac += "0"
		}
		f, _ := strconv.Atoi(frac) // two checked digits
		h += Hundredths(f)
	}
	return h, nil
}

// String formats h with a decimal point and two decimals ("1.30"), the form
// used in JSON and other machine-readable output.
func (h Hundredths) String() string {
	return fmt.Sprintf("%d.%02d", int64(h)/100, int64(h)%100)
}

// ID formats h in Indonesian notation with a decimal comma ("1,30").
func (h Hundredths) ID() string {
	return fmt.Sprintf("%d,%02d", int64(h)/100, int64(h)%100)
}

// Compact formats h in Indonesian notation without a zero fraction: "3"
// for 3,00 and "2,50" for 2,50, as levels are written.
func (h Hundredths) Compact() string {
	if h.Whole() {
		return strconv.FormatInt(int64(h)/100, 10)
	}
	return h.ID()
}

// Whole reports whether h has no fractional part.
func (h Hundredths) Whole() bool { return h%100 == 0 }

// MarshalJSON writes h as a JSON number with two decimals.
func (h Hundredths) MarshalJSON() ([]byte, error) {
	return []byte(h.String()), nil
}

// UnmarshalJSON reads a JSON number exactly; 1.3, 1.30 and 13e-1 are not the
// same to a float, so exponents are refused.
func (h *Hundredths) UnmarshalJSON(b []byte) error {
	v, err := ParseHundredths(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// Ratio is an exact non-negative rational number. Indices are Ratios so that
// an index that is exactly 4,20 compares equal to the band edge 4,20.
// The zero value is 0.
type Ratio struct {
	num, den int64
}

// NewRatio returns num/den reduced. It panics if den is not positive, which
// is a programming error, never a consequence of user input.
func NewRatio(num, den int64) Ratio {
	if den <= 0 {
		panic("model: NewRatio with non-positive denominator")
	}
	g := gcd(abs(num), den)
	return Ratio{num: num / g, den: den / g}
}

// RatioOf returns h as a Ratio.
func RatioOf(h Hundredths) Ratio { return NewRatio(int64(h), 100) }

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 1
	}
	return a
}

func abs(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

func (r Ratio) norm() Ratio {
	if r.den == 0 {
		return Ratio{0, 1}
	}
	return r
}

// Num and Den return the reduced numerator and denominator.
func (r Ratio) Num() int64 { return r.norm().num }

// Den returns the reduced, positive denominator.
func (r Ratio) Den() int64 { return r.norm().den }

// Cmp compares r and o and returns -1, 0 or +1.
func (r Ratio) Cmp(o Ratio) int {
	r, o = r.norm(), o.norm()
	a := new(big.Int).Mul(big.NewInt(r.num), big.NewInt(o.den))
	b := new(big.Int).Mul(big.NewInt(o.num), big.NewInt(r.den))
	return a.Cmp(b)
}

// CmpHundredths compares r with the decimal h.
func (r Ratio) CmpHundredths(h Hundredths) int { return r.Cmp(RatioOf(h)) }

// Add returns r+o.
func (r Ratio) Add(o Ratio) Ratio {
	r, o = r.norm(), o.norm()
	return NewRatio(r.num*o.den+o.num*r.den, r.den*o.den)
}

// Sub returns r-o.
func (r Ratio) Sub(o Ratio) Ratio {
	r, o = r.norm(), o.norm()
	return NewRatio(r.num*o.den-o.num*r.den, r.den*o.den)
}

// Round returns r rounded half-up to two decimals: 3,285 becomes 3,29.
// Rounding happens only for display; decisions use the exact value.
func (r Ratio) Round() Hundredths {
	r = r.norm()
	n := big.NewInt(r.num)
	n.Mul(n, big.NewInt(200))
	n.Add(n, big.NewInt(r.den))
	n.Div(n, big.NewInt(2*r.den)) // floor((200n + d) / 2d) = half-up for n ≥ 0
	return Hundredths(n.Int64())
}

// Exact returns every decimal of r when its expansion terminates ("3.282"),
// and the reduced fraction otherwise ("37/12").
func (r Ratio) Exact() string {
	r = r.norm()
	d := r.den
	for d%2 == 0 {
		d /= 2
	}
	for d%5 == 0 {
		d /= 5
	}
	if d != 1 {
		return fmt.Sprintf("%d/%d", r.num, r.den)
	}
	s := new(big.Rat).SetFrac64(r.num, r.den).FloatString(18)
	s = strings.TrimRight(s, "0")
	if strings.HasSuffix(s, ".") {
		s += "00"
	} else if i := strings.IndexByte(s, '.'); len(s)-i-1 < 2 {
		s += "0"
	}
	return s
}

// Float64 returns an approximation for drawing charts. Never use it to
// decide a predikat.
func (r Ratio) Float64() float64 {
	r = r.norm()
	return float64(r.num) / float64(r.den)
}

// String formats r rounded half-up to two decimals with a decimal point.
func (r Ratio) String() string { return r.Round().String() }

// ID formats r rounded half-up to two decimals in Indonesian notation (3,28).
func (r Ratio) ID() string { return r.Round().ID() }
