package report

import (
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
)

func TestTerbilang(t *testing.T) {
	tests := map[int]string{
		0: "nol", 1: "satu", 10: "sepuluh", 11: "sebelas", 12: "dua belas", 19: "sembilan belas",
		20: "dua puluh", 26: "dua puluh enam", 100: "seratus", 101: "seratus satu", 111: "seratus sebelas",
		250: "dua ratus lima puluh", 1000: "seribu", 1001: "seribu satu", 1945: "seribu sembilan ratus empat puluh lima",
		2000: "dua ribu", 2025: "dua ribu dua puluh lima", 11000: "sebelas ribu", 100000: "seratus ribu",
		999999: "sembilan ratus sembilan puluh sembilan ribu sembilan ratus sembilan puluh sembilan",
	}
	for n, want := range tests {
		if got := terbilang(n); got != want {
			t.Errorf("terbilang(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestStamp(t *testing.T) {
	at := func(offset int, name string) time.Time {
		return time.Date(2025, time.December, 5, 9, 7, 0, 0, time.FixedZone(name, offset))
	}
	tests := []struct {
		t    time.Time
		want string
	}{
		{at(7*3600, "WIB"), "5 Desember 2025 pukul 09.07 WIB"},
		{at(8*3600, ""), "5 Desember 2025 pukul 09.07 WITA"},
		{at(9*3600, "+09"), "5 Desember 2025 pukul 09.07 WIT"},
		{at(0, "UTC"), "5 Desember 2025 pukul 09.07 UTC+00.00"},
		{at(-(3*3600 + 1800), ""), "5 Desember 2025 pukul 09.07 UTC-03.30"},
	}
	for _, tt := range tests {
		if got := stamp(tt.t); got != tt.want {
			t.Errorf("stamp(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	d := model.Date{Year: 2025, Month: time.September, Day: 26}
	if got := dateShort(d); got != "26 Sep 2025" {
		t.Errorf("dateShort = %q", got)
	}
	if got := dateLong(d); got != "26 September 2025" {
		t.Errorf("dateLong = %q", got)
	}
	if got := dateShort(model.Date{}); got != "–" {
		t.Errorf("dateShort(zero) = %q", got)
	}
	for _, tt := range []struct {
		d    model.Date
		want string
	}{{d, "Jumat"}, {model.Date{Year: 2024, Month: time.February, Day: 29}, "Kamis"}, {model.Date{Year: 2026, Month: time.January, Day: 4}, "Minggu"}} {
		if got := weekday(tt.d); got != tt.want {
			t.Errorf("weekday(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	if got := percent(model.NewRatio(6050, 100)); got != "60,50 %" {
		t.Errorf("percent = %q", got)
	}
}
