package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

const kominfo = "Dinas Komunikasi dan Informatika"

// registered returns a coordinator with DISKOMINFO (the test OPD) and
// BAPPEDA in its registry.
func registered(t testing.TB) *Workspace {
	t.Helper()
	c := newCoordinator(t, nil)
	for _, o := range []model.OPD{{Code: "diskominfo", Name: kominfo, Contact: "Rina 0812"}, {Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah"}} {
		if err := c.PutOPD("Sari", o); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func fields(t testing.TB, w *Workspace, field string) []model.Change {
	t.Helper()
	h, err := w.History(0)
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Change
	for _, c := range h {
		if c.Field == field {
			out = append(out, c)
		}
	}
	return out
}

func TestRegistry(t *testing.T) {
	c := registered(t)
	reg, err := c.Registry()
	if err != nil {
		t.Fatal(err)
	}
	if len(reg) != 2 || reg[0].Code != "BAPPEDA" || !reflect.DeepEqual(reg[1], model.OPD{Code: "DISKOMINFO", Name: kominfo, Contact: "Rina 0812"}) {
		t.Fatalf("registry %+v", reg)
	}
	for name, tt := range map[string]struct {
		o    model.OPD
		want error
	}{
		"bad code":             {model.OPD{Code: "DINAS KOMINFO", Name: "X"}, model.ErrOPDCode},
		"empty code":           {model.OPD{Code: " ", Name: "X"}, model.ErrOPDCode},
		"empty name":           {model.OPD{Code: "X", Name: "  "}, model.ErrOPDName},
		"another's name":       {model.OPD{Code: "KOMINFO", Name: "dinas komunikasi  dan informatika"}, model.ErrOPDExists},
		"a key of 3 bytes":     {model.OPD{Code: "X", Name: "X", Key: model.PublicKey{Key: []byte{1, 2, 3}}}, ErrBadSubmission},
		"a name of 65 536 B":   {model.OPD{Code: "X", Name: string(make([]byte, maxText+1))}, ErrTextTooLong},
		"no author (by empty)": {model.OPD{Code: "X", Name: "X"}, ErrNoAuthor},
	} {
		by := "Sari"
		if tt.want == ErrNoAuthor {
			by = ""
		}
		if err := c.PutOPD(by, tt.o); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", name, err, tt.want)
		}
	}
	// A change by code; the same again writes nothing.
	before := len(fields(t, c, model.FieldOPD))
	for range 2 {
		if err := c.PutOPD("Sari", model.OPD{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah", Contact: "Andi"}); err != nil {
			t.Fatal(err)
		}
	}
	if h := fields(t, c, model.FieldOPD); len(h) != before+1 || h[len(h)-1].New != "BAPPEDA — Badan Perencanaan Pembangunan Daerah (Andi)" {
		t.Fatalf("history %+v", h)
	}
	if err := c.SetAssigned("Sari", "BAPPEDA", 11, true); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveOPD("Sari", "bappeda"); err != nil {
		t.Fatal(err)
	}
	if err := c.RemoveOPD("Sari", "BAPPEDA"); !errors.Is(err, model.ErrNoSuchOPD) {
		t.Fatalf("removed twice: %v", err)
	}
	if as, _ := c.Assignments(); len(as) != 0 {
		t.Fatalf("the removed OPD's assignment stays: %v", as)
	}
	if h, _ := c.History(11); len(h) != 2 || h[1].Field != model.FieldAssigned || h[1].Old != "BAPPEDA" || h[1].New != "" {
		t.Fatalf("history of 11 %+v", h)
	}
	// An OPD's workspace has no registry to change or read, and no status.
	opd := newTestWorkspace(t)
	if err := opd.PutOPD("Rina", model.OPD{Code: "X", Name: "X"}); !errors.Is(err, model.ErrCoordinatorOnly) {
		t.Fatal(err)
	}
	if reg, err := opd.Registry(); !errors.Is(err, model.ErrCoordinatorOnly) {
		t.Fatal(reg, err)
	}
	if st, err := opd.Status(model.Date{Year: 2025, Month: 10, Day: 1}); !errors.Is(err, model.ErrCoordinatorOnly) {
		t.Fatal(st, err)
	}
	mustCheck(t, c)
}

// TestRegistryKeys: the registry shows the key a submission pinned; a key
// registered in advance must sign the OPD's first submission.
func TestRegistryKeys(t *testing.T) {
	opd := opdWithWork(t)
	key, _ := opd.SigningKey()
	other, _ := newSigningKey()
	s := exported(t, opd)

	c := registered(t)
	if err := c.PutOPD("Sari", model.OPD{Code: "DISKOMINFO", Name: kominfo, Key: other.Public}); err != nil {
		t.Fatal(err)
	}
	if _, err := importFrom(t, c, opd, s, false); !errors.Is(err, model.ErrKeyChanged) {
		t.Fatalf("signed by another key than the registered one: %v", err)
	}
	// Registered right, it is imported as the registered key.
	if err := c.PutOPD("Sari", model.OPD{Code: "DISKOMINFO", Name: kominfo, Key: key.Public}); err != nil {
		t.Fatal(err)
	}
	res, err := importFrom(t, c, opd, s, false)
	if err != nil || !res.NewOPD || !res.KeyRegistered || res.KeyReplaced {
		t.Fatalf("%+v %v", res, err)
	}
	reg, _ := c.Registry()
	if !reg[1].Key.Equal(key.Public) {
		t.Fatalf("registry key %v", reg[1].Key)
	}
	// A pinned key is replaced only on import.
	if err := c.PutOPD("Sari", model.OPD{Code: "DISKOMINFO", Name: kominfo, Key: other.Public}); !errors.Is(err, model.ErrKeyChanged) {
		t.Fatalf("pinned key replaced by the registry: %v", err)
	}
	// A change of the contact keeps the registered key.
	if err := c.PutOPD("Sari", model.OPD{Code: "DISKOMINFO", Name: kominfo, Contact: "Budi"}); err != nil {
		t.Fatal(err)
	}
	c.view(func(tx *bbolt.Tx) error {
		r, _, _ := getRegistry(tx, "DISKOMINFO")
		if r.Key == nil {
			t.Error("the registered key was dropped")
		}
		return nil
	})

	// Accepted explicitly, another key than the registered one is pinned.
	c2 := newCoordinator(t, nil)
	c2.PutOPD("Sari", model.OPD{Code: "DISKOMINFO", Name: kominfo, Key: other.Public})
	if res, err := importFrom(t, c2, opd, s, true); err != nil || !res.NewOPD || !res.KeyReplaced {
		t.Fatalf("%+v %v", res, err)
	}
	mustCheck(t, c)
	mustCheck(t, c2)
}

func TestAssignmentsAndTargets(t *testing.T) {
	c := registered(t)
	for _, no := range []int{20, 11, 12, 11} {
		if err := c.SetAssigned("Sari", "diskominfo", no, true); err != nil {
			t.Fatal(err)
		}
	}
	c.SetAssigned("Sari", "BAPPEDA", 20, true)
	c.SetAssigned("Sari", "DISKOMINFO", 12, false)
	as, err := c.Assignments()
	if err != nil || !reflect.DeepEqual(as, map[string][]int{"DISKOMINFO": {11, 20}, "BAPPEDA": {20}}) {
		t.Fatalf("%v %v", as, err)
	}
	if err := c.SetAssigned("Sari", "INSPEKTORAT", 11, true); !errors.Is(err, model.ErrNoSuchOPD) {
		t.Fatal(err)
	}
	if err := c.SetAssigned("Sari", "BAPPEDA", 48, true); !errors.Is(err, model.ErrUnknownIndicator) {
		t.Fatal(err)
	}
	if h := fields(t, c, model.FieldAssigned); len(h) != 5 || h[4].Old != "DISKOMINFO" || h[4].Indicator != 12 {
		t.Fatalf("history %+v", h)
	}
	for _, tt := range []struct {
		no    int
		level model.Hundredths
	}{{11, 400}, {20, 300}, {20, 0}, {11, 500}} {
		if err := c.SetTarget("Sari", tt.no, tt.level); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.SetTarget("Sari", 11, 250); !errors.Is(err, model.ErrNotWholeLevel) {
		t.Fatal(err)
	}
	a, _ := reopen(t, c).Assessment()
	if !reflect.DeepEqual(a.Targets, map[int]model.Hundredths{11: 500}) {
		t.Fatalf("targets %v", a.Targets)
	}
}

func TestTimelineAndTrend(t *testing.T) {
	c := newCoordinator(t, nil)
	if tl, err := c.Timeline(); err != nil || !reflect.DeepEqual(tl, model.DefaultTimeline(2025)) {
		t.Fatalf("%v %v", tl, err)
	}
	tl := model.DefaultTimeline(2025).Set(model.StageSelfAssessment, model.Date{Year: 2025, Month: 9, Day: 26})
	if err := c.SetTimeline("Sari", tl); err != nil {
		t.Fatal(err)
	}
	if err := c.SetTimeline("Sari", append(tl, tl[0])); !errors.Is(err, model.ErrTimeline) {
		t.Fatal(err)
	}
	c = reopen(t, c)
	got, _ := c.Timeline()
	if !reflect.DeepEqual(got, tl) {
		t.Fatalf("timeline %v", got)
	}
	if h := fields(t, c, model.FieldTimeline); len(h) != 1 || h[0].Old != "penilaian-mandiri 2025-09-30" || h[0].New != "penilaian-mandiri 2025-09-26" {
		t.Fatalf("history %+v", h)
	}
	results := []model.YearResult{{Year: 2024, Index: 376, Predikat: "Sangat Baik", Domains: []model.Hundredths{390, 360, 320, 400}}, {Year: 2023, Index: 341}}
	if err := c.SetTrend("Sari", results); err != nil {
		t.Fatal(err)
	}
	if err := c.SetTrend("Sari", []model.YearResult{{Year: 2024, Index: 600}}); !errors.Is(err, model.ErrTrend) {
		t.Fatal(err)
	}
	back, _ := c.Trend()
	if len(back) != 2 || back[0].Year != 2023 || !reflect.DeepEqual(back[1], results[0]) {
		t.Fatalf("trend %+v", back)
	}
	c.SetTrend("Sari", back[1:])
	if h := fields(t, c, model.FieldTrend); len(h) != 3 || h[2].Old != "2023: 3,41" || h[2].New != "" {
		t.Fatalf("history %+v", h)
	}
	opd := newTestWorkspace(t)
	if err := opd.SetTimeline("Rina", tl); !errors.Is(err, model.ErrCoordinatorOnly) {
		t.Fatal(err)
	}
	mustCheck(t, c)
}

// TestAssignmentRoundTrip: what a coordinator assigns, an OPD's workspace
// takes, under the rules of ReceiveAssignment.
func TestAssignmentRoundTrip(t *testing.T) {
	c := registered(t)
	if _, err := c.AssignmentFor("DISKOMINFO"); !errors.Is(err, model.ErrNothingAssigned) {
		t.Fatal(err)
	}
	for _, no := range []int{11, 12, 45} {
		c.SetAssigned("Sari", "DISKOMINFO", no, true)
	}
	c.SetTarget("Sari", 11, 400)
	c.SetTarget("Sari", 1, 300) // not the OPD's
	c.SetTargetIndex("Sari", 420)
	a, err := c.AssignmentFor("diskominfo")
	if err != nil {
		t.Fatal(err)
	}
	key, _ := c.SigningKey()
	if a.Code != "DISKOMINFO" || a.Name != kominfo || a.Revision != 1 || !slices.Equal(a.Indicators, []int{11, 12, 45}) ||
		!reflect.DeepEqual(a.Targets, map[int]model.Hundredths{11: 400}) || a.TargetIndex != 420 || a.Deadline != (model.Date{Year: 2025, Month: 9, Day: 30}) ||
		!a.Coordinator.Equal(key.Public) || a.InstrumentHash != c.Pack().Hash() {
		t.Fatalf("assignment %+v", a)
	}
	a.Sent = now().Truncate(time.Second)
	if err := c.RecordAssignment("Sari", a); err != nil {
		t.Fatal(err)
	}
	if next, _ := c.AssignmentFor("DISKOMINFO"); next.Revision != 2 {
		t.Fatalf("next revision %d", next.Revision)
	}

	opd := newTestWorkspace(t)
	if _, err := c.ReceiveAssignment(a, ReceiveOptions{By: "Sari"}); !errors.Is(err, model.ErrOPDOnly) {
		t.Fatal(err)
	}
	check, err := opd.CheckAssignment(a, false)
	if err != nil || !check.NewKey {
		t.Fatalf("%+v %v", check, err)
	}
	if a, _ := opd.Assignment(); a != nil {
		t.Fatal("CheckAssignment took it")
	}
	res, err := opd.ReceiveAssignment(a, ReceiveOptions{By: "Rina"})
	if err != nil || !res.NewKey || res.Previous != nil {
		t.Fatalf("%+v %v", res, err)
	}
	opd = reopen(t, opd)
	held, _ := opd.Assignment()
	if !reflect.DeepEqual(held, &a) {
		t.Fatalf("held\n%+v\nsent\n%+v", held, a)
	}
	as, _ := opd.Assessment()
	if !reflect.DeepEqual(as.Targets, a.Targets) || as.TargetIndex != 420 {
		t.Fatalf("targets %v %s", as.Targets, as.TargetIndex)
	}
	if k, at, _ := opd.CoordinatorKey(); !k.Equal(key.Public) || at.IsZero() {
		t.Fatal("the coordinator's key is not pinned")
	}
	if _, err := opd.ReceiveAssignment(a, ReceiveOptions{By: "Rina"}); !errors.Is(err, model.ErrAssignmentReplay) {
		t.Fatalf("taken twice: %v", err)
	} else if e, _ := errors.AsType[*model.AssignmentReplayError](err); !e.Same() {
		t.Fatalf("not the same: %v", err)
	}
	older := a
	older.Sent = a.Sent.Add(-time.Hour)
	if _, err := opd.ReceiveAssignment(older, ReceiveOptions{By: "Rina"}); !errors.Is(err, model.ErrAssignmentReplay) {
		t.Fatalf("an older one: %v", err)
	}

	// A newer assignment replaces the held one, and its targets the
	// workspace's.
	c.SetAssigned("Sari", "DISKOMINFO", 12, false)
	c.SetTarget("Sari", 11, 0)
	c.SetTarget("Sari", 45, 300)
	b, _ := c.AssignmentFor("DISKOMINFO")
	b.Sent = a.Sent.Add(time.Minute)
	res, err = opd.ReceiveAssignment(b, ReceiveOptions{By: "Rina"})
	if err != nil || res.NewKey || res.Previous == nil || res.Previous.Revision != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	as, _ = opd.Assessment()
	if !reflect.DeepEqual(as.Targets, map[int]model.Hundredths{45: 300}) {
		t.Fatalf("targets after the second %v", as.Targets)
	}
	if h := fields(t, opd, model.FieldTargetLevel); len(h) != 3 {
		t.Fatalf("target history %+v", h)
	}

	// Signed by another coordinator key: refused unless accepted.
	other, _ := newSigningKey()
	d := b
	d.Revision, d.Sent, d.Coordinator = 3, b.Sent.Add(time.Minute), other.Public
	if _, err := opd.ReceiveAssignment(d, ReceiveOptions{By: "Rina"}); !errors.Is(err, model.ErrKeyChanged) {
		t.Fatalf("another key: %v", err)
	}
	if res, err := opd.ReceiveAssignment(d, ReceiveOptions{By: "Rina", AcceptNewKey: true}); err != nil || !res.KeyReplaced {
		t.Fatalf("accepted: %+v %v", res, err)
	}
	if k, _, _ := opd.CoordinatorKey(); !k.Equal(other.Public) {
		t.Fatal("the new key is not pinned")
	}

	// Refused for another OPD, instansi, year or instrument, or bad contents.
	for name, tt := range map[string]struct {
		change func(a *model.Assignment)
		want   error
	}{
		"another OPD":         {func(a *model.Assignment) { a.Name = "Badan Perencanaan Pembangunan Daerah" }, model.ErrSenderMismatch},
		"another instansi":    {func(a *model.Assignment) { a.Instansi = "Pemerintah Kota Lain" }, model.ErrSenderMismatch},
		"another year":        {func(a *model.Assignment) { a.Year = 2026 }, model.ErrSenderMismatch},
		"another instrument":  {func(a *model.Assignment) { a.InstrumentHash = hexSum([]byte("x")) }, model.ErrSenderMismatch},
		"unknown indicator":   {func(a *model.Assignment) { a.Indicators = []int{11, 99} }, model.ErrBadAssignment},
		"target level 6":      {func(a *model.Assignment) { a.Targets = map[int]model.Hundredths{11: 600} }, model.ErrBadAssignment},
		"code with a space":   {func(a *model.Assignment) { a.Code = "DINAS X" }, model.ErrBadAssignment},
		"no coordinator key":  {func(a *model.Assignment) { a.Coordinator = model.PublicKey{} }, model.ErrBadAssignment},
		"a stage twice":       {func(a *model.Assignment) { a.Timeline = append(a.Timeline, a.Timeline[0]) }, model.ErrBadAssignment},
		"indicator twice":     {func(a *model.Assignment) { a.Indicators = []int{11, 11} }, model.ErrBadAssignment},
		"target index 5,50":   {func(a *model.Assignment) { a.TargetIndex = 550 }, model.ErrBadAssignment},
		"without revision no": {func(a *model.Assignment) { a.Revision = 0 }, model.ErrBadAssignment},
	} {
		e := d
		e.Revision, e.Sent = 9, d.Sent.Add(time.Hour)
		e.Timeline = slices.Clone(d.Timeline)
		tt.change(&e)
		if _, err := opd.ReceiveAssignment(e, ReceiveOptions{By: "Rina"}); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", name, err, tt.want)
		}
	}
	mustCheck(t, opd)
	mustCheck(t, c)
}

func TestStatus(t *testing.T) {
	c := registered(t)
	c.PutOPD("Sari", model.OPD{Code: "INSPEKTORAT", Name: "Inspektorat Daerah"})
	for _, no := range []int{1, 11, 45} {
		c.SetAssigned("Sari", "DISKOMINFO", no, true)
	}
	c.SetAssigned("Sari", "INSPEKTORAT", 29, true)
	sept := model.Date{Year: 2025, Month: 9, Day: 1}
	states := func(today model.Date) map[string]model.OPDStatus {
		t.Helper()
		st, err := c.Status(today)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]model.OPDStatus{}
		for _, s := range st {
			out[s.OPD.Code] = s
		}
		return out
	}
	if s := states(sept); s["DISKOMINFO"].State != model.OPDNotStarted || s["BAPPEDA"].State != model.OPDNotStarted {
		t.Fatalf("%+v", s)
	}
	// INSPEKTORAT gets a later deadline with its bundle.
	a, _ := c.AssignmentFor("INSPEKTORAT")
	a.Sent, a.Deadline = now(), model.Date{Year: 2025, Month: 10, Day: 15}
	c.RecordAssignment("Sari", a)
	d, _ := c.AssignmentFor("DISKOMINFO")
	d.Sent = now()
	c.RecordAssignment("Sari", d)
	oct := model.Date{Year: 2025, Month: 10, Day: 1}
	s := states(oct)
	if s["DISKOMINFO"].State != model.OPDOverdue || s["INSPEKTORAT"].State != model.OPDAssignmentSent || s["BAPPEDA"].State != model.OPDNotStarted ||
		s["INSPEKTORAT"].Sent != model.Today() {
		t.Fatalf("%+v", s)
	}
	opd := opdWithWork(t) // answers 1, 11 and 45; evidence on 1 and 11
	if _, err := importFrom(t, c, opd, exported(t, opd), false); err != nil {
		t.Fatal(err)
	}
	k := states(oct)["DISKOMINFO"]
	if k.State != model.OPDSubmitted || k.Revision != 1 || k.Answered != 3 || k.WithEvidence != 2 || k.Submitted != model.Today() || k.OPD.Key.IsZero() {
		t.Fatalf("%+v", k)
	}
	latest, err := c.LatestSubmissions()
	if err != nil || len(latest) != 1 || latest["DISKOMINFO"].Revision != 1 {
		t.Fatalf("%v %v", latest, err)
	}
}

// TestAdoptAnswer: the coordinator takes an OPD's answer with its
// evidence, linking the files it holds.
func TestAdoptAnswer(t *testing.T) {
	c := registered(t)
	for _, no := range []int{1, 11} {
		c.SetAssigned("Sari", "DISKOMINFO", no, true)
	}
	opd := opdWithWork(t)
	if _, err := c.AdoptAnswer("Sari", 1, "DISKOMINFO"); !errors.Is(err, model.ErrNoSubmission) {
		t.Fatalf("nothing imported: %v", err)
	}
	importFrom(t, c, opd, exported(t, opd), false)
	contrib, err := c.Contributions()
	if err != nil || len(contrib) != 1 || len(contrib["DISKOMINFO"].Answers) != 2 || len(contrib["DISKOMINFO"].Evidence) != 3 {
		t.Fatalf("contributions %+v %v", contrib, err)
	}
	// 45 is answered but not assigned: it does not count.
	if _, ok := contrib["DISKOMINFO"].Answers[45]; ok {
		t.Fatal("an unassigned answer counts")
	}
	ans, err := c.AdoptAnswer("Sari", 11, "diskominfo")
	if err != nil || ans.Value != 300 || ans.Fakta != "Dokumen arsitektur (arsitektur.pdf)" || ans.By != "Sari" {
		t.Fatalf("%+v %v", ans, err)
	}
	ev, _ := c.Evidence(11)
	if len(ev) != 2 || ev[0].By != "Sari" {
		t.Fatalf("evidence %+v", ev)
	}
	// Again: nothing changes.
	h, _ := c.History(11)
	if _, err := c.AdoptAnswer("Sari", 11, "DISKOMINFO"); err != nil {
		t.Fatal(err)
	}
	if again, _ := c.History(11); len(again) != len(h) {
		t.Fatal("adopted twice")
	}
	if _, err := c.AdoptAnswer("Sari", 12, "DISKOMINFO"); !errors.Is(err, model.ErrNoSubmission) {
		t.Fatalf("an unanswered indicator: %v", err)
	}
	if _, err := c.AdoptAnswer("Sari", 11, "INSPEKTORAT"); !errors.Is(err, model.ErrNoSuchOPD) {
		t.Fatal(err)
	}
	r := mustCheck(t, c)
	if r.Links != 2 {
		t.Fatalf("links %d", r.Links)
	}
}

// TestMigrateFromV3: a version-3 coordinator file gets the new buckets,
// and keeps its imported submissions.
func TestMigrateFromV3(t *testing.T) {
	c := newCoordinator(t, nil)
	opd := opdWithWork(t)
	importFrom(t, c, opd, exported(t, opd), false)
	path := c.Path()
	c.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range []bucket{registryBucket, assignmentsBucket, targetsBucket, decisionsBucket, reviewsBucket, exportsBucket} {
			if err := tx.DeleteBucket(b.name); err != nil {
				return err
			}
		}
		// The OPD's record as version 3 wrote it.
		opds := tx.Bucket(opdsBucket.name)
		k, v := opds.Cursor().First()
		var rec map[string]any
		json.Unmarshal(v, &rec)
		delete(rec, "created")
		delete(rec, "answered")
		delete(rec, "evidenced")
		b, _ := json.Marshal(rec)
		if err := opds.Put(bytes.Clone(k), b); err != nil {
			return err
		}
		return tx.Bucket(metaBucket.name).Put(keyVersion, binary.BigEndian.AppendUint64(nil, 3))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if v, _ := rawVersion(t, path+".v3.bak"); v != 3 {
		t.Fatalf("backup of version %d", v)
	}
	if subs, _ := w.Submitters(); len(subs) != 1 {
		t.Fatalf("submitters %+v", subs)
	}
	if err := w.PutOPD("Sari", model.OPD{Code: "DISKOMINFO", Name: kominfo}); err != nil {
		t.Fatal(err)
	}
	for _, no := range []int{1, 11, 12} {
		w.SetAssigned("Sari", "DISKOMINFO", no, true)
	}
	st, err := w.Status(model.Today())
	if err != nil || st[0].Revision != 1 || st[0].Submitted != model.Today() || st[0].Answered != 2 || st[0].WithEvidence != 2 ||
		st[0].States[12] != model.StateUnanswered {
		t.Fatalf("status after the migration %+v %v", st, err)
	}
	mustCheck(t, w)
}

// TestCarryCoordinator: a coordinator's new year carries the registry
// without keys, the timeline a year on and the trend with last year's
// own index.
func TestCarryCoordinator(t *testing.T) {
	c := registered(t)
	opd := opdWithWork(t)
	importFrom(t, c, opd, exported(t, opd), false)
	c.SetTimeline("Sari", model.DefaultTimeline(2025).Set(model.StageReporting, model.Date{Year: 2025, Month: 12, Day: 1}))
	c.SetTrend("Sari", []model.YearResult{{Year: 2024, Index: 376, Predikat: "Sangat Baik"}})
	c.SetOfficials("Sari", model.Officials{HeadName: "Drs. Sekda"})
	for _, no := range c.Pack().IndicatorNumbers() {
		if _, err := c.UpdateAnswer("Sari", no, AnswerUpdate{Value: ptr(model.Hundredths(300))}); err != nil {
			t.Fatal(err)
		}
	}
	c.Close()
	opts := testOptions(t)
	opts.Role, opts.Year, opts.Unit, opts.Pack = model.RoleCoordinator, 2026, "Tim Asesor Internal", nil
	next, err := CreateFrom(t.Context(), c.Path(), filepath.Join(t.TempDir(), "2026.swanilai"), opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { next.Close() })
	reg, _ := next.Registry()
	if len(reg) != 2 || reg[1].Name != kominfo || !reg[1].Key.IsZero() || reg[1].Contact != "Rina 0812" {
		t.Fatalf("registry %+v", reg)
	}
	tl, _ := next.Timeline()
	if d, _ := tl.Due(model.StageReporting); d != (model.Date{Year: 2026, Month: 12, Day: 1}) {
		t.Fatalf("timeline %v", tl)
	}
	trend, _ := next.Trend()
	if len(trend) != 2 || trend[1].Year != 2025 || trend[1].Index != 300 || trend[1].Predikat != "Baik" || len(trend[1].Domains) != 4 {
		t.Fatalf("trend %+v", trend)
	}
	a, _ := next.Assessment()
	if len(a.Answers) != 0 || a.Officials.HeadName != "Drs. Sekda" {
		t.Fatalf("answers %d, officials %+v", len(a.Answers), a.Officials)
	}
	mustCheck(t, next)
}

// TestCheckCoordination: Check reports a broken registry, matrix, target
// or trend record.
func TestCheckCoordination(t *testing.T) {
	c := registered(t)
	c.SetAssigned("Sari", "BAPPEDA", 11, true)
	err := c.update(func(tx *bbolt.Tx) error {
		if err := registryBucket.of(tx).Put([]byte("rusak"), []byte("{")); err != nil {
			return err
		}
		if err := assignmentsBucket.of(tx).Put([]byte("HILANG"), []byte(`{"indicators":[99]}`)); err != nil {
			return err
		}
		if err := targetsBucket.of(tx).Put(indicatorKey(12), []byte("700")); err != nil {
			return err
		}
		return metaBucket.of(tx).Put(keyTrend, []byte(`[{"year":2024,"index":900}]`))
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Check(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var kinds int
	for _, p := range r.Problems {
		if p.Kind == ProblemCoordination {
			kinds++
		}
	}
	if kinds != 5 {
		t.Fatalf("problems %v", r.Problems)
	}
}
