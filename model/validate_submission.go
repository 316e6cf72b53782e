package model

import (
	"fmt"
	"maps"
	"slices"
)

// ValidateSubmission checks the contents of submission s against p, the
// instrument pack its answers are given on, and returns the size of each
// distinct file it names (evidence and report) by SHA-256. It is the one
// check of a submission's contents: a bundle reader applies it to the
// assessment.json it has decoded, and a coordinator's workspace to every
// submission it imports, so that both refuse the same submissions. What
// only one of them can know stays with it: the bundle's members and
// manifest with the reader; the bundle id, key, registry, replay and the
// workspace's text limits with the store.
//
// A nil p, for a bundle read without its instrument, leaves out what only
// the instrument can tell: whether an indicator exists (numbers must still
// be 1 or more), whether a value fits its scale, and whether a sector name
// or an external index value belongs to the indicator.
//
// The checks run in this order and stop at the first failure:
//
//  1. the revision, 1 or more, and the review it answers: 0 (none) up to
//     the revision before its own (AnswersReview < Revision);
//  2. the target index, 0 (none) or 1,00–5,00 (ErrTargetRange), then the
//     indicator of each target, in indicator order (ErrUnknownIndicator);
//  3. each answer, in indicator order: filed under its own indicator; an
//     indicator of p (ErrUnknownIndicator); a value p accepts
//     (Pack.CheckValue: ErrLevelRange, ErrNotWholeLevel); a sector service
//     name only on a Layanan Publik Sektor indicator (ErrNotSector); an
//     external index value that converts to the answer's value
//     (ErrExternalMismatch);
//  4. each evidence link, in order: an indicator of p
//     (ErrUnknownIndicator), then its file: a SHA-256 in lower-case hex, a
//     size above 0, and the same size wherever the same file is named;
//  5. the report file, when s has one, likewise;
//  6. the history: an unbroken chain from s.Since (VerifyChain,
//     ErrChainBroken).
//
// The error says what is wrong in Indonesian and English and wraps the
// rule's sentinel where it has one. Callers put it inside their own
// sentinel as text (%v), so that errors.Is matches theirs alone and the
// window words the refusal as a refused submission, not as a mistyped
// level.
func ValidateSubmission(p *Pack, s *Submission) (map[string]int64, error) {
	if s == nil || s.Assessment == nil {
		return nil, Detailf("err.submission.empty")
	}
	if err := checkRevisions(s); err != nil {
		return nil, err
	}
	a := s.Assessment
	if err := checkTargets(p, a); err != nil {
		return nil, err
	}
	for _, no := range slices.Sorted(maps.Keys(a.Answers)) {
		if err := checkSubmittedAnswer(p, no, a.Answers[no]); err != nil {
			return nil, err
		}
	}
	files := map[string]int64{}
	for _, e := range a.Evidence {
		if err := knownIndicator(p, e.Indicator); err != nil {
			return nil, Within(err, "err.submission.evidence")
		}
		if n, seen := files[e.SHA256]; !IsHexSHA256(e.SHA256) || e.Size <= 0 || seen && n != e.Size {
			return nil, Detailf("err.submission.evidence_file", "SHA", fmt.Sprintf("%q", e.SHA256), "Size", e.Size)
		}
		files[e.SHA256] = e.Size
	}
	if s.Report != "" {
		if err := addReportFile(files, s.Report, s.ReportSize); err != nil {
			return nil, err
		}
	}
	if err := VerifyChain(s.History, s.Since.Hash, s.Since.Seq+1); err != nil {
		return nil, err
	}
	return files, nil
}

// checkRevisions checks the revision of s and the revision whose review it
// answers.
func checkRevisions(s *Submission) error {
	switch {
	case s.Revision < 1:
		return fmt.Errorf("revisi %d", s.Revision)
	case s.AnswersReview < 0 || s.AnswersReview >= s.Revision:
		return Detailf("err.submission.answers_review", "AnswersReview", s.AnswersReview, "Revision", s.Revision)
	}
	return nil
}

// checkTargets checks the target index of a and the indicators of its
// target levels.
func checkTargets(p *Pack, a *Assessment) error {
	if t := a.TargetIndex; t != 0 && (t < 100 || t > 500) {
		return fmt.Errorf("%w: %s", ErrTargetRange, t.ID())
	}
	for _, no := range slices.Sorted(maps.Keys(a.Targets)) {
		if err := knownIndicator(p, no); err != nil {
			return fmt.Errorf("target: %w", err)
		}
	}
	return nil
}

// checkSubmittedAnswer checks ans, filed under indicator no, against p.
func checkSubmittedAnswer(p *Pack, no int, ans Answer) error {
	if no != ans.Indicator {
		return Detailf("err.submission.answer_filed", "Answer", ans.Indicator, "Indicator", no)
	}
	if err := knownIndicator(p, no); err != nil {
		return err
	}
	if p == nil {
		return nil
	}
	if err := p.CheckValue(no, ans.Value); err != nil {
		return err
	}
	if ans.Sector != "" && !p.Indicator(no).SectorService {
		return fmt.Errorf("indikator %d: %w", no, ErrNotSector)
	}
	if ans.External != nil {
		if v, err := p.ConvertExternal(no, ans.External.Value); err != nil || v != ans.Value {
			return fmt.Errorf("indikator %d: %w", no, ErrExternalMismatch)
		}
	}
	return nil
}

// knownIndicator reports an indicator number p lacks or, without p, one
// below 1.
func knownIndicator(p *Pack, no int) error {
	if p != nil && p.Indicator(no) == nil {
		return fmt.Errorf("indikator %d: %w", no, ErrUnknownIndicator)
	}
	if no < 1 {
		return fmt.Errorf("indikator %d", no)
	}
	return nil
}

// addReportFile adds the report file sha of the given size to files,
// which may name the same file as evidence already.
func addReportFile(files map[string]int64, sha string, size int64) error {
	if !IsHexSHA256(sha) || size <= 0 {
		return Detailf("err.submission.report_file", "SHA", fmt.Sprintf("%q", sha), "Size", size)
	}
	if n, ok := files[sha]; ok && n != size {
		return Detailf("err.submission.report_sizes", "SHA", ShortSHA(sha), "Size", n, "Other", size)
	}
	files[sha] = size
	return nil
}

// IsHexSHA256 reports whether s is a SHA-256 in lower-case hex, as
// bundles name files and the store keys them.
func IsHexSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
