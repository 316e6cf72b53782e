package model

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Role says what a workspace is for.
type Role string

// The two workspace roles.
const (
	// RoleOPD is an OPD's own workspace: it answers the indicators the
	// OPD is responsible for and exports a submission.
	RoleOPD Role = "opd"
	// RoleCoordinator is the city coordinator's workspace (Tim Asesor
	// Internal): it assigns, collects, reviews and consolidates.
	RoleCoordinator Role = "coordinator"
)

// ErrRole reports a role other than opd or coordinator.
var ErrRole = NewCode("err.role")

// ParseRole reads "opd" or "coordinator".
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleOPD, RoleCoordinator:
		return r, nil
	}
	return "", fmt.Errorf("%q: %w", s, ErrRole)
}

// Identity is who a workspace belongs to and what it assesses. It is fixed
// when the workspace is created.
type Identity struct {
	// ID is the workspace's UUID, unique among all workspaces.
	ID   string
	Role Role
	// Instansi is the government, e.g. "Pemerintah Kota Pekalongan".
	Instansi string
	// Unit is the OPD, e.g. "Dinas Komunikasi dan Informatika"; a
	// coordinator names its own team here.
	Unit string
	// Year is the evaluation year.
	Year int
	// InstrumentID and InstrumentHash name the exact instrument pack the
	// workspace is filled against.
	InstrumentID   string
	InstrumentHash string
	Created        time.Time
}

// Officials are the people a report names for signature: the head of the
// OPD (Kepala OPD) and the person responsible (penanggung jawab), with
// their NIP, and the place the Berita Acara is signed. Empty fields print
// as blank lines to fill in by hand.
type Officials struct {
	HeadName, HeadNIP, HeadTitle                      string
	ResponsibleName, ResponsibleNIP, ResponsibleTitle string
	Place                                             string
}

// Evidence is one evidence file (bukti dukung) linked to one indicator. The
// bytes are identified by their SHA-256; the same file linked to several
// indicators is one blob with several links, each with its own metadata.
type Evidence struct {
	Indicator int
	// SHA256 is the hex SHA-256 of the file's bytes.
	SHA256 string
	Size   int64
	// Name is the original file name, e.g. "1.a.Perwal-12-2022.pdf".
	Name string
	// Title, DocNo and DocDate describe the document: "Peraturan Wali Kota
	// tentang Arsitektur SPBE", "12 Tahun 2022", its date.
	Title   string
	DocNo   string
	DocDate Date
	// ValidUntil is the last day the document is valid; zero means no end.
	ValidUntil Date
	// Level is the maturity level the file supports; 0 when not said.
	Level int
	// By and At say who linked the file, and when.
	By string
	At time.Time
}

// SizeText formats a byte count for people, in Indonesian notation with
// decimal units: "812 B", "34,2 kB", "3,4 MB", "1,07 GB".
func SizeText(n int64) string {
	const k = 1000
	unit, div, decimals := "B", int64(1), 0
	switch {
	case n >= k*k*k:
		unit, div, decimals = "GB", k*k*k, 2
	case n >= k*k:
		unit, div, decimals = "MB", k*k, 1
	case n >= k:
		unit, div, decimals = "kB", k, 1
	}
	if decimals == 0 {
		return fmt.Sprintf("%d %s", n, unit)
	}
	s := strconv.FormatFloat(float64(n)/float64(div), 'f', decimals, 64)
	return strings.Replace(s, ".", ",", 1) + " " + unit
}

// ShortHash returns the first 12 hex digits of the SHA-256, enough for
// people to tell files apart.
func (e Evidence) ShortHash() string { return ShortSHA(e.SHA256) }

// ShortSHA returns the first 12 characters of a SHA-256 in hex (all of a
// shorter text), as people and messages name a file.
func ShortSHA(sha string) string {
	if utf8.RuneCountInString(sha) <= 12 {
		return sha
	}
	return string([]rune(sha)[:12])
}

// Expired reports whether the document's validity ended before today.
func (e Evidence) Expired(today Date) bool {
	return !e.ValidUntil.IsZero() && e.ValidUntil.Before(today)
}

// Assessment is everything one workspace says about one evaluation year:
// who it is, the instrument, the answers with their penjelasan, the
// evidence links and the targets. Reports and bundles are made from an
// Assessment; the store builds it from the workspace file.
type Assessment struct {
	Identity  Identity
	Pack      *Pack
	Officials Officials
	// Answers holds the answer of each indicator that has one.
	Answers map[int]Answer
	// Evidence is every evidence link, ordered by indicator and then by
	// the time it was linked.
	Evidence []Evidence
	// TargetIndex is the index the instansi aims at (0: none set);
	// Targets are target levels per indicator, as the coordinator assigns.
	TargetIndex Hundredths
	Targets     map[int]Hundredths
	// Revision is the number of the last exported submission (0: never).
	Revision int
	// KeyFingerprint identifies the workspace's signing key once it has
	// one; empty before.
	KeyFingerprint string
}

// Values returns the answered values by indicator number.
func (a *Assessment) Values() Values {
	v := make(Values, len(a.Answers))
	for no, ans := range a.Answers {
		if ans.Value != Unanswered {
			v[no] = ans.Value
		}
	}
	return v
}

// Score scores the answered indicators against the workspace's pack.
func (a *Assessment) Score() (*Score, error) { return a.Pack.Score(a.Values()) }

// EvidenceFor returns the evidence links of indicator no.
func (a *Assessment) EvidenceFor(no int) []Evidence {
	var out []Evidence
	for _, e := range a.Evidence {
		if e.Indicator == no {
			out = append(out, e)
		}
	}
	return out
}

// EvidenceTotals returns how many distinct files the evidence links ev
// point at (one per SHA-256, however many indicators link it) and their
// total size.
func EvidenceTotals(ev []Evidence) (files int, bytes int64) {
	sizes := map[string]int64{}
	for _, e := range ev {
		sizes[e.SHA256] = e.Size
	}
	for _, n := range sizes {
		bytes += n
	}
	return len(sizes), bytes
}

// SortEvidence orders evidence links by indicator, then by the time they
// were linked, then by name.
func SortEvidence(ev []Evidence) {
	sort.SliceStable(ev, func(i, j int) bool {
		a, b := ev[i], ev[j]
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		if !a.At.Equal(b.At) {
			return a.At.Before(b.At)
		}
		return a.Name < b.Name
	})
}
