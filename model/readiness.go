package model

import (
	"path"
	"sort"
	"strings"
)

// FindingKind names one kind of problem an external assessor would reject.
type FindingKind string

// The kinds of readiness findings, in the order they are listed.
const (
	// FindingNoEvidence: a level is chosen but no evidence is linked.
	FindingNoEvidence FindingKind = "no-evidence"
	// FindingNoFakta: the FAKTA part of the penjelasan is empty.
	FindingNoFakta FindingKind = "no-fakta"
	// FindingFaktaNoFile: FAKTA names none of the linked evidence files,
	// while the guideline asks it to point at the file by name.
	FindingFaktaNoFile FindingKind = "fakta-no-file"
	// FindingNoAnalisis: the ANALISIS part of the penjelasan is empty.
	FindingNoAnalisis FindingKind = "no-analisis"
	// FindingExpired: an evidence file is past its valid-until date.
	FindingExpired FindingKind = "evidence-expired"
	// FindingTooOld: the chosen level asks for documents that are still
	// valid ("masih berlaku (<2 tahun)") and an evidence file is dated two
	// years ago or earlier.
	FindingTooOld FindingKind = "evidence-too-old"
	// FindingNoSector: a Layanan Publik Sektor indicator without the name
	// of the sector service.
	FindingNoSector FindingKind = "no-sector"
	// FindingReconfirm: an answer carried over from last year that nobody
	// has confirmed or changed yet.
	FindingReconfirm FindingKind = "reconfirm"
	// FindingExternalExpired: the external index value the answer was
	// converted from is past its valid-until date.
	FindingExternalExpired FindingKind = "external-expired"
)

var findingOrder = map[FindingKind]int{
	FindingNoEvidence: 1, FindingNoFakta: 2, FindingFaktaNoFile: 3, FindingNoAnalisis: 4,
	FindingExpired: 5, FindingTooOld: 6, FindingNoSector: 7, FindingReconfirm: 8,
	FindingExternalExpired: 9,
}

// Finding is one readiness problem of one indicator.
type Finding struct {
	Indicator int
	Kind      FindingKind
	// Level is the chosen level the finding is about.
	Level int
	// File and Date name the evidence file and the date at issue (its
	// valid-until or document date) for the evidence findings; for an
	// expired external value, Source names the value's source and Date its
	// valid-until date.
	File   string
	Source string
	Date   Date
}

// In says what is wrong in language l, as one sentence of the catalogue
// ("finding." and the kind). Its values are the chosen level, the file,
// the source, and the date twice: as YYYY-MM-DD (Date) and in Indonesian
// (DateID). A kind the catalogue lacks comes back as itself.
func (f Finding) In(l Lang) string {
	key := "finding." + string(f.Kind)
	if !HasText(l, key) && !HasText(ID, key) {
		return string(f.Kind)
	}
	return Text(l, key, map[string]any{
		"Level": f.Level, "File": f.File, "Source": f.Source,
		"Date": f.Date.String(), "DateID": f.Date.ID(),
	})
}

// Text is f.In(ID): a wrapper over the catalogue, kept for its callers.
func (f Finding) Text() string { return f.In(ID) }

// TextEN is f.In(EN): a wrapper over the catalogue, kept for its callers.
func (f Finding) TextEN() string { return f.In(EN) }

// RecencyLevel returns the lowest level of ind whose kriteria bukti dukung
// or kriteria pemenuhan asks for documents younger than two years, or 0
// when no level does. For most 59/2020 indicators it is level 4.
func (ind *Indicator) RecencyLevel() int {
	for _, l := range ind.Levels {
		if strings.Contains(l.Evidence, "2 tahun") || strings.Contains(l.Fulfilment, "2 tahun") {
			return l.Level
		}
	}
	return 0
}

// Readiness lists, for every answered indicator, what an external assessor
// would reject as of today: a level without evidence, an empty FAKTA or
// ANALISIS, a FAKTA that names no linked file, evidence past its
// valid-until date or too old for the level, a missing sector service
// name, answers carried over but not re-confirmed, and external index values
// past their validity. The list is ordered by indicator.
func (a *Assessment) Readiness(today Date) []Finding {
	var out []Finding
	evidence := map[int][]Evidence{}
	for _, e := range a.Evidence {
		evidence[e.Indicator] = append(evidence[e.Indicator], e)
	}
	for no, ans := range a.Answers {
		ind := a.Pack.Indicator(no)
		if ind == nil {
			continue
		}
		out = append(out, answerFindings(ind, a.Pack.LevelOf(ind, ans.Value), ans, evidence[no], today)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Indicator != out[j].Indicator {
			return out[i].Indicator < out[j].Indicator
		}
		return findingOrder[out[i].Kind] < findingOrder[out[j].Kind]
	})
	return out
}

// answerFindings lists the findings of one answer whose value stands for
// level (see Pack.LevelOf).
func answerFindings(ind *Indicator, level int, ans Answer, ev []Evidence, today Date) []Finding {
	var out []Finding
	add := func(f Finding) {
		f.Indicator, f.Level = ind.No, level
		out = append(out, f)
	}
	if ans.Reconfirm {
		add(Finding{Kind: FindingReconfirm})
	}
	if ans.Value == Unanswered {
		return out
	}
	if len(ev) == 0 {
		add(Finding{Kind: FindingNoEvidence})
	}
	switch {
	case strings.TrimSpace(ans.Fakta) == "":
		add(Finding{Kind: FindingNoFakta})
	case len(ev) > 0 && !namesAnyFile(ans.Fakta, ev):
		add(Finding{Kind: FindingFaktaNoFile})
	}
	if strings.TrimSpace(ans.Analisis) == "" {
		add(Finding{Kind: FindingNoAnalisis})
	}
	recency := ind.RecencyLevel()
	for _, e := range ev {
		if e.Expired(today) {
			add(Finding{Kind: FindingExpired, File: e.Name, Date: e.ValidUntil})
		}
		if recency > 0 && level >= recency && (e.Level == 0 || e.Level >= recency) &&
			!e.DocDate.IsZero() && !today.Before(e.DocDate.AddYears(2)) {
			add(Finding{Kind: FindingTooOld, File: e.Name, Date: e.DocDate})
		}
	}
	if ind.SectorService && strings.TrimSpace(ans.Sector) == "" {
		add(Finding{Kind: FindingNoSector})
	}
	if x := ans.External; x != nil && x.Expired(today) {
		add(Finding{Kind: FindingExternalExpired, Source: x.Source, Date: x.ValidUntil})
	}
	return out
}

// namesAnyFile reports whether text mentions one of the files by name,
// with or without its extension, ignoring case.
func namesAnyFile(text string, ev []Evidence) bool {
	t := strings.ToLower(text)
	for _, e := range ev {
		name := strings.ToLower(e.Name)
		stem := strings.TrimSuffix(name, path.Ext(name))
		if (name != "" && strings.Contains(t, name)) || (stem != "" && strings.Contains(t, stem)) {
			return true
		}
	}
	return false
}
