package cli

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/swanilai/swanilai/assets"
	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/store"
)

// BenchmarkStatus60 measures what the coordinator's status view reads: the
// status of 60 OPDs and the OPD × indicator matrix (Status, cellsOf). Each
// OPD has five indicators assigned and an imported submission answering
// them with 2 000-character penjelasan edited four times, three evidence
// files each, and the history of it all. Budget: 200 ms.
func BenchmarkStatus60(b *testing.B) {
	dir := b.TempDir()
	p, err := model.BuiltinPack(model.DefaultPackID)
	if err != nil {
		b.Fatal(err)
	}
	c, err := store.Create(filepath.Join(dir, "kota.swanilai"), store.CreateOptions{Role: model.RoleCoordinator,
		Instansi: "Pemerintah Kota Pekalongan", Unit: "Tim Asesor Internal", Year: 2025, Pack: p, By: "Sari"})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	text := strings.Repeat("Dokumen kebijakan dan bukti pelaksanaan (bukti.pdf). ", 40)[:2000]
	for i := range 60 {
		unit := fmt.Sprintf("OPD Nomor %d", i+1)
		code := fmt.Sprintf("OPD-%d", i+1)
		if err := c.PutOPD("Sari", model.OPD{Code: code, Name: unit}); err != nil {
			b.Fatal(err)
		}
		o, err := store.Create(filepath.Join(dir, code+".swanilai"), store.CreateOptions{Role: model.RoleOPD,
			Instansi: "Pemerintah Kota Pekalongan", Unit: unit, Year: 2025, Pack: p, By: "Andi"})
		if err != nil {
			b.Fatal(err)
		}
		for k := range 5 {
			no := (i*5+k)%47 + 1
			if err := c.SetAssigned("Sari", code, no, true); err != nil {
				b.Fatal(err)
			}
			for edit := range 4 {
				v := model.Hundredths(100 * (1 + (k+edit)%5))
				fakta, analisis := fmt.Sprintf("%d %s", edit, text), text
				if _, err := o.UpdateAnswer("Andi", no, store.AnswerUpdate{Value: &v, Fakta: &fakta, Analisis: &analisis}); err != nil {
					b.Fatal(err)
				}
			}
			for f := range 3 {
				data := []byte(fmt.Sprintf("bukti %d %d %d %s", i, no, f, text))
				if _, _, err := o.AttachReader(b.Context(), "Andi", no, fmt.Sprintf("bukti-%d.pdf", f), bytes.NewReader(data), store.EvidenceMeta{}, nil); err != nil {
					b.Fatal(err)
				}
			}
		}
		s, err := o.BeginExport()
		if err != nil {
			b.Fatal(err)
		}
		s.BundleID, s.Created, s.AppVersion = uuid.NewString(), time.Now().UTC().Truncate(time.Second), assets.Version
		if _, err := c.Import(b.Context(), s, store.ImportOptions{By: "Sari", Open: o.OpenEvidence}); err != nil {
			b.Fatal(err)
		}
		o.Close()
	}
	today := model.Date{Year: 2025, Month: 10, Day: 1}
	for b.Loop() {
		status, err := c.Status(today)
		if err != nil || len(status) != 60 || status[0].State != model.OPDSubmitted {
			b.Fatalf("%v", err)
		}
		for _, s := range status {
			if cells := cellsOf(s); len(cells) != 5 || cells[s.Assigned[0]] != report.WithEvidence {
				b.Fatalf("cells %v", cells)
			}
		}
	}
}
