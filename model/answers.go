package model

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Answer is the answer to one indicator: its value and its penjelasan.
type Answer struct {
	Indicator int
	// Value is 100 … 500 for levels 1 … 5, or Unanswered; with a pack of
	// decimal values any hundredth between them (2,50).
	Value Hundredths
	// External is the external index value Value was converted from (see
	// Pack.ConvertExternal), or nil when the indicator was rated directly.
	External *ExternalValue
	// Fakta and Analisis are the two parts of the penjelasan (Pedoman 3/2024
	// Bab III.B): which document proves it, and which criterion it meets.
	Fakta    string
	Analisis string
	// Sector is the name of the sector service for the Layanan Publik
	// Sektor indicators.
	Sector string
	// By and At say who changed the answer last, and when.
	By string
	At time.Time
	// Reconfirm is set on answers carried over from last year's workspace
	// until somebody confirms or changes them.
	Reconfirm bool
}

// Level returns the whole part of the answer's value (1–5), 0 when
// unanswered. For decimal values the level a value stands for depends on
// the scale: use Pack.LevelOf.
func (a Answer) Level() int { return int(a.Value / 100) }

// AnswerFile is a set of answers read from a CSV or JSON file.
type AnswerFile struct {
	// Name is the file name used in error messages.
	Name string
	// Instrument is the instrument id the file declares (JSON only).
	Instrument string
	Answers    []Answer
	lines      []int
}

// Values returns the answered values by indicator number.
func (f *AnswerFile) Values() Values {
	v := make(Values, len(f.Answers))
	for _, a := range f.Answers {
		if a.Value != Unanswered {
			v[a.Indicator] = a.Value
		}
	}
	return v
}

// maxAnswersFile bounds the answers file read into memory: 47 answers with
// long explanations are a few hundred kilobytes.
const maxAnswersFile = 16 << 20

// ParseAnswers reads an answers file, CSV or JSON (told apart by the first
// character), and checks its syntax. Check it against an instrument with
// AnswerFile.Check.
//
// CSV has a header with the columns indikator and level and optionally
// fakta, analisis and sektor; an empty level means unanswered. A UTF-8 byte
// order mark and semicolon separators, as Excel writes them in Indonesian
// locales, are accepted; so is a decimal comma ("2,50", quoted when the
// separator is a comma). An external index value goes in the column
// eksternal with its source in sumber and optionally its date in tanggal
// and its end of validity in berlaku_sampai (YYYY-MM-DD); the level may
// then be left empty, Check fills it in.
//
// JSON is {"instrument": ID, "answers": [{"indicator": 1, "level": 3}]} with
// optional "fakta", "analisis" and "sektor"; a null level means unanswered;
// levels may be decimals (2.5). An external index value is
// "external": {"value": 68.75, "source": "…", "date": "2026-02-10",
// "valid_until": "2027-02-10"}.
func ParseAnswers(name string, r io.Reader) (*AnswerFile, error) {
	data, detail := readText(r, maxAnswersFile)
	if detail != "" {
		return nil, &AnswerError{File: name, Err: ErrAnswersSyntax, Detail: detail}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &AnswerError{File: name, Err: ErrAnswersSyntax, Detail: "berkas kosong"}
	}
	if trimmed[0] == '{' {
		return parseAnswersJSON(name, data)
	}
	return parseAnswersCSV(name, data)
}

// excelCSV reads CSV the way Excel writes it: with semicolons as
// separators when the header has more of them than commas (Indonesian
// locales), rows of any length, leading spaces trimmed.
type excelCSV struct {
	r    *csv.Reader
	name string
	// err is the sentinel a syntax error matches.
	err error
}

func newExcelCSV(name string, data []byte, sentinel error) *excelCSV {
	header, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	return &excelCSV{r: r, name: name, err: sentinel}
}

// next returns the next record and its line: io.EOF at the end, an
// *AnswerError that names the line for a record that cannot be read.
func (c *excelCSV) next() (rec []string, line int, err error) {
	rec, err = c.r.Read()
	if err == io.EOF {
		return nil, 0, err
	}
	if err != nil {
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			line, err = pe.Line, pe.Err
		}
		return nil, 0, &AnswerError{File: c.name, Line: line, Err: c.err, Detail: err.Error()}
	}
	line, _ = c.r.FieldPos(0)
	return rec, line, nil
}

// readText reads a text file of at most max bytes into memory, without the
// byte order mark Excel writes, as UTF-8: a file that is not UTF-8 is read
// as Windows-1252, the code page Excel saves "CSV" in on Indonesian (and
// English) Windows. detail says what is wrong with the file; it is empty
// when nothing is.
func readText(r io.Reader, max int) (data []byte, detail string) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	switch {
	case err != nil:
		return nil, err.Error()
	case len(data) > max:
		size := SizeText(int64(max))
		return nil, "berkas lebih besar dari " + size + " / file over " + size
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return fromWindows1252(data)
	}
	return data, ""
}

// fromWindows1252 transcodes text saved in Windows-1252 to UTF-8. The five
// bytes that code page leaves undefined, and control bytes other than tab
// and line ends, mean the file is not text in either; the detail then
// names the line of the first.
func fromWindows1252(data []byte) ([]byte, string) {
	for i, b := range data {
		if b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d || (b < 0x20 && b != '\t' && b != '\r' && b != '\n') {
			line := 1 + bytes.Count(data[:i], []byte("\n"))
			return nil, Bilingual("err.answers.not_text", map[string]any{"Line": line})
		}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, Bilingual("err.answers.not_text", map[string]any{"Line": 1})
	}
	return out, ""
}

var csvColumns = map[string]string{
	"indikator": "indikator", "indicator": "indikator", "no": "indikator",
	"level": "level", "nilai": "level", "tingkat": "level",
	"fakta": "fakta", "analisis": "analisis",
	"sektor": "sektor", "sector": "sektor",
	"eksternal": "eksternal", "external": "eksternal", "nilai_eksternal": "eksternal",
	"sumber": "sumber", "source": "sumber",
	"tanggal": "tanggal", "date": "tanggal",
	"berlaku_sampai": "berlaku_sampai", "valid_until": "berlaku_sampai",
}

// csvExpected is what the header error messages say is expected.
const csvExpected = "(yang diharapkan / expected: indikator,level[,fakta,analisis,sektor,eksternal,sumber,tanggal,berlaku_sampai])"

func parseAnswersCSV(name string, data []byte) (*AnswerFile, error) {
	cr := newExcelCSV(name, data, ErrAnswersSyntax)
	f := &AnswerFile{Name: name}
	cols := map[string]int{}
	first := true
	for {
		rec, line, err := cr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if first {
			first = false
			for i, h := range rec {
				key, ok := csvColumns[strings.ToLower(strings.TrimSpace(h))]
				if !ok {
					return nil, &AnswerError{File: name, Line: line, Err: ErrAnswersHeader, Detail: fmt.Sprintf("kolom %q tidak dikenal %s", h, csvExpected)}
				}
				if _, dup := cols[key]; dup {
					return nil, &AnswerError{File: name, Line: line, Err: ErrAnswersHeader, Detail: fmt.Sprintf("kolom %q muncul dua kali", h)}
				}
				cols[key] = i
			}
			if _, ok := cols["indikator"]; !ok {
				return nil, &AnswerError{File: name, Line: line, Err: ErrAnswersHeader, Detail: "tidak ada kolom indikator " + csvExpected}
			}
			if _, ok := cols["level"]; !ok {
				return nil, &AnswerError{File: name, Line: line, Err: ErrAnswersHeader, Detail: "tidak ada kolom level " + csvExpected}
			}
			continue
		}
		get := func(col string) string {
			i, ok := cols[col]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		if len(rec) > len(cols) {
			return nil, &AnswerError{File: name, Line: line, Err: ErrAnswersSyntax, Detail: fmt.Sprintf("%d kolom, baris judul punya %d", len(rec), len(cols))}
		}
		no, err := strconv.Atoi(get("indikator"))
		if err != nil {
			return nil, &AnswerError{File: name, Line: line, Err: ErrNotNumber, Detail: fmt.Sprintf("indikator %q", get("indikator"))}
		}
		a := Answer{Indicator: no, Fakta: get("fakta"), Analisis: get("analisis"), Sector: get("sektor")}
		if lv := get("level"); lv != "" {
			v, err := ParseHundredths(lv)
			if err != nil {
				return nil, &AnswerError{File: name, Line: line, Err: ErrNotNumber, Detail: fmt.Sprintf("level %q", lv)}
			}
			if v == 0 {
				return nil, &AnswerError{File: name, Line: line, Err: ErrLevelRange, Detail: "tingkat 0 (tingkat 1 sampai 5; kosongkan bila belum dijawab)"}
			}
			a.Value = v
		}
		ext, aerr := parseExternal(get("eksternal"), get("sumber"), get("tanggal"), get("berlaku_sampai"))
		if aerr != nil {
			aerr.File, aerr.Line = name, line
			return nil, aerr
		}
		a.External = ext
		f.Answers = append(f.Answers, a)
		f.lines = append(f.lines, line)
	}
	if first {
		return nil, &AnswerError{File: name, Err: ErrAnswersHeader, Detail: "tidak ada baris judul"}
	}
	return f, nil
}

// parseExternal reads the external index fields of one answer: nil when
// all are empty. Its errors lack the file and the line.
func parseExternal(value, source, date, validUntil string) (*ExternalValue, *AnswerError) {
	if value == "" {
		if source != "" || date != "" || validUntil != "" {
			return nil, &AnswerError{Err: ErrExternalSource, Detail: "sumber, tanggal atau berlaku_sampai tanpa nilai eksternal / source or dates without an external value"}
		}
		return nil, nil
	}
	v, err := ParseHundredths(value)
	if err != nil {
		return nil, &AnswerError{Err: ErrNotNumber, Detail: fmt.Sprintf("eksternal %q", value)}
	}
	if strings.TrimSpace(source) == "" {
		return nil, &AnswerError{Err: ErrExternalSource, Detail: fmt.Sprintf("eksternal %s tanpa sumber", v.ID())}
	}
	e := &ExternalValue{Value: v, Source: strings.TrimSpace(source)}
	if e.Date, err = ParseDate(strings.TrimSpace(date)); err != nil {
		return nil, &AnswerError{Err: ErrDate, Detail: fmt.Sprintf("tanggal %q", date)}
	}
	if e.ValidUntil, err = ParseDate(strings.TrimSpace(validUntil)); err != nil {
		return nil, &AnswerError{Err: ErrDate, Detail: fmt.Sprintf("berlaku_sampai %q", validUntil)}
	}
	if !e.Date.IsZero() && !e.ValidUntil.IsZero() && e.ValidUntil.Before(e.Date) {
		return nil, &AnswerError{Err: ErrDate, Detail: fmt.Sprintf("berlaku_sampai %s sebelum tanggal %s / valid-until before the date", e.ValidUntil, e.Date)}
	}
	return e, nil
}

type jsonAnswer struct {
	Indicator *int            `json:"indicator"`
	Level     json.RawMessage `json:"level"`
	Fakta     string          `json:"fakta"`
	Analisis  string          `json:"analisis"`
	Sektor    string          `json:"sektor"`
	External  *jsonExternal   `json:"external"`
}

type jsonExternal struct {
	Value      json.RawMessage `json:"value"`
	Source     string          `json:"source"`
	Date       string          `json:"date"`
	ValidUntil string          `json:"valid_until"`
}

func parseAnswersJSON(name string, data []byte) (*AnswerFile, error) {
	lineAt := func(off int64) int {
		if off > int64(len(data)) {
			off = int64(len(data))
		}
		return bytes.Count(data[:off], []byte("\n")) + 1
	}
	fail := func(off int64, err error, detail string) error {
		return &AnswerError{File: name, Line: lineAt(off), Err: err, Detail: detail}
	}
	syntax := func(dec *json.Decoder, err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fail(se.Offset, ErrAnswersSyntax, se.Error())
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fail(int64(len(data)), ErrAnswersSyntax, "berkas terpotong")
		}
		return fail(dec.InputOffset(), ErrAnswersSyntax, strings.TrimPrefix(err.Error(), "json: "))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if _, err := dec.Token(); err != nil { // '{', checked by the caller
		return nil, syntax(dec, err)
	}
	f := &AnswerFile{Name: name}
	seenAnswers := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax(dec, err)
		}
		key, _ := tok.(string)
		switch key {
		case "instrument":
			if err := dec.Decode(&f.Instrument); err != nil {
				return nil, syntax(dec, err)
			}
		case "answers":
			seenAnswers = true
			if tok, err := dec.Token(); err != nil {
				return nil, syntax(dec, err)
			} else if d, ok := tok.(json.Delim); !ok || d != '[' {
				return nil, fail(dec.InputOffset(), ErrAnswersSyntax, `"answers" harus berupa daftar`)
			}
			for dec.More() {
				start := dec.InputOffset()
				var ja jsonAnswer
				if err := dec.Decode(&ja); err != nil {
					return nil, syntax(dec, err)
				}
				line := lineAt(start + int64(len(data[start:])-len(bytes.TrimLeft(data[start:], " \t\r\n,"))))
				a, err := ja.answer()
				if err != nil {
					var ae *AnswerError
					if errors.As(err, &ae) {
						ae.File, ae.Line = name, line
					}
					return nil, err
				}
				f.Answers = append(f.Answers, a)
				f.lines = append(f.lines, line)
			}
			if _, err := dec.Token(); err != nil { // ']'
				return nil, syntax(dec, err)
			}
		default:
			return nil, fail(dec.InputOffset(), ErrAnswersSyntax, fmt.Sprintf("kolom %q tidak dikenal", key))
		}
	}
	if _, err := dec.Token(); err != nil { // '}'
		return nil, syntax(dec, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fail(dec.InputOffset(), ErrAnswersSyntax, "ada data setelah kurung kurawal penutup")
	}
	if !seenAnswers {
		return nil, fail(0, ErrAnswersSyntax, `tidak ada daftar "answers"`)
	}
	return f, nil
}

func (ja jsonAnswer) answer() (Answer, error) {
	if ja.Indicator == nil {
		return Answer{}, &AnswerError{Err: ErrAnswersSyntax, Detail: `jawaban tanpa "indicator"`}
	}
	a := Answer{Indicator: *ja.Indicator, Fakta: ja.Fakta, Analisis: ja.Analisis, Sector: ja.Sektor}
	if ja.External != nil {
		raw := strings.TrimSpace(string(ja.External.Value))
		if raw == "" || raw == "null" {
			return Answer{}, &AnswerError{Err: ErrAnswersSyntax, Detail: `"external" tanpa "value"`}
		}
		if raw[0] == '"' {
			return Answer{}, &AnswerError{Err: ErrNotNumber, Detail: "external value " + raw}
		}
		ext, aerr := parseExternal(raw, ja.External.Source, ja.External.Date, ja.External.ValidUntil)
		if aerr != nil {
			return Answer{}, aerr
		}
		a.External = ext
	}
	raw := strings.TrimSpace(string(ja.Level))
	if raw == "" || raw == "null" {
		return a, nil
	}
	v, err := ParseHundredths(raw)
	if err != nil {
		return Answer{}, &AnswerError{Err: ErrNotNumber, Detail: "level " + raw}
	}
	if v == 0 {
		return Answer{}, &AnswerError{Err: ErrLevelRange, Detail: "tingkat 0 (tingkat 1 sampai 5; pakai null bila belum dijawab)"}
	}
	a.Value = v
	return a, nil
}

// Check checks every answer against the instrument: known indicator, value
// in range, each indicator at most once, external index values only where
// the indicator takes one and within the index's scale. It converts every
// external index value (Pack.ConvertExternal) and sets the answer's Value
// to the result; a level given beside it must equal that result. Errors
// name the file and line.
func (f *AnswerFile) Check(p *Pack) error {
	if f.Instrument != "" && f.Instrument != p.ID {
		return &AnswerError{File: f.Name, Err: ErrInstrumentMismatch, Detail: fmt.Sprintf("berkas untuk %q, bukan %q", f.Instrument, p.ID)}
	}
	seen := map[int]int{}
	for i := range f.Answers {
		a := &f.Answers[i]
		line := f.lines[i]
		if prev, ok := seen[a.Indicator]; ok {
			return &AnswerError{File: f.Name, Line: line, Err: ErrDuplicateIndicator, Detail: fmt.Sprintf("indikator %d, pertama di baris %d", a.Indicator, prev)}
		}
		seen[a.Indicator] = line
		if a.External != nil && p.Indicator(a.Indicator) != nil {
			v, err := p.ConvertExternal(a.Indicator, a.External.Value)
			if err != nil {
				return &AnswerError{File: f.Name, Line: line, Err: errors.Unwrap(err), Detail: externalDetail(p, *a)}
			}
			if a.Value != Unanswered && a.Value != v {
				ind := p.Indicator(a.Indicator)
				return &AnswerError{File: f.Name, Line: line, Err: ErrExternalMismatch, Detail: fmt.Sprintf("indikator %d: %s %s menjadi %s, bukan %s", a.Indicator, ind.External.Short, a.External.Value.ID(), v.ID(), a.Value.ID())}
			}
			a.Value = v
		}
		if err := p.CheckValue(a.Indicator, a.Value); err != nil {
			return &AnswerError{File: f.Name, Line: line, Err: errors.Unwrap(err), Detail: checkDetail(p, *a)}
		}
	}
	return nil
}

func checkDetail(p *Pack, a Answer) string {
	if p.Indicator(a.Indicator) == nil {
		return fmt.Sprintf("indikator %d (%s punya %d indikator)", a.Indicator, p.ID, len(p.order))
	}
	if p.DecimalValues {
		return fmt.Sprintf("indikator %d, nilai %s (nilai 1,00 sampai 5,00)", a.Indicator, a.Value.ID())
	}
	return fmt.Sprintf("indikator %d, tingkat %s (tingkat 1 sampai 5)", a.Indicator, a.Value.Compact())
}

func externalDetail(p *Pack, a Answer) string {
	e := p.Indicator(a.Indicator).External
	if e == nil {
		return fmt.Sprintf("indikator %d, eksternal %s", a.Indicator, a.External.Value.ID())
	}
	return fmt.Sprintf("indikator %d, %s %s (skala %s sampai %s)", a.Indicator, e.Short, a.External.Value.ID(), e.Min.Compact(), e.Max.Compact())
}
