package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/swanilai/swanilai/model"
	"github.com/swanilai/swanilai/roundtrip"
	"github.com/swanilai/swanilai/store"
)

// demoOPD is one OPD of the coordinator's demo: what it is assigned, and
// how far it got.
type demoOPD struct {
	Code, Name, Contact string
	Assigned            []int
	// Revisions is how many submissions it sent: 0 (none yet, overdue by
	// the demo year's timeline), 1 or 2.
	Revisions int
	// Answers are its own answers where they differ from demoAnswers or
	// demoExtraAnswers; Revised holds what revision 2 changes.
	Answers, Revised []demoAnswer
	// Skip lists assigned indicators it leaves unanswered.
	Skip []int
	// Review holds the coordinator's decisions on revision 1, sent back
	// before the OPD makes revision 2.
	Review []model.Decision
}

// demoCoordinatorOfficials sign the coordinator's recap.
var demoCoordinatorOfficials = model.Officials{
	HeadName: "Ir. Bambang Sutejo, M.T.", HeadNIP: "19700312 199503 1 002", HeadTitle: "Sekretaris Daerah Kota Pekalongan",
	ResponsibleName: "Drs. Hendra Gunawan, M.Si.", ResponsibleNIP: "19720415 199803 1 004", ResponsibleTitle: "Kepala Dinas Komunikasi dan Informatika selaku Ketua Tim Asesor Internal",
	Place: "Pekalongan",
}

// demoTrend are the Pemda's results of the years before the demo's.
var demoTrend = []model.YearResult{{Year: 2022, Index: 241}, {Year: 2023, Index: 278}, {Year: 2024, Index: 305}}

// demoOPDs is the Pemda of the coordinator's demo: twelve OPDs sharing the
// 47 indicators, eight of which sent their submission (Bappeda twice), two
// of them answering indicator 14 differently.
var demoOPDs = []demoOPD{
	{Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika", Contact: "Rina Wulandari, 0812-2650-1144",
		Assigned:  []int{1, 3, 4, 5, 6, 7, 8, 10, 11, 15, 16, 17, 18, 19, 20, 22, 23, 24, 28, 29, 30, 31, 42, 43},
		Revisions: 1, Skip: []int{30, 31}},
	{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah", Contact: "Agus Prasetyo, 0813-2911-0420",
		Assigned: []int{2, 12, 13, 14, 32}, Revisions: 2,
		Revised: []demoAnswer{{No: 13, Level: 3,
			Fakta:    "Keterpaduan rencana dan anggaran SPBE ditetapkan melalui Keputusan Kepala Bappeda Nomor 050/112 Tahun 2025 tentang Reviu Keterpaduan Rencana dan Anggaran SPBE, halaman 2–6, pada data dukung 13.b.Kep-Bappeda-050-112-2025.pdf.",
			Analisis: "Reviu keterpaduan kini dilakukan untuk seluruh perangkat daerah dengan format baku, sehingga memenuhi kriteria tingkat 3 (Terdefinisi).",
			Docs: []demoDoc{{File: "13.b.Kep-Bappeda-050-112-2025.pdf", Title: "Keputusan Kepala Bappeda tentang Reviu Keterpaduan Rencana dan Anggaran SPBE", DocNo: "050/112 Tahun 2025", Date: d(2025, 7, 21), Level: 3,
				Body: []string{"Reviu keterpaduan rencana dan anggaran SPBE dilakukan terhadap rencana kerja seluruh perangkat daerah sebelum penetapan anggaran.", "Hasil reviu disampaikan kepada Tim Anggaran Pemerintah Daerah."}}}}},
		Review: []model.Decision{
			{Indicator: 2, Verdict: model.VerdictAccepted},
			{Indicator: 12, Verdict: model.VerdictAccepted},
			{Indicator: 13, Verdict: model.VerdictRevise,
				Fakta:           "Penjelasan menyebut reviu keterpaduan rencana dan anggaran SPBE di lingkungan Bappeda tanpa dokumen penetapan.",
				Analisis:        "Bukti dukung belum menunjukkan reviu keterpaduan yang dilakukan untuk seluruh perangkat daerah dengan format baku, sebagaimana kriteria tingkat 3.",
				Justifikasi:     "Mohon lengkapi bukti dukung atau sesuaikan tingkat yang dipilih.",
				MissingEvidence: "Keputusan Kepala Bappeda tentang reviu keterpaduan rencana dan anggaran SPBE, atau laporan reviu untuk seluruh perangkat daerah"},
			{Indicator: 32, Verdict: model.VerdictAdjusted, Level: 200,
				Fakta:       "Tangkapan layar SIPD-RI memperlihatkan formulir usulan dan informasi jadwal perencanaan.",
				Analisis:    "Belum ada bukti bahwa seluruh tahapan perencanaan bertransaksi secara elektronik; kriteria tingkat 3 (Transaksi) belum terpenuhi.",
				Justifikasi: "Tingkat disesuaikan menjadi 2 (Interaksi)."},
		}},
	{Code: "BPKAD", Name: "Badan Pengelolaan Keuangan dan Aset Daerah", Contact: "Sri Handayani, 0815-4220-7788",
		Assigned: []int{33, 34, 38}, Revisions: 1},
	{Code: "ORGANISASI", Name: "Bagian Organisasi Sekretariat Daerah", Contact: "Yuli Astuti, 0857-2744-3091",
		Assigned: []int{14, 21, 26, 27, 40}, Revisions: 1,
		Answers: []demoAnswer{{No: 14, Level: 2,
			Fakta:    "Inovasi proses bisnis dicatat dalam Laporan Evaluasi Kelembagaan 2024 Bagian Organisasi, halaman 11–14, pada data dukung 14.b.Laporan-Evaluasi-Kelembagaan-2024.pdf.",
			Analisis: "Inovasi proses bisnis baru dilakukan pada sebagian perangkat daerah dan belum terdokumentasi seragam; menurut kami memenuhi tingkat 2 (Terkelola).",
			Docs: []demoDoc{{File: "14.b.Laporan-Evaluasi-Kelembagaan-2024.pdf", Title: "Laporan Evaluasi Kelembagaan Pemerintah Kota Pekalongan Tahun 2024", DocNo: "061/210/Org/2024", Date: d(2024, 12, 9), Level: 2,
				Body: []string{"Bab III mencatat inovasi proses bisnis pada layanan perizinan dan kepegawaian.", "Rekomendasi: penyusunan pedoman inovasi proses bisnis bagi seluruh perangkat daerah."}}}}}},
	{Code: "BKPSDM", Name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Contact: "Teguh Santoso, 0812-2900-5512",
		Assigned: []int{25, 36, 41}},
	{Code: "INSPEKTORAT", Name: "Inspektorat Daerah", Contact: "Nur Aini, 0821-3376-0915",
		Assigned: []int{9, 39}},
	{Code: "HUKUM", Name: "Bagian Hukum Sekretariat Daerah", Contact: "Dimas Aryo, 0856-4011-2380",
		Assigned: []int{44}, Revisions: 1},
	{Code: "PBJ", Name: "Bagian Pengadaan Barang dan Jasa Sekretariat Daerah", Contact: "Fajar Nugroho, 0813-9055-1276",
		Assigned: []int{35}, Revisions: 1},
	{Code: "ARSIP", Name: "Dinas Arsip dan Perpustakaan", Contact: "Lestari Wahyuni, 0858-6612-4409",
		Assigned: []int{37}},
	{Code: "DPMPTSP", Name: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", Contact: "Hadi Purnomo, 0812-2677-3150",
		Assigned: []int{45}, Revisions: 1},
	{Code: "DINKES", Name: "Dinas Kesehatan", Contact: "dr. Maya Kusuma, 0811-2870-6645",
		Assigned: []int{46}, Revisions: 1},
	{Code: "DISDUKCAPIL", Name: "Dinas Kependudukan dan Pencatatan Sipil", Contact: "Rudi Hartono, 0819-0533-8127",
		Assigned: []int{47}},
}

// demoExtraAnswers answer the indicators the OPD demo leaves open, for the
// OPDs of the coordinator's demo.
var demoExtraAnswers = []demoAnswer{
	{No: 7, Level: 2, Fakta: "Penggunaan sistem penghubung layanan diatur dalam Peraturan Wali Kota Pekalongan Nomor 22 Tahun 2021, Pasal 11, pada data dukung 5.a.Perwal-22-2021-Infrastruktur-SPBE.pdf.",
		Analisis: "Pengaturan baru menyebut kewajiban penggunaan sistem penghubung tanpa tata cara dan standar interoperabilitas; memenuhi tingkat 2.", Docs: []demoDoc{perwalInfrastruktur}},
	{No: 18, Level: 2, Fakta: "Sistem penghubung layanan digunakan oleh 9 aplikasi (daftar integrasi pada Laporan Tahunan Diskominfo 2024 halaman 22).",
		Analisis: "Sistem penghubung digunakan sebagian perangkat daerah; memenuhi tingkat 2 (Terkelola)."},
	{No: 20, Level: 3, Fakta: "Kolaborasi penerapan SPBE dengan Pemerintah Provinsi Jawa Tengah dan 3 kabupaten tetangga dituangkan dalam perjanjian kerja sama Nomor 000.7/045 Tahun 2024.",
		Analisis: "Kolaborasi telah dilaksanakan lintas instansi dan didokumentasikan; memenuhi tingkat 3."},
	{No: 23, Level: 2, Fakta: "Manajemen data diterapkan oleh walidata Diskominfo untuk 14 perangkat daerah melalui portal Satu Data Kota Pekalongan.",
		Analisis: "Penerapan belum mencakup seluruh perangkat daerah; memenuhi tingkat 2."},
	{No: 32, Level: 3, Fakta: "Layanan perencanaan dijalankan melalui aplikasi SIPD-RI untuk seluruh perangkat daerah sejak 2023, tangkapan layar pada data dukung 32.a.SIPD-perencanaan.pdf.",
		Analisis: "Layanan perencanaan telah bertransaksi secara elektronik; memenuhi tingkat 3 (Transaksi).",
		Docs: []demoDoc{{File: "32.a.SIPD-perencanaan.pdf", Title: "Tangkapan Layar SIPD-RI Modul Perencanaan Kota Pekalongan", DocNo: "-", Date: d(2025, 6, 10), Level: 3,
			Body: []string{"Halaman usulan program dan kegiatan perangkat daerah pada SIPD-RI.", "Halaman verifikasi rencana kerja oleh Bappeda."}}}},
	{No: 33, Level: 3, Fakta: "Layanan penganggaran dijalankan melalui SIPD-RI modul penganggaran untuk seluruh perangkat daerah.",
		Analisis: "Penganggaran telah bertransaksi secara elektronik; memenuhi tingkat 3."},
	{No: 34, Level: 4, Fakta: "Layanan keuangan (penatausahaan, SP2D elektronik) terintegrasi dengan bank daerah melalui CMS dan SIPD-RI.",
		Analisis: "Layanan keuangan terhubung dengan layanan lain (bank daerah, penganggaran); memenuhi tingkat 4 (Kolaborasi)."},
	{No: 35, Level: 4, Fakta: "Pengadaan barang dan jasa melalui SPSE versi 4.5 dan e-katalog lokal, terintegrasi dengan SIRUP.",
		Analisis: "Layanan pengadaan terintegrasi dengan layanan perencanaan pengadaan; memenuhi tingkat 4."},
	{No: 38, Level: 3, Fakta: "Pengelolaan barang milik daerah menggunakan aplikasi SIMDA BMD untuk seluruh perangkat daerah.",
		Analisis: "Transaksi pencatatan dilakukan elektronik; memenuhi tingkat 3."},
	{No: 21, Level: 2, Fakta: "Manajemen risiko SPBE mengikuti Peraturan Wali Kota Pekalongan Nomor 30 Tahun 2023 tentang Manajemen Risiko, register risiko 2025 pada data dukung 21.a.Register-Risiko-2025.pdf.",
		Analisis: "Register risiko baru disusun untuk risiko SPBE Diskominfo; memenuhi tingkat 2.",
		Docs: []demoDoc{{File: "21.a.Register-Risiko-2025.pdf", Title: "Register Risiko SPBE Pemerintah Kota Pekalongan Tahun 2025", DocNo: "700/031/Org/2025", Date: d(2025, 2, 17), Level: 2,
			Body: []string{"Register memuat 18 risiko SPBE dengan penilaian kemungkinan dan dampak.", "Rencana penanganan ditetapkan untuk risiko dengan tingkat tinggi."}}}},
	{No: 26, Level: 2, Fakta: "Manajemen pengetahuan melalui forum berbagi pengetahuan bulanan dan repositori dokumen pada intranet.",
		Analisis: "Berjalan di sebagian perangkat daerah tanpa pedoman; memenuhi tingkat 2."},
	{No: 27, Level: 2, Fakta: "Manajemen perubahan dilakukan untuk penerapan aplikasi Srikandi dengan sosialisasi dan pendampingan, laporan pada data dukung 27.a.Laporan-Srikandi.pdf.",
		Analisis: "Belum ada tata cara manajemen perubahan yang baku; memenuhi tingkat 2.",
		Docs: []demoDoc{{File: "27.a.Laporan-Srikandi.pdf", Title: "Laporan Pendampingan Penerapan Aplikasi Srikandi", DocNo: "045/118/Org/2025", Date: d(2025, 4, 28), Level: 2,
			Body: []string{"Sosialisasi aplikasi Srikandi kepada 38 perangkat daerah pada Maret 2025.", "Pendampingan admin unit kearsipan dilakukan dua kali per perangkat daerah."}}}},
	{No: 40, Level: 3, Fakta: "Layanan akuntabilitas kinerja organisasi menggunakan aplikasi e-SAKIP untuk seluruh perangkat daerah.",
		Analisis: "Penyusunan dan evaluasi SAKIP bertransaksi elektronik; memenuhi tingkat 3."},
	{No: 46, Level: 3, Sector: "Kesehatan", Fakta: "Layanan pendaftaran puskesmas daring (e-Puskesmas) di 14 puskesmas, dengan antrean dan rekam medis elektronik.",
		Analisis: "Layanan kesehatan telah bertransaksi secara elektronik; memenuhi tingkat 3."},
}

// answerFor returns what OPD o answers to indicator no: its own answer,
// else the OPD demo's, else the extra ones.
func (o *demoOPD) answerFor(no int) (demoAnswer, bool) {
	for _, list := range [][]demoAnswer{o.Answers, demoAnswers, demoExtraAnswers} {
		for _, da := range list {
			if da.No == no {
				return da, true
			}
		}
	}
	return demoAnswer{}, false
}

// fillCoordinatorDemo fills the coordinator's demo workspace w: its OPDs,
// their assignments and targets, the timeline, the trend; then, for each
// OPD that sent something, an OPD workspace made from its assignment
// bundle (in opds, or a temporary folder when opds is empty), answered
// and exported, in dir. The bundles are imported, and the indicators
// exactly one OPD answered decided, unless keep is set: then they stay in
// dir for the coordinator to import. Without keep, an OPD with a Review
// goes through a first review round before its revision 2: the
// coordinator imports revision 1, decides, and the OPD imports the review.
func fillCoordinatorDemo(ctx context.Context, w *store.Workspace, by, dir, opds string, keep bool) error {
	if err := w.SetOfficials(by, demoCoordinatorOfficials); err != nil {
		return err
	}
	p := w.Pack()
	trend := make([]model.YearResult, len(demoTrend))
	for i, r := range demoTrend {
		r.Predikat = p.PredikatOf(model.RatioOf(r.Index))
		trend[i] = r
	}
	if err := w.SetTrend(by, trend); err != nil {
		return err
	}
	last := map[int]model.Hundredths{}
	for _, no := range p.IndicatorNumbers() {
		last[no] = 200
	}
	for _, da := range demoAnswers {
		last[da.No] = model.Hundredths(da.Level * 100)
	}
	targets, _, err := p.ProposeTargets(last, 350)
	if err != nil {
		return err
	}
	if err := w.SetTargetIndex(by, 350); err != nil {
		return err
	}
	for no, t := range targets {
		if err := w.SetTarget(by, no, t); err != nil {
			return err
		}
	}
	for _, o := range demoOPDs {
		if err := w.PutOPD(by, model.OPD{Code: o.Code, Name: o.Name, Contact: o.Contact}); err != nil {
			return err
		}
		for _, no := range o.Assigned {
			if err := w.SetAssigned(by, o.Code, no, true); err != nil {
				return err
			}
		}
	}
	work, err := os.MkdirTemp("", "swanilai-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if opds == "" {
		opds = work
	}
	var bundles []string
	for i := range demoOPDs {
		o := &demoOPDs[i]
		assignment := filepath.Join(work, fmt.Sprintf("penugasan-%s.swanilai.zip", o.Code))
		if _, err := roundtrip.ExportAssignment(ctx, w, by, o.Code, assignment, "", model.Date{}); err != nil {
			return fmt.Errorf("%s: %w", o.Code, err)
		}
		if o.Revisions == 0 {
			continue
		}
		var review func(string) (string, error)
		if !keep && o.Review != nil {
			review = func(sent string) (string, error) { return reviewDemoOPD(ctx, w, by, o, sent, work) }
		}
		sent, err := sendDemoOPD(ctx, o, assignment, opds, work, dir, review)
		if err != nil {
			return fmt.Errorf("%s: %w", o.Code, err)
		}
		bundles = append(bundles, sent...)
	}
	if keep {
		return nil
	}
	if err := importDemo(ctx, w, by, bundles...); err != nil {
		return err
	}
	contributions, err := w.Contributions()
	if err != nil {
		return err
	}
	_, err = roundtrip.DecideDefaults(w, by, contributions)
	return err
}

// sendDemoOPD plays OPD o: it makes its workspace in opds from its
// assignment bundle, answers, attaches the evidence (written in work) and
// exports each of its revisions to dir. When review is set, it is handed
// revision 1 and returns the review bundle the OPD imports before
// revision 2. It returns the bundles written and not yet imported.
func sendDemoOPD(ctx context.Context, o *demoOPD, assignment, opds, work, dir string, review func(sent string) (string, error)) ([]string, error) {
	ow, a, err := roundtrip.CreateFromAssignment(ctx, assignment, filepath.Join(opds, o.Code+".swanilai"), "", o.Contact, nil)
	if err != nil {
		return nil, err
	}
	defer ow.Close()
	var answers []demoAnswer
	for _, no := range o.Assigned {
		if da, ok := o.answerFor(no); ok && !slices.Contains(o.Skip, no) {
			answers = append(answers, da)
		}
	}
	var out []string
	for rev := 1; rev <= o.Revisions; rev++ {
		if rev == 2 {
			answers = o.Revised
		}
		if err := answerDemo(ctx, ow, o.Contact, answers, work); err != nil {
			return nil, err
		}
		path := filepath.Join(dir, fmt.Sprintf("kiriman-%s-%d-revisi-%d.swanilai.zip", o.Code, a.Year, rev))
		if _, err := roundtrip.ExportSubmission(ctx, ow, path, "", nil); err != nil {
			return nil, err
		}
		if rev != 1 || review == nil {
			out = append(out, path)
			continue
		}
		back, err := review(path)
		if err != nil {
			return nil, err
		}
		if err := importDemo(ctx, ow, o.Contact, back); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// reviewDemoOPD plays the coordinator's first round on OPD o: it imports
// the submission sent, decides o.Review and writes the review bundle in
// work, whose path it returns.
func reviewDemoOPD(ctx context.Context, w *store.Workspace, by string, o *demoOPD, sent, work string) (string, error) {
	if err := importDemo(ctx, w, by, sent); err != nil {
		return "", err
	}
	for _, d := range o.Review {
		if err := w.SetDecision(by, o.Code, d); err != nil {
			return "", err
		}
	}
	path := filepath.Join(work, fmt.Sprintf("reviu-%s-revisi-1.swanilai.zip", o.Code))
	if _, err := roundtrip.ExportReview(ctx, w, by, o.Code, path, ""); err != nil {
		return "", err
	}
	return path, nil
}

// importDemo imports the bundles paths into w and fails on the first not
// imported.
func importDemo(ctx context.Context, w *store.Workspace, by string, paths ...string) error {
	for _, o := range roundtrip.ImportMany(ctx, w, paths, roundtrip.ImportOptions{By: by}, nil) {
		if o.Outcome != roundtrip.Imported {
			return fmt.Errorf("%s: %w", filepath.Base(o.File), o.Err)
		}
	}
	return nil
}
