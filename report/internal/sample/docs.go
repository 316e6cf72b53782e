package sample

import "github.com/swanilai/swanilai/model"

// doc is the main evidence document of one indicator in the sample city:
// the kind of file an OPD of a Kota in Central Java attaches.
type doc struct {
	file, title, no string
	date            model.Date
	// where names the article or chapter FAKTA points to.
	where string
}

func d(y int, m int, day int) model.Date { return model.Date{Year: y, Month: timeMonth(m), Day: day} }

// docs holds the main document of each of the 47 indicators.
var docs = map[int]doc{
	1:  {"1.a.Perwal-12-2022-Arsitektur-SPBE.pdf", "Peraturan Wali Kota Pekalongan tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik", "12 Tahun 2022", d(2022, 3, 14), "Pasal 4 sampai Pasal 9"},
	2:  {"2.a.Perwal-13-2022-Peta-Rencana-SPBE.pdf", "Peraturan Wali Kota Pekalongan tentang Peta Rencana SPBE Tahun 2022–2026", "13 Tahun 2022", d(2022, 3, 14), "Pasal 3 dan Lampiran"},
	3:  {"3.a.Perwal-27-2021-Satu-Data.pdf", "Peraturan Wali Kota Pekalongan tentang Penyelenggaraan “Satu Data Kota Pekalongan”", "27 Tahun 2021", d(2021, 7, 5), "Bab III Pasal 8–15"},
	4:  {"4.a.Perwal-08-2023-Pembangunan-Aplikasi.pdf", "Peraturan Wali Kota Pekalongan tentang Pedoman Pembangunan dan Pengembangan Aplikasi SPBE", "8 Tahun 2023", d(2023, 2, 20), "Pasal 5 ayat (2)"},
	5:  {"5.a.Perwal-09-2023-Pusat-Data.pdf", "Peraturan Wali Kota Pekalongan tentang Penyelenggaraan Pusat Data Daerah", "9 Tahun 2023", d(2023, 2, 20), "Pasal 6"},
	6:  {"6.a.Perwal-10-2023-Jaringan-Intra.pdf", "Peraturan Wali Kota Pekalongan tentang Jaringan Intra Pemerintah Kota Pekalongan", "10 Tahun 2023", d(2023, 2, 20), "Pasal 4 dan Pasal 7"},
	7:  {"7.a.Perwal-11-2023-SPLP.pdf", "Peraturan Wali Kota Pekalongan tentang Penggunaan Sistem Penghubung Layanan Pemerintah", "11 Tahun 2023", d(2023, 2, 20), "Pasal 3"},
	8:  {"8.a.Perwal-35-2022-SMKI.pdf", "Peraturan Wali Kota Pekalongan tentang Sistem Manajemen Keamanan Informasi", "35 Tahun 2022", d(2022, 9, 12), "Pasal 10 sampai Pasal 18"},
	9:  {"9.a.Perwal-36-2022-Audit-TIK.pdf", "Peraturan Wali Kota Pekalongan tentang Pedoman Audit Teknologi Informasi dan Komunikasi", "36 Tahun 2022", d(2022, 9, 12), "Pasal 4"},
	10: {"10.a.Kepwal-400.14-021-2024-Tim-Koordinasi.pdf", "Keputusan Wali Kota Pekalongan tentang Tim Koordinasi SPBE Kota Pekalongan", "400.14/021 Tahun 2024", d(2024, 1, 15), "Diktum KEDUA"},
	11: {"11.a.Dokumen-Arsitektur-SPBE-2023-2027.pdf", "Dokumen Arsitektur SPBE Kota Pekalongan Tahun 2023–2027 (hasil reviu 2024)", "Lampiran Perwal 12/2022", d(2024, 10, 1), "Bab II dan Bab IV"},
	12: {"12.a.Peta-Rencana-SPBE-2023-2027.pdf", "Dokumen Peta Rencana SPBE Kota Pekalongan Tahun 2023–2027", "Lampiran Perwal 13/2022", d(2024, 10, 1), "Bab III"},
	13: {"13.a.BA-Clearance-Belanja-TIK-2025.pdf", "Berita Acara Forum Clearance Belanja TIK Tahun Anggaran 2025", "000.8/214/2024", d(2024, 8, 20), "halaman 3–7"},
	14: {"14.a.Laporan-Inovasi-Proses-Bisnis-2024.pdf", "Laporan Inovasi Proses Bisnis Berbasis Elektronik Tahun 2024", "–", d(2025, 1, 30), "Bab II"},
	15: {"15.a.Laporan-Pembangunan-Aplikasi-2024.pdf", "Laporan Pembangunan dan Pengembangan Aplikasi SPBE Tahun 2024", "–", d(2025, 1, 27), "Lampiran 1"},
	16: {"16.a.Laporan-Operasional-Pusat-Data-S1-2025.pdf", "Laporan Operasional Pusat Data Daerah Semester I Tahun 2025", "–", d(2025, 7, 10), "Bab III"},
	17: {"17.a.Topologi-Jaringan-Intra-2025.pdf", "Topologi dan Laporan Kinerja Jaringan Intra Pemerintah Kota Pekalongan 2025", "–", d(2025, 6, 2), "halaman 4"},
	18: {"18.a.Laporan-Integrasi-SPLP-2025.pdf", "Laporan Integrasi Layanan melalui Sistem Penghubung Layanan Pemerintah 2025", "–", d(2025, 6, 16), "Tabel 2"},
	19: {"19.a.Notulen-Rapat-Tim-Koordinasi-SPBE.pdf", "Notulen Rapat Tim Koordinasi SPBE Kota Pekalongan", "005/117/2025", d(2025, 3, 12), "butir 3"},
	20: {"20.a.PKS-Pemanfaatan-Data-Kependudukan.pdf", "Perjanjian Kerja Sama Pemanfaatan Data Kependudukan dengan Ditjen Dukcapil", "470/112/2024", d(2024, 5, 8), "Pasal 2"},
	21: {"21.a.Register-Risiko-SPBE-2025.xlsx", "Register dan Profil Risiko SPBE Tahun 2025", "–", d(2025, 2, 3), "lembar Profil Risiko"},
	22: {"22.a.Laporan-SMKI-Indeks-KAMI-2024.pdf", "Laporan Penerapan SMKI dan Hasil Penilaian Indeks KAMI Tahun 2024", "–", d(2024, 12, 9), "Bab IV"},
	23: {"23.a.Daftar-Data-2025.pdf", "Keputusan Wali Kota tentang Daftar Data Kota Pekalongan Tahun 2025", "000.7/045 Tahun 2025", d(2025, 2, 11), "Lampiran"},
	24: {"24.a.Inventaris-Aset-TIK-2025.xlsx", "Inventaris Aset TIK Pemerintah Kota Pekalongan Tahun 2025", "–", d(2025, 4, 14), "seluruh lembar"},
	25: {"25.a.Laporan-Kompetensi-SDM-TIK-2024.pdf", "Laporan Pengembangan Kompetensi Sumber Daya Manusia TIK Tahun 2024", "–", d(2025, 1, 20), "Bab II"},
	26: {"26.a.Laporan-Manajemen-Pengetahuan-2024.pdf", "Laporan Pengelolaan Repositori Pengetahuan SPBE Tahun 2024", "–", d(2025, 1, 22), "Bab III"},
	27: {"27.a.Laporan-Manajemen-Perubahan-2024.pdf", "Rencana dan Laporan Manajemen Perubahan SPBE Tahun 2024", "–", d(2024, 12, 18), "Bab II"},
	28: {"28.a.Laporan-Service-Desk-2024.pdf", "Laporan Layanan Service Desk SPBE Tahun 2024", "–", d(2025, 1, 15), "Tabel 5"},
	29: {"29.a.LHA-Infrastruktur-SPBE-2024.pdf", "Laporan Hasil Audit Infrastruktur SPBE Tahun 2024", "700/31/LHA/2024", d(2024, 11, 25), "Bab III"},
	30: {"30.a.LHA-Aplikasi-SPBE-2024.pdf", "Laporan Hasil Audit Aplikasi SPBE Tahun 2024", "700/32/LHA/2024", d(2024, 11, 27), "Bab III"},
	31: {"31.a.LHA-Keamanan-SPBE-2024.pdf", "Laporan Hasil Audit Keamanan SPBE Tahun 2024", "700/33/LHA/2024", d(2024, 11, 29), "Bab III"},
	32: {"32.a.Laporan-e-Planning-2025.pdf", "Laporan Pemanfaatan SIPD Perencanaan Tahun 2025", "–", d(2025, 5, 6), "halaman 2"},
	33: {"33.a.Laporan-SIPD-Penganggaran-2025.pdf", "Laporan Pemanfaatan SIPD Penganggaran Tahun Anggaran 2025", "–", d(2025, 5, 6), "halaman 3"},
	34: {"34.a.Laporan-SIPD-Penatausahaan-2025.pdf", "Laporan Penatausahaan Keuangan Daerah melalui SIPD Tahun 2025", "–", d(2025, 5, 7), "Bab II"},
	35: {"35.a.Laporan-LPSE-2024.pdf", "Laporan Pengadaan Barang/Jasa secara Elektronik LPSE Kota Pekalongan 2024", "–", d(2025, 1, 31), "Tabel 1"},
	36: {"36.a.Laporan-SIMPEG-2024.pdf", "Laporan Pemanfaatan Sistem Informasi Manajemen Kepegawaian 2024", "–", d(2025, 2, 4), "Bab II"},
	37: {"37.a.Laporan-Srikandi-2024.pdf", "Laporan Implementasi Aplikasi Srikandi pada Perangkat Daerah 2024", "–", d(2025, 2, 5), "Lampiran"},
	38: {"38.a.Laporan-Pengelolaan-BMD-2024.pdf", "Laporan Pengelolaan Barang Milik Daerah Berbasis Elektronik 2024", "–", d(2025, 2, 10), "Bab III"},
	39: {"39.a.Laporan-e-Audit-Inspektorat-2024.pdf", "Laporan Penerapan Aplikasi Pengawasan Internal (e-Audit) Inspektorat 2024", "–", d(2025, 2, 12), "Bab II"},
	40: {"40.a.Laporan-e-SAKIP-2024.pdf", "Laporan Pemanfaatan e-SAKIP Kota Pekalongan 2024", "–", d(2025, 2, 14), "halaman 5"},
	41: {"41.a.Laporan-e-Kinerja-2024.pdf", "Laporan Penilaian Kinerja Pegawai melalui e-Kinerja 2024", "–", d(2025, 2, 17), "Bab II"},
	42: {"42.a.Laporan-SP4N-LAPOR-2024.pdf", "Laporan Pengelolaan Pengaduan Pelayanan Publik SP4N-LAPOR! Tahun 2024", "–", d(2025, 1, 9), "Tabel 3"},
	43: {"43.a.Laporan-Portal-Satu-Data-2024.pdf", "Laporan Pengelolaan Portal Data Terbuka Kota Pekalongan 2024", "–", d(2025, 1, 16), "Bab II"},
	44: {"44.a.Laporan-JDIH-2024.pdf", "Laporan Integrasi JDIH Kota Pekalongan dengan JDIHN Tahun 2024", "–", d(2025, 1, 21), "halaman 2"},
	45: {"45.a.Laporan-Perizinan-Berusaha-MPP.pdf", "Laporan Layanan Perizinan Berusaha pada Mal Pelayanan Publik 2024", "–", d(2025, 1, 28), "Bab III"},
	46: {"46.a.Laporan-Adminduk-Daring.pdf", "Laporan Layanan Administrasi Kependudukan Daring 2024", "–", d(2025, 1, 29), "Bab II"},
	47: {"47.a.Laporan-Pendaftaran-Online-RSUD.pdf", "Laporan Layanan Pendaftaran Pasien Daring RSUD Bendan 2024", "–", d(2025, 1, 30), "Bab II"},
}

// sectors names the public service of each Layanan Publik Sektor indicator.
var sectors = map[int]string{
	45: "Layanan Perizinan Berusaha (Mal Pelayanan Publik)",
	46: "Layanan Administrasi Kependudukan Daring",
	47: "Layanan Pendaftaran Pasien Daring RSUD Bendan",
}

// extraDocs are the supporting files an OPD adds beside the main document.
var extraDocs = []struct{ prefix, title string }{
	{"Notulen-Rapat-Pembahasan", "Notulen Rapat Pembahasan"},
	{"Undangan-dan-Daftar-Hadir", "Undangan dan Daftar Hadir Rapat"},
	{"Laporan-Monitoring-Evaluasi", "Laporan Monitoring dan Evaluasi"},
	{"Dokumentasi-Kegiatan", "Dokumentasi Kegiatan"},
}
