// Command preview renders the sample reports of package report/internal/sample
// into a directory, for scripts/pdf-previews.sh and for measuring a
// report's time and memory from outside the test binary:
//
//	go run ./report/internal/preview -out build/previews
//	go run ./report/internal/preview -out build/previews -only recap-60
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/swanilai/swanilai/report"
	"github.com/swanilai/swanilai/report/internal/sample"
)

// samples are the reports the command can write, by file name stem.
var samples = []struct {
	name  string
	write func(ctx context.Context, f *os.File) error
}{
	{"opd-diskominfo", func(ctx context.Context, f *os.File) error {
		return report.WriteOPD(ctx, f, sample.Diskominfo(), sample.Options())
	}},
	{"opd-full", func(ctx context.Context, f *os.File) error {
		return report.WriteOPD(ctx, f, sample.Full(), sample.Options())
	}},
	{"opd-empty", func(ctx context.Context, f *os.File) error {
		return report.WriteOPD(ctx, f, sample.Empty(), sample.Options())
	}},
	{"recap-60", func(ctx context.Context, f *os.File) error {
		return report.WriteRecap(ctx, f, sample.Recap(60), sample.Options())
	}},
}

func main() {
	out := flag.String("out", "build/previews", "directory to write the PDF files to")
	only := flag.String("only", "", "write only this sample (opd-diskominfo, opd-full, opd-empty, recap-60)")
	flag.Parse()
	if err := run(context.Background(), *out, *only); err != nil {
		fmt.Fprintln(os.Stderr, "preview:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, dir, only string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	found := false
	for _, s := range samples {
		if only != "" && s.name != only {
			continue
		}
		found = true
		path := filepath.Join(dir, s.name+".pdf")
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		start := time.Now()
		err = s.write(ctx, f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fmt.Printf("%s\t%v\n", path, time.Since(start).Round(time.Millisecond))
	}
	if !found {
		return fmt.Errorf("no sample named %q", only)
	}
	return nil
}
