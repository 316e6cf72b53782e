package demo

import (
	"time"

	"github.com/swanilai/swanilai/model"
)

// demoDoc is one evidence document of the demo workspace.
type demoDoc struct {
	File, Title, DocNo string
	Date, Until        model.Date
	Level              int
	Body               []string
}

// demoAnswer is one answered indicator of the demo workspace.
type demoAnswer struct {
	No              int
	Level           int
	Sector          string
	Fakta, Analisis string
	Docs            []demoDoc
}

func d(y, m, day int) model.Date { return model.Date{Year: y, Month: time.Month(m), Day: day} }

// demoOfficials sign the demo's reports.
var demoOfficials = model.Officials{
	HeadName: "Drs. Hendra Gunawan, M.Si.", HeadNIP: "19720415 199803 1 004", HeadTitle: "Kepala Dinas Komunikasi dan Informatika",
	ResponsibleName: "Rina Wulandari, S.Kom.", ResponsibleNIP: "19860921 201001 2 007", ResponsibleTitle: "Kepala Bidang Aplikasi Informatika",
	Place: "Pekalongan",
}

// Regulations several indicators share: the demo links them more than
// once, which stores them once.
var (
	perwalArsitektur = demoDoc{File: "1.a.Perwal-12-2022-Arsitektur-SPBE.pdf", Title: "Peraturan Wali Kota Pekalongan tentang Arsitektur SPBE Kota Pekalongan", DocNo: "12 Tahun 2022", Date: d(2022, 3, 14), Level: 3,
		Body: []string{"Pasal 2: Arsitektur SPBE Kota Pekalongan terdiri atas referensi arsitektur dan domain arsitektur proses bisnis, data dan informasi, infrastruktur SPBE, aplikasi SPBE, keamanan SPBE dan layanan SPBE.", "Pasal 5: Arsitektur SPBE menjadi pedoman bagi seluruh perangkat daerah dalam menerapkan SPBE."}}
	perwalInfrastruktur = demoDoc{File: "5.a.Perwal-22-2021-Infrastruktur-SPBE.pdf", Title: "Peraturan Wali Kota Pekalongan tentang Pusat Data dan Jaringan Intra Pemerintah Daerah", DocNo: "22 Tahun 2021", Date: d(2021, 8, 2), Level: 2,
		Body: []string{"Pasal 4: Pusat data Pemerintah Kota Pekalongan dikelola oleh Dinas Komunikasi dan Informatika.", "Pasal 9: Jaringan intra menghubungkan seluruh perangkat daerah melalui jaringan tertutup."}}
	skTim = demoDoc{File: "10.a.Kepwal-100-2024-Tim-Koordinasi-SPBE.pdf", Title: "Keputusan Wali Kota Pekalongan tentang Tim Koordinasi SPBE", DocNo: "100.3.3.2/123 Tahun 2024", Date: d(2024, 1, 22), Level: 4,
		Body: []string{"Menetapkan susunan Tim Koordinasi SPBE Kota Pekalongan dengan Sekretaris Daerah sebagai ketua.", "Tim melakukan reviu dan evaluasi penerapan SPBE setiap tahun."}}
)

var demoAnswers = []demoAnswer{
	{No: 1, Level: 3, Docs: []demoDoc{perwalArsitektur},
		Fakta:    "Kebijakan internal terkait Arsitektur SPBE tercantum dalam Peraturan Wali Kota Pekalongan Nomor 12 Tahun 2022 tentang Arsitektur SPBE Kota Pekalongan, yaitu pada Pasal 2 dan Pasal 5 halaman 3–5, yang disampaikan pada data dukung 1.a.Perwal-12-2022-Arsitektur-SPBE.pdf.",
		Analisis: "Berdasarkan pasal tersebut pengaturan telah mencakup seluruh referensi dan domain arsitektur SPBE sebagai pedoman bagi semua perangkat daerah, sehingga memenuhi kriteria tingkat 3 (Terdefinisi)."},
	{No: 2, Level: 3, Docs: []demoDoc{{File: "2.a.Perwal-13-2022-Peta-Rencana-SPBE.pdf", Title: "Peraturan Wali Kota Pekalongan tentang Peta Rencana SPBE", DocNo: "13 Tahun 2022", Date: d(2022, 3, 14), Level: 3, Body: []string{"Pasal 3: Peta rencana SPBE memuat program dan kegiatan SPBE tahun 2022–2026 bagi seluruh perangkat daerah."}}},
		Fakta:    "Kebijakan internal terkait Peta Rencana SPBE tercantum dalam Peraturan Wali Kota Pekalongan Nomor 13 Tahun 2022, Pasal 3 halaman 2, pada data dukung 2.a.Perwal-13-2022-Peta-Rencana-SPBE.pdf.",
		Analisis: "Pengaturan telah mencakup program dan kegiatan SPBE seluruh perangkat daerah, memenuhi kriteria tingkat 3."},
	{No: 3, Level: 2, Docs: []demoDoc{{File: "3.a.Perwal-7-2021-Satu-Data.pdf", Title: "Peraturan Wali Kota Pekalongan tentang Satu Data Kota Pekalongan", DocNo: "7 Tahun 2021", Date: d(2021, 4, 12), Level: 2, Body: []string{"Pasal 6: Penyelenggaraan Satu Data dilaksanakan oleh walidata dan produsen data."}}},
		Fakta:    "Kebijakan internal terkait Manajemen Data tercantum dalam Peraturan Wali Kota Pekalongan Nomor 7 Tahun 2021 tentang Satu Data, Pasal 6, pada data dukung 3.a.Perwal-7-2021-Satu-Data.pdf.",
		Analisis: "Kebijakan telah ditetapkan, namun baru mengatur sebagian proses manajemen data; memenuhi kriteria tingkat 2."},
	{No: 4, Level: 3, Docs: []demoDoc{{File: "4.a.Perwal-21-2021-Pembangunan-Aplikasi.pdf", Title: "Peraturan Wali Kota Pekalongan tentang Pembangunan Aplikasi SPBE", DocNo: "21 Tahun 2021", Date: d(2021, 8, 2), Level: 3, Body: []string{"Pasal 4: Pembangunan aplikasi SPBE oleh perangkat daerah dikoordinasikan oleh Dinas Komunikasi dan Informatika."}}},
		Fakta:    "Kebijakan internal terkait Pembangunan Aplikasi SPBE tercantum dalam Peraturan Wali Kota Pekalongan Nomor 21 Tahun 2021, Pasal 4, pada data dukung 4.a.Perwal-21-2021-Pembangunan-Aplikasi.pdf.",
		Analisis: "Pengaturan berlaku bagi semua perangkat daerah dan memuat siklus pembangunan aplikasi; memenuhi kriteria tingkat 3."},
	{No: 5, Level: 2, Docs: []demoDoc{perwalInfrastruktur},
		Fakta:    "Kebijakan internal terkait Layanan Pusat Data tercantum dalam Peraturan Wali Kota Pekalongan Nomor 22 Tahun 2021, Pasal 4, pada data dukung 5.a.Perwal-22-2021-Infrastruktur-SPBE.pdf.",
		Analisis: "Kebijakan telah ditetapkan namun belum mengatur standar layanan pusat data bagi semua unit; memenuhi kriteria tingkat 2."},
	{No: 6, Level: 3, Docs: []demoDoc{perwalInfrastruktur},
		Fakta:    "Kebijakan internal terkait Layanan Jaringan Intra tercantum dalam Peraturan Wali Kota Pekalongan Nomor 22 Tahun 2021, Pasal 9, pada data dukung 5.a.Perwal-22-2021-Infrastruktur-SPBE.pdf.",
		Analisis: "Pengaturan jaringan intra berlaku bagi seluruh perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 8, Level: 3, Docs: []demoDoc{{File: "8.a.Perwal-30-2022-Keamanan-Informasi.pdf", Title: "Peraturan Wali Kota Pekalongan tentang Manajemen Keamanan Informasi SPBE", DocNo: "30 Tahun 2022", Date: d(2022, 10, 3), Level: 3, Body: []string{"Pasal 7: Setiap perangkat daerah menerapkan standar keamanan informasi sesuai pedoman yang ditetapkan."}}},
		Fakta:    "Kebijakan internal terkait Manajemen Keamanan Informasi tercantum dalam Peraturan Wali Kota Pekalongan Nomor 30 Tahun 2022, Pasal 7, pada data dukung 8.a.Perwal-30-2022-Keamanan-Informasi.pdf.",
		Analisis: "Pengaturan berlaku bagi semua perangkat daerah sebagai pedoman baku; memenuhi kriteria tingkat 3."},
	{No: 10, Level: 4, Docs: []demoDoc{skTim},
		Fakta:    "Kebijakan internal terkait Tim Koordinasi SPBE tercantum dalam Keputusan Wali Kota Pekalongan Nomor 100.3.3.2/123 Tahun 2024, diktum KEDUA, pada data dukung 10.a.Kepwal-100-2024-Tim-Koordinasi-SPBE.pdf.",
		Analisis: "Keputusan mengatur keterpaduan antar perangkat daerah dan reviu tahunan; memenuhi kriteria tingkat 4."},
	{No: 11, Level: 3, Docs: []demoDoc{perwalArsitektur, {File: "11.b.Dokumen-Arsitektur-SPBE-2022-2026.pdf", Title: "Dokumen Arsitektur SPBE Kota Pekalongan 2022–2026", DocNo: "Lampiran Perwal 12 Tahun 2022", Date: d(2022, 3, 14), Level: 3, Body: []string{"Bab III memuat arsitektur proses bisnis, data, aplikasi, infrastruktur, keamanan dan layanan SPBE."}}},
		Fakta:    "Penerapan Arsitektur SPBE telah terdokumentasikan pada data dukung 11.b.Dokumen-Arsitektur-SPBE-2022-2026.pdf, yaitu pada Bab III halaman 12–40 yang menguraikan seluruh domain arsitektur.",
		Analisis: "Dokumen mencakup seluruh referensi dan domain arsitektur dan menjadi acuan semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 12, Level: 3, Docs: []demoDoc{{File: "12.a.Dokumen-Peta-Rencana-SPBE.pdf", Title: "Dokumen Peta Rencana SPBE Kota Pekalongan 2022–2026", DocNo: "Lampiran Perwal 13 Tahun 2022", Date: d(2022, 3, 14), Level: 3, Body: []string{"Bab IV memuat rencana aksi SPBE per tahun untuk seluruh perangkat daerah."}}},
		Fakta:    "Penerapan Peta Rencana SPBE telah terdokumentasikan pada data dukung 12.a.Dokumen-Peta-Rencana-SPBE.pdf, yaitu pada Bab IV halaman 20–31.",
		Analisis: "Peta rencana memuat rencana aksi seluruh perangkat daerah sesuai pedoman; memenuhi kriteria tingkat 3."},
	{No: 13, Level: 2,
		Fakta:    "Penerapan keterpaduan rencana dan anggaran SPBE dilakukan melalui Forum Perangkat Daerah bidang Kominfo.",
		Analisis: "Keterpaduan baru berjalan pada sebagian perangkat daerah; memenuhi kriteria tingkat 2."},
	{No: 14, Level: 3, Docs: []demoDoc{{File: "14.a.Laporan-Inovasi-Proses-Bisnis-2024.pdf", Title: "Laporan Inovasi Proses Bisnis Berbasis Elektronik 2024", DocNo: "400.10/1052", Date: d(2024, 12, 16), Level: 3, Body: []string{"Laporan memuat 12 inovasi proses bisnis pada 9 perangkat daerah."}}},
		Fakta:    "Penerapan Inovasi Proses Bisnis SPBE telah terdokumentasikan pada data dukung 14.a.Laporan-Inovasi-Proses-Bisnis-2024.pdf, halaman 4–15.",
		Analisis: "Inovasi proses bisnis dilaksanakan sesuai pedoman di semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 15, Level: 3, Docs: []demoDoc{{File: "15.a.Katalog-Aplikasi-2025.pdf", Title: "Katalog Aplikasi SPBE Kota Pekalongan 2025", Date: d(2025, 2, 10), Level: 3, Body: []string{"Katalog mencatat 64 aplikasi umum dan khusus beserta pemiliknya."}}},
		Fakta:    "Penerapan Pembangunan Aplikasi SPBE telah terdokumentasikan pada data dukung 15.a.Katalog-Aplikasi-2025.pdf, yaitu pada lampiran daftar aplikasi.",
		Analisis: "Pembangunan aplikasi mengikuti pedoman dan tercatat untuk semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 16, Level: 4, Docs: []demoDoc{{File: "16.a.Laporan-Pusat-Data-2023.pdf", Title: "Laporan Reviu Pengelolaan Pusat Data", DocNo: "555/0871", Date: d(2023, 7, 3), Level: 4, Body: []string{"Reviu tahunan ketersediaan layanan pusat data: 99,2 % dalam 12 bulan."}}},
		Fakta:    "Penerapan Layanan Pusat Data telah terdokumentasikan pada data dukung 16.a.Laporan-Pusat-Data-2023.pdf, halaman 2–9 tentang reviu ketersediaan layanan.",
		Analisis: "Layanan pusat data dipakai terpadu oleh seluruh perangkat daerah dan kinerjanya direviu; memenuhi kriteria tingkat 4."},
	{No: 17, Level: 3, Docs: []demoDoc{{File: "17.a.Topologi-Jaringan-Intra-2025.pdf", Title: "Topologi Jaringan Intra Pemerintah Kota Pekalongan", Date: d(2025, 1, 20), Level: 3, Body: []string{"Jaringan intra menghubungkan 42 perangkat daerah dan 27 kelurahan."}}},
		Fakta:    "Penerapan Layanan Jaringan Intra telah terdokumentasikan pada data dukung 17.a.Topologi-Jaringan-Intra-2025.pdf.",
		Analisis: "Jaringan intra digunakan oleh semua perangkat daerah sesuai standar; memenuhi kriteria tingkat 3."},
	{No: 19, Level: 3, Docs: []demoDoc{skTim, {File: "19.b.Notulen-Rapat-Tim-SPBE-2025.pdf", Title: "Notulen Rapat Tim Koordinasi SPBE", DocNo: "005/312", Date: d(2025, 5, 8), Level: 3, Body: []string{"Rapat membahas evaluasi SPBE 2024 dan persiapan penilaian mandiri 2025."}}},
		Fakta:    "Pelaksanaan Tim Koordinasi SPBE telah terdokumentasikan pada data dukung 19.b.Notulen-Rapat-Tim-SPBE-2025.pdf yang menguraikan rapat koordinasi 8 Mei 2025.",
		Analisis: "Tim koordinasi bekerja sesuai pedoman dengan melibatkan semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 21, Level: 2, Docs: []demoDoc{{File: "21.a.Dokumen-Manajemen-Risiko-SPBE.pdf", Title: "Dokumen Manajemen Risiko SPBE Diskominfo", Date: d(2024, 9, 2), Level: 2, Body: []string{"Daftar risiko SPBE dan rencana penanganannya pada Dinas Komunikasi dan Informatika."}}},
		Fakta:    "Penerapan Manajemen Risiko SPBE telah terdokumentasikan pada data dukung 21.a.Dokumen-Manajemen-Risiko-SPBE.pdf.",
		Analisis: "Manajemen risiko baru diterapkan pada sebagian unit kerja; memenuhi kriteria tingkat 2."},
	{No: 22, Level: 3, Docs: []demoDoc{{File: "22.a.Laporan-Keamanan-Informasi.pdf", Title: "Laporan Penerapan Keamanan Informasi", DocNo: "555/0412", Date: d(2024, 6, 28), Until: d(2025, 6, 30), Level: 3, Body: []string{"Laporan indeks KAMI dan tindak lanjut temuan keamanan informasi."}}},
		Fakta:    "Penerapan Manajemen Keamanan Informasi telah terdokumentasikan pada data dukung 22.a.Laporan-Keamanan-Informasi.pdf.",
		Analisis: "Keamanan informasi diterapkan sesuai pedoman pada semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 24, Level: 3, Docs: []demoDoc{{File: "24.a.Daftar-Aset-TIK-2025.pdf", Title: "Daftar Aset TIK Pemerintah Kota Pekalongan", Date: d(2025, 3, 3), Level: 3, Body: []string{"Inventaris perangkat keras, perangkat lunak dan lisensi per perangkat daerah."}}},
		Fakta:    "Penerapan Manajemen Aset TIK telah terdokumentasikan pada data dukung 24.a.Daftar-Aset-TIK-2025.pdf.",
		Analisis: "Pengelolaan aset TIK mengikuti pedoman di semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 28, Level: 3, Docs: []demoDoc{{File: "28.a.SOP-Manajemen-Layanan-SPBE.pdf", Title: "SOP Manajemen Layanan SPBE", DocNo: "800/066", Date: d(2024, 11, 18), Level: 3, Body: []string{"Prosedur penanganan permintaan dan gangguan layanan SPBE melalui layanan bantuan."}}},
		Fakta:    "Penerapan Manajemen Layanan SPBE telah terdokumentasikan pada data dukung 28.a.SOP-Manajemen-Layanan-SPBE.pdf.",
		Analisis: "Manajemen layanan dilaksanakan sesuai SOP di semua perangkat daerah; memenuhi kriteria tingkat 3."},
	{No: 29, Level: 2, Docs: []demoDoc{{File: "29.a.Laporan-Audit-Infrastruktur-2024.pdf", Title: "Laporan Audit Infrastruktur SPBE", DocNo: "700/221", Date: d(2024, 10, 7), Level: 2, Body: []string{"Audit infrastruktur pusat data dan jaringan intra oleh auditor internal."}}},
		Fakta:    "Pelaksanaan Audit Infrastruktur SPBE telah terdokumentasikan pada data dukung 29.a.Laporan-Audit-Infrastruktur-2024.pdf.",
		Analisis: "Audit infrastruktur dilakukan pada sebagian infrastruktur; memenuhi kriteria tingkat 2."},
	{No: 42, Level: 4, Docs: []demoDoc{{File: "42.a.Tangkapan-Layar-SP4N-LAPOR.png.pdf", Title: "Tangkapan layar integrasi SP4N-LAPOR!", Date: d(2025, 4, 14), Level: 4, Body: []string{"Pengaduan dari kanal kota diteruskan ke SP4N-LAPOR! dan status tindak lanjut tampil di kedua sistem."}}},
		Fakta:    "Layanan Pengaduan Pelayanan Publik sudah diterapkan oleh Dinas Komunikasi dan Informatika pada lingkup seluruh perangkat daerah dengan nama aplikasi SP4N-LAPOR! yang dibuktikan berupa tangkapan layar pada data dukung 42.a.Tangkapan-Layar-SP4N-LAPOR.png.pdf.",
		Analisis: "Berdasarkan kemampuan aplikasi tersebut, layanan telah terintegrasi dengan SP4N-LAPOR! nasional sehingga telah menggambarkan kapabilitas fungsi teknis kolaborasi."},
	{No: 43, Level: 3, Docs: []demoDoc{{File: "43.a.Portal-Satu-Data.pdf", Title: "Portal Satu Data Kota Pekalongan", Date: d(2025, 2, 3), Level: 3, Body: []string{"Portal data.pekalongankota.go.id menyediakan 1.240 dataset yang dapat diunduh."}}},
		Fakta:    "Layanan Data Terbuka sudah diterapkan oleh Dinas Komunikasi dan Informatika dengan nama aplikasi Portal Satu Data yang dibuktikan berupa tautan dan tangkapan layar pada data dukung 43.a.Portal-Satu-Data.pdf.",
		Analisis: "Berdasarkan kemampuan aplikasi tersebut, layanan memiliki kemampuan unduh, pencarian dan permintaan data sehingga telah menggambarkan kapabilitas fungsi teknis transaksi."},
	{No: 44, Level: 4, Docs: []demoDoc{{File: "44.a.JDIH-Terintegrasi-JDIHN.pdf", Title: "JDIH Kota Pekalongan terintegrasi JDIHN", Date: d(2025, 1, 13), Level: 4, Body: []string{"Dokumen hukum daerah tersinkron otomatis ke JDIHN melalui API."}}},
		Fakta:    "Jaringan Dokumentasi dan Informasi Hukum sudah diterapkan oleh Bagian Hukum Setda dengan nama layanan JDIH Kota Pekalongan yang dibuktikan berupa tangkapan layar integrasi pada data dukung 44.a.JDIH-Terintegrasi-JDIHN.pdf.",
		Analisis: "Berdasarkan kemampuan aplikasi tersebut, layanan telah terintegrasi dengan JDIHN sehingga telah menggambarkan kapabilitas fungsi teknis kolaborasi."},
	{No: 45, Level: 3, Sector: "Layanan Perizinan Berusaha (Mal Pelayanan Publik)", Docs: []demoDoc{{File: "45.a.Aplikasi-Perizinan-MPP.pdf", Title: "Aplikasi Perizinan Mal Pelayanan Publik", Date: d(2025, 3, 17), Level: 3, Body: []string{"Permohonan izin diajukan, diverifikasi, dibayar dan diterbitkan secara elektronik."}}},
		Fakta:    "Layanan Publik Sektor Perizinan Berusaha sudah diterapkan oleh DPMPTSP dengan nama aplikasi SiMPP yang dibuktikan berupa video dan tangkapan layar pada data dukung 45.a.Aplikasi-Perizinan-MPP.pdf.",
		Analisis: "Berdasarkan kemampuan aplikasi tersebut, layanan memiliki kemampuan pengajuan, verifikasi, pembayaran dan penerbitan izin elektronik sehingga telah menggambarkan kapabilitas fungsi teknis transaksi."},
}
