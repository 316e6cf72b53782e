package model

import (
	"fmt"
	"time"
)

// Date is a calendar date without a time of day or zone: a document's date,
// its valid-until date, a deadline. The zero Date means "not given".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ErrDate reports a date that is not a real date written as YYYY-MM-DD.
var ErrDate = NewCode("err.date")

// ParseDate reads "2024-03-01". The empty string is the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q: %w", s, ErrDate)
	}
	return DateOf(t), nil
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Today returns the current date in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

var bulan = [...]string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// ID formats d the Indonesian way, "1 Maret 2024", or "" for the zero Date.
func (d Date) ID() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, bulan[d.Month], d.Year)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	switch {
	case d.Year != o.Year:
		return cmpInt(d.Year, o.Year)
	case d.Month != o.Month:
		return cmpInt(int(d.Month), int(o.Month))
	}
	return cmpInt(d.Day, o.Day)
}

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// DaysTo returns the number of days from d to o: positive when o is
// later, negative when it is earlier.
func (d Date) DaysTo(o Date) int {
	day := func(d Date) time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }
	return int(day(o).Sub(day(d)).Hours() / 24)
}

// AddYears returns d moved by n years; 29 February becomes 1 March in a
// year without it, as time.Date normalises.
func (d Date) AddYears(n int) Date {
	return DateOf(time.Date(d.Year+n, d.Month, d.Day, 0, 0, 0, 0, time.UTC))
}

// MarshalText writes YYYY-MM-DD, or nothing for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
