package model

import (
	"strings"
)

// Blank marks a part of a penjelasan template the user still has to fill.
const (
	BlankOpen  = "<<"
	BlankClose = ">>"
)

// PenjelasanTemplate returns the official sentence patterns for the FAKTA
// and ANALISIS of an indicator (Pedoman MenPANRB 3/2024 Bab III.B, "Kaidah
// Penulisan Penjelasan Penilaian Mandiri"): one for internal policy
// indicators, one for the application of governance and management, one
// for services. The parts it knows are filled in: the indicator's
// substance, the unit, the chosen level's capability for services and the
// evidence file names; the rest stays as <<…>> blanks.
func PenjelasanTemplate(p *Pack, ind *Indicator, level int, unit string, files []string) (fakta, analisis string) {
	file := blank("Nama File")
	if len(files) > 0 {
		file = strings.Join(files, ", ")
	}
	subject := ind.ShortName
	switch {
	case p.ScaleOf(ind) != nil && p.ScaleOf(ind).ID == "layanan":
		if unit == "" {
			unit = blank("unit kerja/OPD")
		}
		capability := blank("informasi/interaksi/transaksi/kolaborasi/optimum")
		if name := p.LevelName(ind, level); name != "" {
			capability = strings.ToLower(name)
		}
		fakta = subject + " sudah diterapkan oleh " + unit + " pada lingkup " + blank("lingkup layanan") +
			" dengan nama aplikasi/layanan " + blank("nama aplikasi") + " yang dibuktikan berupa " +
			blank("screenshot/manual book/video/tautan") + " pada data dukung " + file + "."
		analisis = "Berdasarkan kemampuan aplikasi tersebut, layanan telah memiliki kemampuan " +
			blank("fitur teknis: unduh, unggah, persetujuan, integrasi basis data, …") +
			" sehingga telah menggambarkan kapabilitas fungsi teknis " + capability + "."
	case strings.HasPrefix(subject, "Kebijakan Internal "):
		fakta = "Kebijakan internal terkait " + strings.TrimPrefix(subject, "Kebijakan Internal ") + " tercantum dalam " +
			blank("Nama Dokumen Kebijakan") + " " + blank("Nomor … Tahun 20…") + " tentang " + blank("judul") +
			", yaitu pada pasal " + blank("…") + " halaman " + blank("…") + " yang disampaikan pada data dukung " + file + "."
		analisis = "Berdasarkan norma/pasal tersebut pengaturan telah mencakup " + blank("uraian pemenuhan kriteria tingkat kematangan") + "."
	default:
		for _, prefix := range []string{"Penerapan ", "Pelaksanaan "} {
			subject = strings.TrimPrefix(subject, prefix)
		}
		fakta = "Penerapan/pelaksanaan " + subject + " telah terdokumentasikan pada data dukung " + file +
			", yaitu pada bab/halaman " + blank("…") + " yang menguraikan tentang " + blank("isi dokumen") + "."
		analisis = "Berdasarkan dokumentasi tersebut menunjukkan telah memenuhi " + blank("uraian pemenuhan kriteria tingkat kematangan") + "."
	}
	return fakta, analisis
}

func blank(what string) string { return BlankOpen + what + BlankClose }
