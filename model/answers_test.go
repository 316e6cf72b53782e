package model

import (
	"errors"
	"strings"
	"testing"
)

func parseCheck(t *testing.T, name, in string) (*AnswerFile, error) {
	t.Helper()
	f, err := ParseAnswers(name, strings.NewReader(in))
	if err != nil {
		return nil, err
	}
	return f, f.Check(spbe(t))
}

func TestParseAnswersCSV(t *testing.T) {
	in := "indikator,level,fakta,analisis,sektor\n1,3,\"Perwal 12, 2021\",Memenuhi,\n2,,,,\n45,4,,,Layanan Perizinan\n"
	f, err := parseCheck(t, "a.csv", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Answers) != 3 || f.Answers[0].Fakta != "Perwal 12, 2021" || f.Answers[1].Value != Unanswered || f.Answers[2].Sector != "Layanan Perizinan" {
		t.Fatalf("%+v", f.Answers)
	}
	if v := f.Values(); len(v) != 2 || v[45] != 400 {
		t.Fatalf("values %v", v)
	}
}

func TestParseAnswersExcelCSV(t *testing.T) {
	// What Excel writes in an Indonesian locale: BOM, semicolons, CRLF.
	in := "\xef\xbb\xbfIndikator;Level;Fakta\r\n1;3;\"Perda 4; 2021\"\r\n2;4;\r\n"
	f, err := parseCheck(t, "excel.csv", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Answers) != 2 || f.Answers[0].Fakta != "Perda 4; 2021" || f.Answers[1].Value != 400 {
		t.Fatalf("%+v", f.Answers)
	}
}

// TestParseAnswersWindows1252: Excel's "CSV" on Windows is saved in the
// ANSI code page, Windows-1252: "Peraturan Wali Kota – Rencana Induk" with
// an en dash (0x96) and "Sosialisasi ke-2" in a row of semicolons and CRLF.
func TestParseAnswersWindows1252(t *testing.T) {
	in := "Indikator;Level;Fakta\r\n1;3;Peraturan Wali Kota \x96 Rencana Induk (perwal.pdf)\r\n2;2;Caf\xe9 digital\r\n"
	f, err := parseCheck(t, "excel-ansi.csv", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Answers) != 2 || f.Answers[0].Fakta != "Peraturan Wali Kota – Rencana Induk (perwal.pdf)" || f.Answers[1].Fakta != "Café digital" {
		t.Fatalf("%+v", f.Answers)
	}
	// A byte Windows-1252 leaves undefined: neither UTF-8 nor Windows-1252,
	// and the message names its line.
	_, err = parseCheck(t, "rusak.csv", "Indikator;Level\r\n1;3\r\n2;\x81\r\n")
	if !errors.Is(err, ErrAnswersSyntax) || !strings.Contains(err.Error(), "baris 3") || !strings.Contains(err.Error(), "line 3") {
		t.Fatalf("got %v", err)
	}
}

func TestParseAnswersJSON(t *testing.T) {
	in := `{"instrument": "spbe-59-2020", "answers": [
  {"indicator": 1, "level": 3, "fakta": "F", "analisis": "A"},
  {"indicator": 2, "level": null},
  {"indicator": 46, "level": 2, "sektor": "Kesehatan"}
]}`
	f, err := parseCheck(t, "a.json", in)
	if err != nil {
		t.Fatal(err)
	}
	if f.Instrument != "spbe-59-2020" || len(f.Answers) != 3 || f.Answers[2].Sector != "Kesehatan" || f.Answers[1].Value != Unanswered {
		t.Fatalf("%+v", f)
	}
}

func TestParseAnswersErrors(t *testing.T) {
	tests := []struct {
		name, in string
		err      error
		line     int
	}{
		{"level 7", "indikator,level\n1,3\n2,7\n", ErrLevelRange, 3},
		{"level 0", "indikator,level\n1,0\n", ErrLevelRange, 2},
		{"indicator 48", "indikator,level\n48,3\n", ErrUnknownIndicator, 2},
		{"duplicate", "indikator,level\n5,3\n6,3\n5,4\n", ErrDuplicateIndicator, 4},
		{"not a number", "indikator,level\n1,tiga\n", ErrNotNumber, 2},
		{"indicator not a number", "indikator,level\nsatu,3\n", ErrNotNumber, 2},
		{"half level", "indikator,level\n1,2.5\n", ErrNotWholeLevel, 2},
		{"no level column", "indikator,nilai_x\n1,3\n", ErrAnswersHeader, 1},
		{"missing level column", "indikator\n1\n", ErrAnswersHeader, 1},
		{"too many fields", "indikator,level\n1,3,x\n", ErrAnswersSyntax, 2},
		{"bad quote", "indikator,level\n1,\"3\n", ErrAnswersSyntax, 2},
		{"empty", "", ErrAnswersSyntax, 0},
		{"binary", "\xff\xfe\x00\x01", ErrAnswersSyntax, 0},
		{"json level 7", "{\"answers\": [\n{\"indicator\": 1, \"level\": 3},\n{\"indicator\": 2, \"level\": 7}\n]}", ErrLevelRange, 3},
		{"json indicator 48", "{\"answers\": [\n\n{\"indicator\": 48, \"level\": 3}]}", ErrUnknownIndicator, 3},
		{"json duplicate", "{\"answers\": [{\"indicator\": 1, \"level\": 3},\n {\"indicator\": 1, \"level\": 3}]}", ErrDuplicateIndicator, 2},
		{"json string level", "{\"answers\": [\n{\"indicator\": 1, \"level\": \"3\"}]}", ErrNotNumber, 2},
		{"json unknown field", "{\"answers\": [\n{\"indicator\": 1, \"nilai\": 3}]}", ErrAnswersSyntax, 2},
		{"json unknown top field", "{\"x\": 1, \"answers\": []}", ErrAnswersSyntax, 1},
		{"json cut", "{\"answers\": [\n{\"indicator\": 1,", ErrAnswersSyntax, 2},
		{"json other instrument", "{\"instrument\": \"pemdi-8-2026\", \"answers\": []}", ErrInstrumentMismatch, 0},
		{"json no answers", "{\"instrument\": \"spbe-59-2020\"}", ErrAnswersSyntax, 1},
		{"json trailing", "{\"answers\": []} x", ErrAnswersSyntax, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseCheck(t, "f", tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("got %v, want %v", err, tt.err)
			}
			var ae *AnswerError
			if !errors.As(err, &ae) || ae.File != "f" || ae.Line != tt.line {
				t.Fatalf("error %q: want file f line %d", err, tt.line)
			}
		})
	}
}
