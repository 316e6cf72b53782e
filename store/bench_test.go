package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/swanilai/swanilai/model"
)

// BenchmarkOpen opens a full OPD workspace — 47 answers with their
// penjelasan, 500 evidence files of 20 KiB to 200 KiB — and reads the whole
// assessment, as the window does when it starts. The parsed pack cache is
// emptied each time, so every open parses the stored instrument as the
// first open in a new process does.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "penuh.swanilai")
	w, err := Create(path, testOptions(b))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Dokumen Peraturan Wali Kota Nomor 12 Tahun 2022 tentang Arsitektur SPBE. ", 8)
	for no := 1; no <= 47; no++ {
		u := AnswerUpdate{Value: ptr(model.Hundredths(100 * (no%5 + 1))), Fakta: &text, Analisis: &text}
		if _, err := w.UpdateAnswer("Rina", no, u); err != nil {
			b.Fatal(err)
		}
	}
	var bytes int64
	for i := range 500 {
		data := randomBytes(uint64(i), 20<<10+(i*7919)%(180<<10))
		bytes += int64(len(data))
		if _, _, err := w.AttachReader(b.Context(), "Rina", i%47+1, fmt.Sprintf("bukti-%03d.pdf", i), strings.NewReader(string(data)), EvidenceMeta{Title: "Bukti"}, nil); err != nil {
			b.Fatal(err)
		}
	}
	w.Close()
	b.Logf("workspace: 47 answers, 500 files, %s of evidence", model.SizeText(bytes))
	for b.Loop() {
		packs.Clear()
		w, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		a, err := w.Assessment()
		if err != nil || len(a.Answers) != 47 || len(a.Evidence) != 500 {
			b.Fatal(err)
		}
		w.Close()
	}
}

// BenchmarkAttach attaches a 64 MiB file (and detaches it again, untimed).
func BenchmarkAttach(b *testing.B) {
	w := newTestWorkspace(b)
	const size = 64 << 20
	path := writeFile(b, b.TempDir(), "pindaian.pdf", randomBytes(1, size))
	b.SetBytes(size)
	for b.Loop() {
		ev, _, err := w.Attach(b.Context(), "Rina", 1, path, EvidenceMeta{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := w.Detach("Rina", 1, ev.SHA256); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
