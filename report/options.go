package report

import (
	"fmt"
	"time"

	"github.com/swanilai/swanilai/model"
)

// Language selects the language of a report's texts.
type Language string

// The languages a report can be written in. Reports are official documents
// of Indonesian local governments, so Indonesian is the only one for now;
// every text lives in texts.go so that another language is one more table.
const (
	Indonesian Language = "id"
)

// Options are the inputs of a report that do not come from the assessment.
type Options struct {
	// Generated is the moment the report is made. It is printed on the
	// cover and in every footer, in its own time zone (WIB, WITA or WIT).
	// It is required: a report never reads the clock itself.
	Generated time.Time
	// Today is the date readiness findings are judged against (is a
	// document still valid?) and the date of the Berita Acara. The zero
	// Date means the date of Generated.
	Today model.Date
	// Plan is the target planner's result to list in the summary. When it
	// is nil and the assessment has a target index, the report plans with
	// model.Pack.PlanTarget over the answered indicators, nothing frozen.
	Plan *model.Plan
	// Review is the coordinator's latest review of the OPD's submission,
	// when one was imported: the OPD report then says, per indicator and
	// in a section of its own, what the coordinator decided.
	Review *model.Review
	// Language selects the texts; the zero value is Indonesian.
	Language Language
	// Progress, when set, is called as the report advances, with the work
	// done and the total work in arbitrary units; done reaches total when
	// the PDF is written.
	Progress func(done, total int64)
}

// Errors of report generation; compare with errors.Is.
var (
	// ErrInput reports an assessment or recap the report cannot be made
	// from, such as one without an instrument.
	ErrInput = model.NewCode("err.report.input")
	// ErrOptions reports Options that cannot be used: no generation time,
	// an unknown language.
	ErrOptions = model.NewCode("err.report.options")
	// ErrRender reports a failure inside the PDF library. It wraps the
	// library's own error.
	ErrRender = model.NewCode("err.report.render")
	// ErrWrite reports that the finished PDF could not be written to the
	// writer. It wraps the writer's error.
	ErrWrite = model.NewCode("err.report.write")
)

// check validates opts and fills in the defaults.
func (opts Options) check() (Options, *texts, error) {
	if opts.Generated.IsZero() {
		return opts, nil, fmt.Errorf("report: %w", model.Errorf(ErrOptions, "err.report.no_generated"))
	}
	if opts.Today.IsZero() {
		opts.Today = model.DateOf(opts.Generated)
	}
	t, ok := languages[opts.Language]
	if !ok {
		return opts, nil, fmt.Errorf("report: %w", model.Errorf(ErrOptions, "err.report.language", "Language", fmt.Sprintf("%q", string(opts.Language))))
	}
	return opts, t, nil
}

// checkAssessment reports whether a can be reported on.
func checkAssessment(a *model.Assessment, what string) error {
	switch {
	case a == nil:
		return fmt.Errorf("report: %w", model.Errorf(ErrInput, "err.report.nil_input", "What", what))
	case a.Pack == nil:
		return fmt.Errorf("report: %w", model.Errorf(ErrInput, "err.report.no_instrument", "What", what))
	}
	return nil
}
