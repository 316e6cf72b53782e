package bundle_test

import (
	"context"
	"fmt"
	"os"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/report/bundle"
)

// A coordinator checks a bundle an OPD sent: first the signature and the
// manifest, then every file.
func ExampleOpen() {
	f, err := os.Open("testdata/hostile/valid-2.zip")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	st, _ := f.Stat()
	rd, err := bundle.Open(f, st.Size(), bundle.OpenOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	m := rd.Manifest()
	fmt.Printf("%s, %s: revisi %d\n", m.Sender.Unit, m.Sender.Instansi, m.Revision)
	fmt.Println("sidik kunci:", rd.Key().Fingerprint())
	s, err := rd.Verify(context.Background(), nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	sum := bundle.Summarize(s, model.Date{Year: 2025, Month: 9, Day: 20})
	fmt.Printf("%d tautan bukti dukung, %d berkas, %d entri riwayat\n", sum.Links, sum.Files, sum.History)
	// Output:
	// Dinas Komunikasi dan Informatika, Pemerintah Kota Contoh: revisi 2
	// sidik kunci: 2498 5083 6375 1282 0494 7281
	// 4 tautan bukti dukung, 3 berkas, 3 entri riwayat
}

// The fingerprint of a minisign public key, to read aloud over the phone.
func ExampleParsePublicKey() {
	k, err := bundle.ParsePublicKey([]byte("RWS7RgNyQIUv5FGpD0DManXMUb2aUxHa1tET9TE2+Q0aKvZzkdUagJpv"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(k.IDText())
	fmt.Println(k.Fingerprint())
	// Output:
	// E42F8540720346BB
	// 2498 5083 6375 1282 0494 7281
}
