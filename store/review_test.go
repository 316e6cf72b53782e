package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/swanilai/swanilai/model"
)

// verdicts writes decisions as "11 disesuaikan@1" items, for comparisons.
func verdicts(ds []model.Decision) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d %s@%d", d.Indicator, d.Verdict, d.Revision))
	}
	return out
}

func mustDecide(t testing.TB, c *Workspace, d model.Decision) {
	t.Helper()
	if err := c.SetDecision("Sari", "DISKOMINFO", d); err != nil {
		t.Fatal(err)
	}
}

// TestReviewDecisions: the coordinator decides on each answer of an OPD's
// latest revision; an answer sent again unchanged keeps its decision, a
// changed one is reviewed afresh; adopting an adjusted answer takes the
// adjusted level.
func TestReviewDecisions(t *testing.T) {
	c := registered(t)
	for _, no := range []int{1, 11, 12, 45} {
		c.SetAssigned("Sari", "DISKOMINFO", no, true)
	}
	opd := opdWithWork(t)
	if revs, err := c.Revisions("DISKOMINFO"); err != nil || len(revs) != 0 {
		t.Fatalf("before any import: %v %v", revs, err)
	}
	if ds, err := c.Decisions("diskominfo"); err != nil || ds != nil {
		t.Fatalf("before any import: %v %v", ds, err)
	}
	if _, err := c.ReviewFor("DISKOMINFO"); !errors.Is(err, model.ErrNoSubmission) {
		t.Fatalf("ReviewFor before any import: %v", err)
	}
	if _, err := c.Revisions("INSPEKTORAT"); !errors.Is(err, model.ErrNoSuchOPD) {
		t.Fatalf("an OPD the registry lacks: %v", err)
	}
	importFrom(t, c, opd, exported(t, opd), false)

	if revs, _ := c.Revisions("DISKOMINFO"); !slices.Equal(revs, []int{1}) {
		t.Fatalf("revisions %v", revs)
	}
	a, err := c.Submitted("DISKOMINFO", 1)
	if err != nil || a.Revision != 1 || a.Answers[11].Value != 300 || len(a.EvidenceFor(11)) != 2 {
		t.Fatalf("submitted %+v %v", a, err)
	}
	if _, err := c.Submitted("DISKOMINFO", 2); !errors.Is(err, model.ErrNoSubmission) {
		t.Fatalf("revision 2: %v", err)
	}
	if _, err := c.ReviewFor("DISKOMINFO"); !errors.Is(err, model.ErrNoDecisions) {
		t.Fatalf("ReviewFor before a decision: %v", err)
	}

	adjust := model.Decision{Indicator: 11, Verdict: model.VerdictAdjusted, Level: 200, Revision: 1,
		Fakta: "Dokumen arsitektur belum ditetapkan.", Analisis: "Kriteria tingkat 3 (ditetapkan) belum terpenuhi; tingkat 2 terpenuhi."}
	mustDecide(t, c, model.Decision{Indicator: 1, Verdict: model.VerdictAccepted})
	mustDecide(t, c, adjust)
	mustDecide(t, c, model.Decision{Indicator: 45, Verdict: model.VerdictRevise, MissingEvidence: "  SK layanan perizinan  "})
	mustDecide(t, c, model.Decision{Indicator: 12, Verdict: model.VerdictRevise, Analisis: "Belum dijawab."})
	for name, tt := range map[string]struct {
		w    *Workspace
		code string
		d    model.Decision
		want error
	}{
		"adjusted without a note":  {c, "DISKOMINFO", model.Decision{Indicator: 1, Verdict: model.VerdictAdjusted, Level: 200}, model.ErrNoteRequired},
		"on an older revision":     {c, "DISKOMINFO", model.Decision{Indicator: 1, Verdict: model.VerdictAccepted, Revision: 2}, model.ErrNotLatest},
		"an unanswered indicator":  {c, "DISKOMINFO", model.Decision{Indicator: 13, Verdict: model.VerdictRevise, Fakta: "x"}, model.ErrNotReviewable},
		"accepting an unanswered":  {c, "DISKOMINFO", model.Decision{Indicator: 12, Verdict: model.VerdictAccepted}, model.ErrNotReviewable},
		"an OPD without a bundle":  {c, "BAPPEDA", model.Decision{Indicator: 1, Verdict: model.VerdictAccepted}, model.ErrNoSubmission},
		"an OPD of no registry":    {c, "INSPEKTORAT", model.Decision{Indicator: 1, Verdict: model.VerdictAccepted}, model.ErrNoSuchOPD},
		"an OPD's workspace":       {opd, "DISKOMINFO", model.Decision{Indicator: 1, Verdict: model.VerdictAccepted}, model.ErrCoordinatorOnly},
		"an unknown verdict":       {c, "DISKOMINFO", model.Decision{Indicator: 1, Verdict: "mungkin"}, model.ErrVerdict},
		"a level of no instrument": {c, "DISKOMINFO", model.Decision{Indicator: 1, Verdict: model.VerdictAdjusted, Level: 600, Analisis: "x"}, model.ErrLevelRange},
	} {
		t.Run(name, func(t *testing.T) {
			if err := tt.w.SetDecision("Sari", tt.code, tt.d); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	// The same decision again writes nothing.
	h, _ := c.History(0)
	mustDecide(t, c, adjust)
	if again, _ := c.History(0); len(again) != len(h) {
		t.Fatal("the same decision made a history entry")
	}
	entries := fields(t, c, model.FieldReview)
	if len(entries) != 4 || entries[1].Indicator != 11 || entries[1].By != "Sari" ||
		entries[1].New != "DISKOMINFO revisi 1: level disesuaikan ke 2; FAKTA: Dokumen arsitektur belum ditetapkan.; ANALISIS: Kriteria tingkat 3 (ditetapkan) belum terpenuhi; tingkat 2 terpenuhi." {
		t.Fatalf("history %+v", entries)
	}
	ds, _ := c.Decisions("DISKOMINFO")
	if got := verdicts(ds); !slices.Equal(got, []string{"1 diterima@1", "11 disesuaikan@1", "12 perlu-revisi@1", "45 perlu-revisi@1"}) {
		t.Fatalf("decisions %v", got)
	}
	if ds[3].MissingEvidence != "SK layanan perizinan" || ds[1].Level != 200 || ds[0].Level != 0 || ds[0].By != "Sari" || ds[0].At.IsZero() {
		t.Fatalf("decisions %+v", ds)
	}
	r, err := c.ReviewFor("diskominfo")
	if err != nil || r.Code != "DISKOMINFO" || r.Unit != kominfo || r.Revision != 1 || r.Instansi != "Pemerintah Kota Pekalongan" || r.Year != 2025 ||
		len(r.Decisions) != 4 || !r.Sent.IsZero() {
		t.Fatalf("review %+v %v", r, err)
	}
	if err := c.RecordReview("Sari", r); !errors.Is(err, model.ErrBadReview) {
		t.Fatalf("a review not sent: %v", err)
	}
	r.Sent, r.By = now().Truncate(time.Second), "Sari"
	if err := c.RecordReview("Sari", r); err != nil {
		t.Fatal(err)
	}
	sent, err := c.ReviewsSent("DISKOMINFO")
	if err != nil || len(sent) != 1 || !sent[0].Sent.Equal(r.Sent) || len(sent[0].Decisions) != 4 || sent[0].Decisions[1].Level != 200 {
		t.Fatalf("reviews sent %+v %v", sent, err)
	}
	if e := fields(t, c, model.FieldReviewSent); len(e) != 1 || !strings.HasPrefix(e[0].New, "DISKOMINFO revisi 1: 1 diterima, 1 level disesuaikan, 2 perlu revisi") {
		t.Fatalf("history %+v", e)
	}

	// Revision 2: 45 revised, 12 answered; 1 and 11 as they were.
	if _, err := opd.UpdateAnswer("Rina", 45, AnswerUpdate{Fakta: ptr("Layanan perizinan daring, SK Kepala Dinas 7/2025")}); err != nil {
		t.Fatal(err)
	}
	if _, err := opd.UpdateAnswer("Rina", 12, AnswerUpdate{Value: ptr(model.Hundredths(200)), Fakta: ptr("Notulen")}); err != nil {
		t.Fatal(err)
	}
	importFrom(t, c, opd, exported(t, opd), false)
	ds, _ = c.Decisions("DISKOMINFO")
	if got := verdicts(ds); !slices.Equal(got, []string{"1 diterima@1", "11 disesuaikan@1"}) {
		t.Fatalf("decisions on revision 2 %v", got)
	}
	mustDecide(t, c, model.Decision{Indicator: 45, Verdict: model.VerdictAccepted, Revision: 2})
	// An unchanged revision 3 keeps every decision, from either revision.
	importFrom(t, c, opd, exported(t, opd), false)
	ds, _ = c.Decisions("DISKOMINFO")
	if got := verdicts(ds); !slices.Equal(got, []string{"1 diterima@1", "11 disesuaikan@1", "45 diterima@2"}) {
		t.Fatalf("decisions on revision 3 %v", got)
	}
	// A decision on a carried one replaces it on the latest revision.
	mustDecide(t, c, model.Decision{Indicator: 1, Verdict: model.VerdictRevise, Fakta: "Perwal sudah dicabut."})
	if e := fields(t, c, model.FieldReview); e[len(e)-1].Old != "DISKOMINFO revisi 1: diterima" || e[len(e)-1].New != "DISKOMINFO revisi 3: perlu revisi; FAKTA: Perwal sudah dicabut." {
		t.Fatalf("history %+v", e[len(e)-1])
	}

	// The Pemda takes the adjusted level, with the coordinator's analysis.
	ans, err := c.AdoptAnswer("Sari", 11, "DISKOMINFO")
	if err != nil || ans.Value != 200 || ans.Fakta != "Dokumen arsitektur (arsitektur.pdf)" || ans.Analisis != adjust.Analisis {
		t.Fatalf("adopted %+v %v", ans, err)
	}
	if ans, _ := c.AdoptAnswer("Sari", 45, "DISKOMINFO"); ans.Value != 300 || ans.Fakta != "Layanan perizinan daring, SK Kepala Dinas 7/2025" {
		t.Fatalf("adopted an accepted answer %+v", ans)
	}
	mustCheck(t, c)
}

// pinned returns an OPD workspace that took an assignment from c, which
// pinned c's key.
func pinned(t testing.TB, c *Workspace) *Workspace {
	t.Helper()
	for _, no := range []int{1, 11, 45} {
		c.SetAssigned("Sari", "DISKOMINFO", no, true)
	}
	a, err := c.AssignmentFor("DISKOMINFO")
	if err != nil {
		t.Fatal(err)
	}
	a.Sent = now().Truncate(time.Second)
	opd := opdWithWork(t)
	if _, err := opd.ReceiveAssignment(a, ReceiveOptions{By: "Rina"}); err != nil {
		t.Fatal(err)
	}
	return opd
}

// TestReceiveReview: an OPD takes its coordinator's review only when it is
// signed by the pinned key, once; a review of an older revision than its
// latest export is kept and known as stale; the next export says which
// review it answers, and the workspace keeps what each export sent.
func TestReceiveReview(t *testing.T) {
	c := registered(t)
	key, _ := c.SigningKey()
	other, _ := newSigningKey()

	// Before an assignment pinned the coordinator's key, nothing is taken.
	loose := opdWithWork(t)
	exported(t, loose)
	early := &model.Review{Code: "DISKOMINFO", Unit: kominfo, Instansi: "Pemerintah Kota Pekalongan", Year: 2025, Revision: 1,
		Sent: now().Truncate(time.Second), Decisions: []model.Decision{{Indicator: 1, Verdict: model.VerdictAccepted, Revision: 1}}}
	if _, err := loose.ReceiveReview("Rina", early, key.Public); !errors.Is(err, model.ErrNoCoordinatorKey) {
		t.Fatalf("no key pinned: %v", err)
	}

	opd := pinned(t, c)
	if _, err := opd.ReceiveReview("Rina", early, key.Public); !errors.Is(err, model.ErrBadReview) {
		t.Fatalf("a review of a revision never exported: %v", err)
	}
	sent := exported(t, opd)
	if sent.AnswersReview != 0 {
		t.Fatalf("the first export answers review %d", sent.AnswersReview)
	}
	importFrom(t, c, opd, sent, false)
	mustDecide(t, c, model.Decision{Indicator: 1, Verdict: model.VerdictAccepted})
	mustDecide(t, c, model.Decision{Indicator: 11, Verdict: model.VerdictAdjusted, Level: 200, Justifikasi: "Tingkat 2."})
	mustDecide(t, c, model.Decision{Indicator: 45, Verdict: model.VerdictRevise, MissingEvidence: "SK"})
	r, err := c.ReviewFor("DISKOMINFO")
	if err != nil {
		t.Fatal(err)
	}
	r.Sent, r.By = now().Truncate(time.Second), "Sari"

	with := func(change func(r *model.Review)) *model.Review {
		cp := *r
		cp.Decisions = slices.Clone(r.Decisions)
		change(&cp)
		return &cp
	}
	for name, tt := range map[string]struct {
		w    *Workspace
		r    *model.Review
		key  model.PublicKey
		want error
	}{
		"another key":            {opd, r, other.Public, model.ErrKeyChanged},
		"a coordinator":          {c, r, key.Public, model.ErrReviewOPDOnly},
		"another OPD":            {opd, with(func(r *model.Review) { r.Unit, r.Code = "Bappeda", "BAPPEDA" }), key.Public, model.ErrSenderMismatch},
		"another year":           {opd, with(func(r *model.Review) { r.Year = 2024 }), key.Public, model.ErrSenderMismatch},
		"an unknown indicator":   {opd, with(func(r *model.Review) { r.Decisions[0].Indicator = 48 }), key.Public, model.ErrBadReview},
		"an indicator twice":     {opd, with(func(r *model.Review) { r.Decisions[1].Indicator = 1 }), key.Public, model.ErrBadReview},
		"a decision from later":  {opd, with(func(r *model.Review) { r.Decisions[0].Revision = 2 }), key.Public, model.ErrBadReview},
		"a level out of range":   {opd, with(func(r *model.Review) { r.Decisions[1].Level = 700 }), key.Public, model.ErrBadReview},
		"without time":           {opd, with(func(r *model.Review) { r.Sent = time.Time{} }), key.Public, model.ErrBadReview},
		"an unreadable OPD code": {opd, with(func(r *model.Review) { r.Code = "dinas kominfo" }), key.Public, model.ErrBadReview},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := tt.w.ReceiveReview("Rina", tt.r, tt.key); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	if held, _ := opd.Review(); held != nil {
		t.Fatalf("a refused review was kept: %+v", held)
	}

	res, err := opd.ReceiveReview("Rina", r, key.Public)
	if err != nil || res.Previous != nil || res.Stale || res.Latest != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	opd = reopen(t, opd)
	held, err := opd.Review()
	if err != nil || held.Revision != 1 || !held.Sent.Equal(r.Sent) || held.By != "Sari" || len(held.Decisions) != 3 {
		t.Fatalf("held %+v %v", held, err)
	}
	if d, ok := held.Decision(11); !ok || d.Verdict != model.VerdictAdjusted || d.Level != 200 || d.Justifikasi != "Tingkat 2." || d.By != "Sari" || d.Revision != 1 {
		t.Fatalf("decision %+v", d)
	}
	// The same review again changes nothing.
	h, _ := opd.History(0)
	_, err = opd.ReceiveReview("Rina", r, key.Public)
	if e, ok := errors.AsType[*model.ReviewReplayError](err); !ok || !e.Same() {
		t.Fatalf("the same review again: %v", err)
	}
	if again, _ := opd.History(0); len(again) != len(h) {
		t.Fatal("the same review made a history entry")
	}
	if e := fields(t, opd, model.FieldReviewReceived); len(e) != 1 || e[0].By != "Rina" || !strings.HasPrefix(e[0].New, "DISKOMINFO revisi 1: 1 diterima, 1 level disesuaikan, 1 perlu revisi") {
		t.Fatalf("history %+v", e)
	}

	// The OPD revises 45 and sends revision 2, which answers the review;
	// the workspace keeps what each export sent.
	opd.UpdateAnswer("Rina", 45, AnswerUpdate{Fakta: ptr("SK Kepala Dinas 7/2025")})
	second := exported(t, opd)
	if second.AnswersReview != 1 {
		t.Fatalf("revision 2 answers review %d", second.AnswersReview)
	}
	first, err := opd.Exported(1)
	if err != nil || first.Revision != 1 || first.Answers[45].Fakta != "Layanan perizinan" || len(first.EvidenceFor(11)) != 2 {
		t.Fatalf("export 1 %+v %v", first, err)
	}
	if changes := model.Compare(opd.Pack(), first, second.Assessment); len(changes) != 1 || changes[0].Indicator != 45 {
		t.Fatalf("changes since the review %+v", changes)
	}
	if a, err := opd.Exported(7); a != nil || err != nil {
		t.Fatalf("a revision never exported: %+v %v", a, err)
	}
	importFrom(t, c, opd, second, false)
	subs, _ := c.Submitters()
	if infos := subs[0].Revisions; infos[0].AnswersReview != 0 || infos[1].AnswersReview != 1 {
		t.Fatalf("revisions %+v", infos)
	}
	if s, _ := c.Submission(kominfo, 2); s.AnswersReview != 1 {
		t.Fatalf("submission answers review %d", s.AnswersReview)
	}

	// A review of revision 1 made after the one held replaces it, and is
	// stale: the OPD has sent revision 2 since. One made before it is
	// refused.
	later := with(func(r *model.Review) { r.Sent = r.Sent.Add(time.Hour) })
	res, err = opd.ReceiveReview("Rina", later, key.Public)
	if err != nil || !res.Stale || res.Latest != 2 || res.Previous == nil || !res.Previous.Sent.Equal(r.Sent) {
		t.Fatalf("a stale review: %+v %v", res, err)
	}
	if held, _ := opd.Review(); !held.Stale(2) || !held.Sent.Equal(later.Sent) {
		t.Fatalf("held %+v", held)
	}
	_, err = opd.ReceiveReview("Rina", r, key.Public)
	if e, ok := errors.AsType[*model.ReviewReplayError](err); !ok || e.Same() {
		t.Fatalf("an older review: %v", err)
	}
	mustCheck(t, opd)
	mustCheck(t, c)
}
