package model

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTrendFile bounds a trend file read into memory: a line per year.
const maxTrendFile = 1 << 20

// maxPredikat bounds the length of a predikat name.
const maxPredikat = 100

// CheckTrend checks earlier years' results against the instrument p they
// are shown with: years 2000–2100, each once; indices 1,00–5,00; domain
// indices 1,00–5,00 or 0 for not known, at most one per domain of p; a
// predikat of one short line. The results need not be in order.
func CheckTrend(results []YearResult, p *Pack) error {
	seen := map[int]bool{}
	for _, r := range results {
		switch {
		case r.Year < 2000 || r.Year > 2100:
			return Errorf(ErrTrend, "err.trend.year_range", "Year", r.Year)
		case seen[r.Year]:
			return Errorf(ErrTrend, "err.trend.year_twice", "Year", r.Year)
		case r.Index < 100 || r.Index > 500:
			return Errorf(ErrTrend, "err.trend.index_range", "Year", r.Year, "Index", r.Index.ID())
		case len(r.Domains) > len(p.Domains):
			return Errorf(ErrTrend, "err.trend.domain_count", "Year", r.Year, "Got", len(r.Domains), "Domains", len(p.Domains))
		case len(r.Predikat) > maxPredikat || !utf8.ValidString(r.Predikat) || strings.ContainsFunc(r.Predikat, unicode.IsControl):
			return Errorf(ErrTrend, "err.trend.predikat", "Year", r.Year, "Predikat", fmt.Sprintf("%q", r.Predikat))
		}
		for i, d := range r.Domains {
			if d != 0 && (d < 100 || d > 500) {
				return Errorf(ErrTrend, "err.trend.domain_range", "Year", r.Year, "Domain", i+1, "Index", d.ID())
			}
		}
		seen[r.Year] = true
	}
	return nil
}

// SortTrend orders results by year.
func SortTrend(results []YearResult) {
	slices.SortFunc(results, func(a, b YearResult) int { return a.Year - b.Year })
}

// MergeTrend returns old with the results of add put in: a year add has
// replaces the same year of old. The result is in year order.
func MergeTrend(old, add []YearResult) []YearResult {
	out := make([]YearResult, 0, len(old)+len(add))
	for _, r := range old {
		if !slices.ContainsFunc(add, func(a YearResult) bool { return a.Year == r.Year }) {
			out = append(out, r)
		}
	}
	out = append(out, add...)
	SortTrend(out)
	return out
}

// ResultOf returns the year's result as a score of every indicator gives
// it: the index and the domain indices rounded to two decimals, and the
// predikat. It reports false for a score that does not cover the whole
// instrument, whose index is not the instansi's.
func ResultOf(year int, s *Score) (YearResult, bool) {
	if s.Coverage.Answered != s.Coverage.Total || s.Coverage.Total == 0 {
		return YearResult{}, false
	}
	r := YearResult{Year: year, Index: s.Index.Round(), Predikat: s.Predikat}
	if s.Pack.HasDomains() {
		for _, d := range s.Domains {
			r.Domains = append(r.Domains, d.Index.Round())
		}
	}
	return r, true
}

// Text says the result in one line: "2024: 3,76 (Sangat Baik)".
func (r YearResult) Text() string {
	s := fmt.Sprintf("%d: %s", r.Year, r.Index.ID())
	if r.Predikat != "" {
		s += " (" + r.Predikat + ")"
	}
	if len(r.Domains) > 0 {
		ds := make([]string, len(r.Domains))
		for i, d := range r.Domains {
			ds[i] = "–"
			if d != 0 {
				ds[i] = d.ID()
			}
		}
		s += "; domain " + strings.Join(ds, " / ")
	}
	return s
}

// trendColumns are the names a trend file's header may give its first
// columns and its predikat column.
var trendColumns = map[string]string{
	"tahun": "tahun", "year": "tahun",
	"indeks": "indeks", "index": "indeks", "nilai": "indeks",
	"predikat": "predikat", "predicate": "predikat",
}

// trendExpected is what the header error messages say is expected.
const trendExpected = "(yang diharapkan / expected: tahun,indeks[,predikat][,domain…])"

// ParseTrend reads earlier years' results from a CSV file: a header whose
// first two columns are tahun and indeks, then optionally predikat, then
// one column per domain in the instrument's order (named as people like,
// e.g. "Kebijakan Internal"). Indices take a decimal comma or point
// ("3,76" quoted, or with semicolons as separators as Excel writes them in
// Indonesian locales); an empty domain cell means not known. Check the
// results against the instrument with CheckTrend.
func ParseTrend(name string, r io.Reader) ([]YearResult, error) {
	data, detail := readText(r, maxTrendFile)
	if detail != "" {
		return nil, &AnswerError{File: name, Err: ErrTrend, Detail: detail}
	}
	cr := newExcelCSV(name, data, ErrTrend)
	var out []YearResult
	var head *trendHeader
	for {
		rec, line, err := cr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if head == nil {
			if head, detail = parseTrendHeader(rec); detail != "" {
				return nil, &AnswerError{File: name, Line: line, Err: ErrTrend, Detail: detail}
			}
			continue
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		res, detail := head.row(rec)
		if detail != "" {
			return nil, &AnswerError{File: name, Line: line, Err: ErrTrend, Detail: detail}
		}
		out = append(out, res)
	}
	if head == nil {
		return nil, &AnswerError{File: name, Err: ErrTrend, Detail: "berkas kosong / empty file " + trendExpected}
	}
	return out, nil
}

// trendHeader is where a trend file's header puts its columns.
type trendHeader struct {
	// predikat is the predikat column, -1 when there is none; domains
	// the domain columns, in the instrument's order.
	predikat int
	domains  []int
	// columns counts the header's columns: a row has no more.
	columns int
}

// parseTrendHeader reads the header rec of a trend file; detail, when not
// empty, says what is wrong with it.
func parseTrendHeader(rec []string) (h *trendHeader, detail string) {
	column := func(i int) string { return trendColumns[strings.ToLower(strings.TrimSpace(rec[i]))] }
	if len(rec) < 2 || column(0) != "tahun" || column(1) != "indeks" {
		return nil, "baris judul salah / wrong header " + trendExpected
	}
	h = &trendHeader{predikat: -1, columns: len(rec)}
	for i := 2; i < len(rec); i++ {
		switch column(i) {
		case "predikat":
			if h.predikat >= 0 {
				return nil, "kolom predikat dua kali / predikat column twice"
			}
			h.predikat = i
		case "tahun", "indeks":
			return nil, fmt.Sprintf("kolom %q dua kali / column %q twice", rec[i], rec[i])
		default:
			h.domains = append(h.domains, i)
		}
	}
	return h, ""
}

// row reads one year's result from rec, a row that is not empty; detail,
// when not empty, says what is wrong with it. Trailing domain indices not
// known are left out.
func (h *trendHeader) row(rec []string) (res YearResult, detail string) {
	get := func(i int) string {
		if i < 0 || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	if len(rec) > h.columns {
		return res, fmt.Sprintf("%d kolom, baris judul punya %d / %d columns, the header has %d", len(rec), h.columns, len(rec), h.columns)
	}
	year, err := strconv.Atoi(get(0))
	if err != nil {
		return res, fmt.Sprintf("tahun / year %q", get(0))
	}
	res = YearResult{Year: year, Predikat: get(h.predikat)}
	if res.Index, err = ParseHundredths(get(1)); err != nil {
		return res, fmt.Sprintf("indeks / index %q", get(1))
	}
	for _, i := range h.domains {
		var d Hundredths
		if v := get(i); v != "" {
			if d, err = ParseHundredths(v); err != nil {
				return res, fmt.Sprintf("indeks domain / domain index %q", v)
			}
		}
		res.Domains = append(res.Domains, d)
	}
	for len(res.Domains) > 0 && res.Domains[len(res.Domains)-1] == 0 {
		res.Domains = res.Domains[:len(res.Domains)-1]
	}
	if len(res.Domains) == 0 {
		res.Domains = nil
	}
	return res, ""
}
