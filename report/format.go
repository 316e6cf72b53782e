package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/swanilai/swanilai/model"
)

// Indonesian formats of numbers, dates and times. Numbers always carry the
// decimal comma: model.Ratio.ID and model.Hundredths.ID do the rounding
// (half-up, two decimals, display only).

var (
	monthsShort = [...]string{"", "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}
	monthsLong  = [...]string{"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	weekdays    = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}
)

// percent formats an exact percentage with two decimals: "68,09 %".
func percent(r model.Ratio) string { return r.ID() + " %" }

// dateShort formats d for narrow table columns, "30 Sep 2024"; the zero
// Date is a dash.
func dateShort(d model.Date) string {
	if d.IsZero() {
		return "–"
	}
	return fmt.Sprintf("%d %s %d", d.Day, monthsShort[d.Month], d.Year)
}

// dateLong formats d as "5 Desember 2025".
func dateLong(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, monthsLong[d.Month], d.Year)
}

// weekday returns the Indonesian name of d's day of the week.
func weekday(d model.Date) string {
	return weekdays[time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()]
}

// stamp formats a moment as Indonesians write it, "5 Desember 2025 pukul
// 14.05 WIB", naming the three Indonesian time zones by their abbreviations
// and any other zone by its offset from UTC.
func stamp(t time.Time) string {
	_, off := t.Zone()
	var zone string
	switch off {
	case 7 * 3600:
		zone = "WIB"
	case 8 * 3600:
		zone = "WITA"
	case 9 * 3600:
		zone = "WIT"
	default:
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		zone = fmt.Sprintf("UTC%c%02d.%02d", sign, off/3600, off%3600/60)
	}
	return fmt.Sprintf("%s pukul %02d.%02d %s", dateLong(model.DateOf(t)), t.Hour(), t.Minute(), zone)
}

var (
	digitWords = [...]string{"nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"}
)

// terbilang spells out 0 ≤ n < 1 000 000 in Indonesian words, as a Berita
// Acara writes its date: 2025 is "dua ribu dua puluh lima".
func terbilang(n int) string {
	switch {
	case n < 0 || n >= 1_000_000:
		return fmt.Sprint(n)
	case n < 12:
		return digitWords[n]
	case n < 20:
		return digitWords[n-10] + " belas"
	case n < 100:
		return join(digitWords[n/10]+" puluh", rest(n%10))
	case n < 200:
		return join("seratus", rest(n-100))
	case n < 1000:
		return join(digitWords[n/100]+" ratus", rest(n%100))
	case n < 2000:
		return join("seribu", rest(n-1000))
	}
	return join(terbilang(n/1000)+" ribu", rest(n%1000))
}

// rest spells out the lower part of a number, nothing for zero.
func rest(n int) string {
	if n == 0 {
		return ""
	}
	return terbilang(n)
}

func join(a, b string) string { return strings.TrimSpace(a + " " + b) }

// joinNonEmpty joins the parts that are not blank with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
