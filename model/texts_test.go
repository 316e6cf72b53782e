package model

import "testing"

// TestTextsFromTheCatalogue checks that the readiness findings, stages,
// OPD states and verdicts say in each language what they said before
// their sentences moved to the catalogue, with their values.
func TestTextsFromTheCatalogue(t *testing.T) {
	d := Date{2024, 9, 15}
	tests := []struct{ got, want string }{
		{Finding{Kind: FindingNoEvidence, Level: 3}.In(ID), "Tingkat 3 dipilih tanpa bukti dukung."},
		{Finding{Kind: FindingNoEvidence, Level: 3}.In(EN), "Level 3 is chosen without evidence."},
		{Finding{Kind: FindingTooOld, Level: 4, File: "sk.pdf", Date: d}.Text(),
			"Bukti dukung sk.pdf bertanggal " + d.ID() + ", sudah 2 tahun atau lebih; tingkat 4 meminta dokumen yang masih berlaku (< 2 tahun)."},
		{Finding{Kind: FindingTooOld, Level: 4, File: "sk.pdf", Date: d}.TextEN(),
			"Evidence sk.pdf is dated 2024-09-15, two years ago or more; level 4 asks for documents still valid (< 2 years)."},
		{Finding{Kind: FindingExternalExpired, Source: "BPS", Date: d}.In(ID), "Nilai indeks eksternal (BPS) tidak berlaku lagi sejak " + d.ID() + "."},
		{Finding{Kind: FindingExternalExpired, Source: "BPS", Date: d}.In(EN), "The external index value (BPS) is no longer valid since 2024-09-15."},
		{Finding{Kind: "unknown"}.In(EN), "unknown"},
		{StageDocuments.Text(), "Penilaian dokumen"},
		{StageDocuments.TextEN(), "Document review"},
		{Stage("lain").In(EN), "lain"},
		{OPDOverdue.In(ID), "Terlambat"},
		{OPDAssignmentSent.TextEN(), "Assignment sent"},
		{VerdictAdjusted.Text(), "level disesuaikan"},
		{VerdictRevise.In(EN), "revision needed"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	for _, k := range []FindingKind{FindingNoEvidence, FindingNoFakta, FindingFaktaNoFile, FindingNoAnalisis, FindingExpired,
		FindingTooOld, FindingNoSector, FindingReconfirm, FindingExternalExpired} {
		for _, l := range []Lang{ID, EN} {
			if !HasText(l, "finding."+string(k)) {
				t.Errorf("%s: no %s sentence", k, l)
			}
		}
	}
	for _, s := range Stages {
		if s.In(ID) == string(s) || s.In(EN) == string(s) {
			t.Errorf("stage %s: no sentence", s)
		}
	}
}

// TestErrorDetailsFromTheCatalogue checks errors whose detail the
// catalogue words: the command line's text, and the code errors.Is finds.
func TestErrorDetailsFromTheCatalogue(t *testing.T) {
	err := Timeline{{Stage: StageRevision, Due: Date{2025, 11, 1}}, {Stage: StageRevision, Due: Date{2025, 11, 2}}}.Check()
	if want := ErrTimeline.Error() + ": tahap revisi dua kali / stage revisi twice"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	err = CheckTrend([]YearResult{{Year: 1999, Index: 300}}, &Pack{})
	if want := ErrTrend.Error() + ": tahun 1999: di luar 2000–2100 / year 1999: out of 2000–2100"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
