package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/store"
)

// mustRun runs a command line that must succeed and returns its output.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out
}

func initWorkspace(t *testing.T, dir string) string {
	t.Helper()
	ws := filepath.Join(dir, "kerja.swanilai")
	mustRun(t, "init", "-w", ws, "--role", "opd", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Diskominfo", "--year", "2025", "--by", "Rina")
	return ws
}

func TestWorkspaceScoreEqualsAnswersFile(t *testing.T) {
	ws := initWorkspace(t, t.TempDir())
	for _, name := range []string{"contoh-328.csv", "opd-diskominfo.json"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(fixture(name))
			if err != nil {
				t.Fatal(err)
			}
			af, err := model.ParseAnswers(name, f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			// Clear everything, then set the file's answers one by one.
			for no := 1; no <= 47; no++ {
				mustRun(t, "set", "-w", ws, "--by", "Rina", itoa(no), "-")
			}
			for _, a := range af.Answers {
				level := "-"
				if a.Value != model.Unanswered {
					level = a.Value.Compact()
				}
				mustRun(t, "set", "-w", ws, "--by", "Rina", itoa(a.Indicator), level, "--fakta", a.Fakta)
			}
			for _, args := range [][]string{{"score"}, {"score", "--json"}, {"plan", "--target", "3,50"}, {"plan", "--target", "4,20", "--json"}} {
				fromFile := mustRun(t, append(args, "--answers", fixture(name))...)
				fromWS := mustRun(t, append(args, "-w", ws)...)
				if fromFile != fromWS {
					t.Fatalf("%v differs:\n--answers:\n%s\n-w:\n%s", args, fromFile, fromWS)
				}
			}
		})
	}
}

func itoa(n int) string { return model.Hundredths(n * 100).Compact() }

func TestWorkspaceCommands(t *testing.T) {
	dir := t.TempDir()
	ws := initWorkspace(t, dir)
	out := mustRun(t, "set", "-w", ws, "--by", "Rina", "1", "3", "--fakta", "Perwal 12/2022 (perwal.pdf)", "--analisis", "tingkat 3 terpenuhi")
	if out != "Indikator 1 (Kebijakan Internal Arsitektur SPBE Instansi Pusat/Pemerintah Daerah): tingkat 3 Terdefinisi — disimpan / saved\n" {
		t.Fatalf("set: %q", out)
	}
	if out := mustRun(t, "set", "-w", ws, "--by", "Rina", "1", "3"); !strings.HasSuffix(out, "tidak berubah / unchanged\n") {
		t.Fatalf("set again: %q", out)
	}
	pdf := filepath.Join(dir, "perwal.pdf")
	data := bytes.Repeat([]byte("%PDF-1.7 Peraturan Wali Kota Pekalongan "), 500)
	os.WriteFile(pdf, data, 0o644)
	out = mustRun(t, "attach", "-w", ws, "--by", "Rina", "1", pdf, "--title", "Perwal Arsitektur SPBE", "--doc-no", "12/2022", "--doc-date", "2022-03-01", "--level", "3")
	sum := strings.Fields(out)[0]
	if len(sum) != 12 || !strings.Contains(out, "perwal.pdf → indikator 1\n") {
		t.Fatalf("attach: %q", out)
	}
	if out := mustRun(t, "attach", "-w", ws, "--by", "Rina", "11", pdf); !strings.Contains(out, "isi sudah tersimpan") {
		t.Fatalf("attach again: %q", out)
	}
	out = mustRun(t, "evidence", "-w", ws, "--json")
	var ev []evidenceJSON
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatal(err)
	}
	if len(ev) != 2 || ev[0].Indicator != 1 || ev[0].Title != "Perwal Arsitektur SPBE" || ev[0].DocDate != "2022-03-01" || ev[0].Size != int64(len(data)) || ev[1].Indicator != 11 || ev[0].By != "Rina" {
		t.Fatalf("evidence: %+v", ev)
	}
	if out := mustRun(t, "evidence", "-w", ws); !strings.Contains(out, "2 tautan, 1 berkas, 20,0 kB tersimpan") {
		t.Fatalf("evidence: %s", out)
	}
	out = mustRun(t, "history", "-w", ws, "1")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 5 || !strings.Contains(lines[1], "Rina  1    level: – → 3") ||
		!strings.Contains(lines[4], `bukti+: – → "perwal.pdf (`+sum+`)"`) {
		t.Fatalf("history:\n%s", out)
	}
	out = mustRun(t, "check", "-w", ws)
	if !strings.Contains(out, "2 jawaban") && !strings.Contains(out, "Berkas kerja utuh / workspace is intact.") {
		t.Fatalf("check:\n%s", out)
	}
	if !strings.Contains(out, "Berkas kerja utuh / workspace is intact.") || !strings.Contains(out, "1 berkas (20,0 kB) dibaca ulang") {
		t.Fatalf("check:\n%s", out)
	}
	if out := mustRun(t, "detach", "-w", ws, "--by", "Rina", "11", sum[:6]); out != "Dilepas / detached: "+sum+"  perwal.pdf dari indikator / from indicator 11\n" {
		t.Fatalf("detach: %q", out)
	}
	bak := filepath.Join(dir, "cadangan.swanilai")
	if out := mustRun(t, "backup", "-w", ws, "-o", bak); !strings.HasPrefix(out, "Cadangan ditulis / backup written: "+bak) {
		t.Fatalf("backup: %q", out)
	}
	if out := mustRun(t, "evidence", "-w", bak); !strings.Contains(out, "1 tautan, 1 berkas") {
		t.Fatalf("evidence of the backup: %s", out)
	}
}

func TestWorkspaceErrors(t *testing.T) {
	dir := t.TempDir()
	ws := initWorkspace(t, dir)
	empty := filepath.Join(dir, "kosong.pdf")
	os.WriteFile(empty, nil, 0o644)
	garbage := filepath.Join(dir, "sampah.swanilai")
	os.WriteFile(garbage, bytes.Repeat([]byte("sampah "), 10000), 0o644)
	good, _ := os.ReadFile(ws)
	truncated := filepath.Join(dir, "terpotong.swanilai")
	os.WriteFile(truncated, good[:len(good)/2], 0o644)
	bak := filepath.Join(dir, "ada.swanilai")
	os.WriteFile(bak, nil, 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"init", "-w", ws, "--role", "opd", "--instansi", "X", "--year", "2025"}, "file already exists"},
		{[]string{"init", "-w", filepath.Join(dir, "b"), "--role", "walikota", "--instansi", "X", "--year", "2025"}, "role must be opd or coordinator"},
		{[]string{"init", "-w", filepath.Join(dir, "b"), "--role", "opd", "--instansi", "X"}, "--year"},
		{[]string{"init", "-w", filepath.Join(dir, "b"), "--role", "opd", "--instansi", "X", "--year", "2025", "--instrument", "tidak-ada"}, "unknown instrument"},
		{[]string{"set", "-w", filepath.Join(dir, "tidak-ada.swanilai"), "1", "3"}, "workspace file does not exist"},
		{[]string{"set", "1", "3"}, "name the workspace file with -w"},
		{[]string{"set", "-w", ws, "48", "3"}, "is not an indicator of spbe-59-2020"},
		{[]string{"set", "-w", ws, "3", "7"}, "level out of range"},
		{[]string{"set", "-w", ws, "3", "tiga"}, "is not a number 1–5 or -"},
		{[]string{"set", "-w", ws, "3", "0"}, "use - to clear"},
		{[]string{"set", "-w", ws, "3", "2", "--sektor", "Perizinan"}, "indicator takes no sector service name"},
		{[]string{"attach", "-w", ws, "1", filepath.Join(dir, "tidak-ada.pdf")}, "file does not exist"},
		{[]string{"attach", "-w", ws, "1", dir}, "is a directory"},
		{[]string{"attach", "-w", ws, "1", empty}, "file is empty"},
		{[]string{"attach", "-w", ws, "1", empty, "--doc-date", "1/3/2022"}, "not a date as YYYY-MM-DD"},
		{[]string{"detach", "-w", ws, "1", "abcdef"}, "no such evidence"},
		{[]string{"evidence", "-w", garbage}, "not a Swanilai workspace"},
		{[]string{"check", "-w", truncated}, "workspace is damaged"},
		{[]string{"score", "-w", ws, "--answers", fixture("semua-3.csv")}, "not both"},
		{[]string{"score", "-w", ws, "--instrument", "spbe-59-2020"}, "own instrument"},
		{[]string{"backup", "-w", ws, "-o", bak}, "file already exists"},
		{[]string{"history", "-w", ws, "1", "2"}, "usage: swanilai history"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:1], " ")+" "+tt.want, func(t *testing.T) {
			code, out, errs := runCLI(t, "", tt.args...)
			if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tt.want) {
				t.Fatalf("exit %d, stdout %q, stderr %q (want %q)", code, out, errs, tt.want)
			}
		})
	}
	// A workspace open elsewhere.
	w, err := store.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	code, _, errs := runCLI(t, "", "set", "-w", ws, "1", "3")
	if code != 1 || !strings.Contains(errs, "workspace is already open") {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

func TestCheckReportsDamage(t *testing.T) {
	dir := t.TempDir()
	ws := initWorkspace(t, dir)
	data := bytes.Repeat([]byte("SK Tim Koordinasi SPBE nomor 800/45 "), 300)
	pdf := filepath.Join(dir, "sk.pdf")
	os.WriteFile(pdf, data, 0o644)
	mustRun(t, "attach", "-w", ws, "10", pdf)
	// Evidence bytes lie in the file as they are: change one of them.
	b, _ := os.ReadFile(ws)
	at := bytes.Index(b, data)
	if at < 0 || bytes.LastIndex(b, data) != at {
		t.Fatal("the evidence bytes are not in the file exactly once")
	}
	b[at+len(data)/2] ^= 0x20
	os.WriteFile(ws, b, 0o600)
	code, out, errs := runCLI(t, "", "check", "-w", ws)
	if code != 1 || !strings.Contains(out, "MASALAH / PROBLEM  bukti dukung / evidence") || !strings.Contains(out, "indikator 10 sk.pdf") ||
		!strings.Contains(errs, "1 masalah") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}

func TestInitFrom(t *testing.T) {
	dir := t.TempDir()
	old := initWorkspace(t, dir)
	mustRun(t, "set", "-w", old, "--by", "Rina", "12", "3", "--fakta", "Peta rencana (peta.pdf)")
	pdf := filepath.Join(dir, "peta.pdf")
	os.WriteFile(pdf, []byte("peta rencana SPBE 2023-2026"), 0o644)
	mustRun(t, "attach", "-w", old, "12", pdf)
	mustRun(t, "attach", "-w", old, "13", pdf)
	ws := filepath.Join(dir, "2026.swanilai")
	out := mustRun(t, "init", "-w", ws, "--role", "opd", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Diskominfo", "--year", "2026", "--from", old, "--by", "Budi")
	if !strings.Contains(out, "tahun 2026") || !strings.Contains(out, "Dibawa     1 jawaban (perlu dikonfirmasi ulang / to re-confirm), 2 tautan bukti dukung, 1 berkas, 27 B") ||
		!strings.Contains(out, "spbe-59-2020") {
		t.Fatalf("init --from:\n%s", out)
	}
	if out := mustRun(t, "check", "-w", ws); !strings.Contains(out, "indikator 12: Jawaban dibawa dari tahun lalu dan belum dikonfirmasi ulang.") {
		t.Fatalf("check:\n%s", out)
	}
	mustRun(t, "set", "-w", ws, "--by", "Budi", "12", "3")
	if out := mustRun(t, "check", "-w", ws); strings.Contains(out, "dikonfirmasi ulang") {
		t.Fatalf("still to re-confirm after set:\n%s", out)
	}
}

func TestWorkspaceCommandsHelp(t *testing.T) {
	for _, name := range []string{"init", "set", "attach", "detach", "evidence", "history", "check", "backup"} {
		code, out, errs := runCLI(t, "", name, "-h")
		if code != 0 || out != "" || !strings.HasPrefix(errs, "Pemakaian / usage: swanilai "+name+" ") || !strings.Contains(errs, "-w string") {
			t.Errorf("%s -h: exit %d\n%s", name, code, errs)
		}
	}
}

func TestSetExternalValue(t *testing.T) {
	f := filepath.Join(t.TempDir(), "pemdi.swanilai")
	if code, _, errs := runCLI(t, "", "init", "-w", f, "--role", "opd", "--instansi", "Pemerintah Kota Pekalongan", "--unit", "Bappeda", "--year", "2026", "--by", "R"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runCLI(t, "", "set", "-w", f, "5", "--eksternal", "68,75", "--sumber", "Hasil Evaluasi SDI 2025, Bappenas", "--tanggal", "2026-02-10", "--by", "R")
	if code != 0 || !strings.Contains(out, "tingkat 3,75 Sangat Baik (dari / from SDI 68,75)") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	// 1,75 is Cukup in Indeks Pemdi (1,50 < x ≤ 2,50), not level 1.
	if code, out, _ := runCLI(t, "", "set", "-w", f, "1", "1,75", "--by", "R"); code != 0 || !strings.Contains(out, "tingkat 1,75 Cukup") {
		t.Fatalf("%d %q", code, out)
	}
	if code, _, errs := runCLI(t, "", "set", "-w", f, "6", "--by", "R"); code != 1 || !strings.Contains(errs, "pemakaian / usage") {
		t.Fatalf("a level left out without --eksternal: %d %q", code, errs)
	}
	code, out, _ = runCLI(t, "", "score", "-w", f, "--json")
	if code != 0 || !strings.Contains(out, `"value": 68.75`) {
		t.Fatalf("score: %d\n%s", code, out)
	}
}
