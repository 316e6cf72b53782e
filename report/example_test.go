package report_test

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report"
)

// An OPD report is made from an assessment, here a new workspace with two
// answers, and the time it is generated.
func ExampleWriteOPD() {
	pack, err := model.BuiltinPack(model.DefaultPackID)
	if err != nil {
		panic(err)
	}
	a := &model.Assessment{
		Identity: model.Identity{ID: "6f1c2e0a-4b7d-4c3e-9a51-2d8e7f03b6c4", Instansi: "Pemerintah Kota Pekalongan",
			Unit: "Dinas Komunikasi dan Informatika", Year: 2025},
		Pack: pack,
		Answers: map[int]model.Answer{
			1:  {Indicator: 1, Value: 300, Fakta: "Peraturan Wali Kota Pekalongan Nomor 12 Tahun 2022 tentang Arsitektur SPBE."},
			11: {Indicator: 11, Value: 200},
		},
	}
	wib := time.FixedZone("WIB", 7*3600)
	var pdf bytes.Buffer
	err = report.WriteOPD(context.Background(), &pdf, a, report.Options{
		Generated: time.Date(2025, time.September, 26, 14, 5, 0, 0, wib),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(pdf.Bytes()[:8]))
	// Output: %PDF-1.3
}

// Without the time it is generated, no report is made.
func ExampleWriteOPD_noTime() {
	pack, _ := model.BuiltinPack(model.DefaultPackID)
	err := report.WriteOPD(context.Background(), &bytes.Buffer{}, &model.Assessment{Pack: pack}, report.Options{})
	fmt.Println(err)
	// Output: report: pilihan laporan tidak sah / invalid report options: waktu pembuatan kosong / no generation time
}
