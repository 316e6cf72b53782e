package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/swanilai/swanilai/model"
)

// filledWorkspace makes a closed workspace file with answers, evidence in
// many chunks and history, and returns its path.
func filledWorkspace(t testing.TB) string {
	t.Helper()
	w := small(newTestWorkspace(t))
	dir := t.TempDir()
	for i := range 6 {
		no := i*7 + 1
		if _, err := w.UpdateAnswer("Rina", no, AnswerUpdate{Value: ptr(model.Hundredths(100 * (i%5 + 1))), Fakta: ptr(fmt.Sprintf("Dokumen %d", i))}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := w.Attach(t.Context(), "Rina", no, writeFile(t, dir, fmt.Sprintf("bukti-%d.pdf", i), randomBytes(uint64(i), 10<<10+i*3000)), EvidenceMeta{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.Path()
}

// refusedOrChecked opens a broken file: it must be refused with a store
// error, or open and then survive Check and reading everything.
func refusedOrChecked(t *testing.T, path string, allowed ...error) (refused error) {
	t.Helper()
	w, err := Open(path)
	if err != nil {
		for _, a := range allowed {
			if errors.Is(err, a) {
				return err
			}
		}
		t.Fatalf("open: %v (want one of %v)", err, allowed)
	}
	defer w.Close()
	if _, err := w.Check(t.Context(), nil); err != nil && !errors.Is(err, ErrDamaged) {
		t.Fatalf("check: %v", err)
	}
	if _, err := w.Assessment(); err != nil && !errors.Is(err, ErrDamaged) {
		t.Fatalf("assessment: %v", err)
	}
	if _, err := w.History(0); err != nil && !errors.Is(err, ErrDamaged) {
		t.Fatalf("history: %v", err)
	}
	return nil
}

func TestDamagedFiles(t *testing.T) {
	good, err := os.ReadFile(filledWorkspace(t))
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	otherBolt := filepath.Join(t.TempDir(), "lain.db")
	db, err := bbolt.Open(otherBolt, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	db.Close()
	other, _ := os.ReadFile(otherBolt)
	flipMeta := func(b []byte) []byte {
		b = bytes.Clone(b)
		b[16+40] ^= 0xff // inside both meta pages: their checksums no longer hold
		b[page+16+40] ^= 0xff
		return b
	}
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotWorkspace},
		{"answers file", []byte("indikator,level\n1,3\n"), ErrNotWorkspace},
		{"zeros", make([]byte, 64<<10), ErrNotWorkspace},
		{"random garbage", randomBytes(1, 64<<10), ErrNotWorkspace},
		{"another bbolt file", other, ErrNotWorkspace},
		{"truncated to one page", good[:page], ErrDamaged},
		{"truncated to two pages", good[:2*page], ErrDamaged},
		{"truncated to half", good[:len(good)/2], ErrDamaged},
		{"truncated by one page", good[:highWater(t, good)-page], ErrDamaged},
		{"meta pages broken", flipMeta(good), ErrDamaged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "rusak.swanilai", tt.data)
			_, err := Open(path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			// The file is not held: it can be opened again (and refused
			// again), not ErrLocked.
			if _, err := Open(path); !errors.Is(err, tt.want) {
				t.Fatalf("second open: %v", err)
			}
		})
	}
	// Random damage anywhere after the meta pages: refused, or opened and
	// checked without a panic; Check reports what it finds.
	rng := rand.New(rand.NewPCG(1, 2))
	found := 0
	for i := range 40 {
		t.Run(fmt.Sprintf("random damage %d", i), func(t *testing.T) {
			b := bytes.Clone(good)
			off := 2*page + rng.IntN(len(b)-2*page-64)
			copy(b[off:], randomBytes(uint64(i)+100, 1+rng.IntN(64)))
			path := writeFile(t, t.TempDir(), "rusak.swanilai", b)
			if err := refusedOrChecked(t, path, ErrDamaged, ErrNotWorkspace, ErrSchemaTooNew); err == nil {
				w, _ := Open(path)
				if r, err := w.Check(t.Context(), nil); err == nil && !r.OK() {
					found++
				}
				w.Close()
			}
		})
	}
	t.Logf("random damage: check reported problems in %d opened files", found)
}

// highWater returns the bytes a bbolt file's pages take; the file may be
// longer.
func highWater(t *testing.T, file []byte) int {
	m, ok := parseMeta(file[4096:])
	m0, ok0 := parseMeta(file)
	if !ok || (ok0 && m0.txid > m.txid) {
		m = m0
	}
	if !ok && !ok0 {
		t.Fatal("no valid meta page")
	}
	return int(m.highWater) * int(m.pageSize)
}

func TestDiskFullSimulated(t *testing.T) {
	path := filledWorkspace(t)
	st, _ := os.Stat(path)
	// A file that may grow by 256 KiB only: bbolt refuses to grow it as a
	// full disk would.
	w, err := open(path, int(st.Size())+256<<10)
	if err != nil {
		t.Fatal(err)
	}
	small(w)
	before := snapshot(t, w)
	_, _, err = w.AttachReader(t.Context(), "Rina", 3, "pindaian.pdf", bytes.NewReader(randomBytes(77, 2<<20)), EvidenceMeta{}, nil)
	if !errors.Is(err, ErrDiskFull) {
		t.Fatalf("got %v", err)
	}
	if after := snapshot(t, w); after != before {
		t.Fatalf("workspace changed:\n%s\nwas\n%s", after, before)
	}
	// Small changes still fit.
	if _, err := w.UpdateAnswer("Rina", 3, AnswerUpdate{Value: ptr[model.Hundredths](200)}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, w)
	w.Close()
}

func TestConcurrentUse(t *testing.T) {
	w := small(newTestWorkspace(t))
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 4 {
		wg.Go(func() {
			for i := range 10 {
				no := g*10 + i + 1
				if _, err := w.UpdateAnswer(fmt.Sprintf("petugas %d", g), no, AnswerUpdate{Value: ptr(model.Hundredths(100 * (i%5 + 1)))}); err != nil {
					errs <- err
				}
				// Every goroutine attaches the same file too.
				if _, _, err := w.AttachReader(t.Context(), "x", no, "bersama.pdf", bytes.NewReader(randomBytes(1, 30<<10)), EvidenceMeta{}, nil); err != nil {
					errs <- err
				}
				if _, err := w.Assessment(); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Go(func() {
		if err := w.Backup(t.Context(), filepath.Join(dir, "cadangan"), nil); err != nil {
			errs <- err
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	r := mustCheck(t, w)
	if r.Blobs != 1 || r.Links != 40 || r.Answers != 40 || r.HistoryEntries != 80 {
		t.Fatalf("report %+v", r)
	}
}

// The kill test: a child process (this test binary, re-executed) loops
// setting answers and attaching and detaching files, and is killed with
// SIGKILL at random moments. After each kill the workspace must open, pass
// Check, and hold every change the child finished, plus maybe the one it
// was in the middle of.

const helperEnv = "SWANILAI_STORE_HELPER"

func TestHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) == "" {
		return
	}
	if err := helper(os.Getenv("SWANILAI_WS"), os.Getenv("SWANILAI_LOG"), os.Getenv("SWANILAI_SEED")); err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
}

func helper(path, logPath, seed string) error {
	w, err := Open(path)
	if err != nil {
		return err
	}
	small(w)
	log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	n, _ := strconv.ParseUint(seed, 10, 64)
	rng := rand.New(rand.NewPCG(n, 7))
	fmt.Println("ready")
	// write goes straight to the file (no buffer): it survives SIGKILL.
	write := func(format string, a ...any) { fmt.Fprintf(log, format+"\n", a...) }
	for i := 0; ; i++ {
		no := 1 + rng.IntN(47)
		switch op := rng.IntN(10); {
		case op < 5:
			v := model.Hundredths(100 * rng.IntN(6))
			write("begin set %d %d", no, v)
			if _, err := w.UpdateAnswer("anak", no, AnswerUpdate{Value: &v, Fakta: ptr(fmt.Sprintf("fakta %d", i))}); err != nil {
				return err
			}
			write("done set %d %d", no, v)
		case op < 9:
			data := randomBytes(rng.Uint64()%64, 1+rng.IntN(60<<10))
			sum := sha256.Sum256(data)
			write("begin attach %d %x", no, sum)
			if _, _, err := w.AttachReader(context.Background(), "anak", no, "b.pdf", bytes.NewReader(data), EvidenceMeta{}, nil); err != nil {
				return err
			}
			write("done attach %d %x", no, sum)
		default:
			ev, err := w.Evidence(no)
			if err != nil {
				return err
			}
			if len(ev) == 0 {
				continue
			}
			sha := ev[rng.IntN(len(ev))].SHA256
			write("begin detach %d %s", no, sha)
			if _, err := w.Detach("anak", no, sha); err != nil {
				return err
			}
			write("done detach %d %s", no, sha)
		}
	}
}

// expectation is what the log of the children says the workspace holds.
type expectation struct {
	values map[int]string  // indicator -> value after the last finished set
	links  map[string]bool // "no sha" -> linked after the last finished op
	open   []string        // the op begun but not finished, if any
}

func readLog(t *testing.T, path string) expectation {
	t.Helper()
	e := expectation{values: map[int]string{}, links: map[string]bool{}}
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return e
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 4 {
			continue // a line cut by the kill
		}
		switch fields[0] {
		case "begin":
			e.open = fields
			continue
		case "abort":
			e.open = nil
			continue
		}
		e.open = nil
		no, _ := strconv.Atoi(fields[2])
		switch fields[1] {
		case "set":
			e.values[no] = fields[3]
		case "attach":
			e.links[fields[2]+" "+fields[3]] = true
		case "detach":
			delete(e.links, fields[2]+" "+fields[3])
		}
	}
	return e
}

// verify checks the workspace against the log. It returns the line that
// resolves the operation the child was killed in: "done …" when it is in
// the workspace, "abort …" when not, "" when there was none.
func (e expectation) verify(t *testing.T, w *Workspace) (resolved string) {
	t.Helper()
	a, err := w.Assessment()
	if err != nil {
		t.Fatal(err)
	}
	inFlight := func(op, key string) bool {
		return len(e.open) == 4 && e.open[1] == op && e.open[2]+" "+e.open[3] == key
	}
	for no := 1; no <= 47; no++ {
		got := strconv.Itoa(int(a.Answers[no].Value))
		want, ok := e.values[no]
		if !ok {
			want = "0"
		}
		if got != want && !(len(e.open) == 4 && e.open[1] == "set" && e.open[2] == strconv.Itoa(no) && e.open[3] == got) {
			t.Fatalf("indicator %d has %s, the log says %s (in flight: %v)", no, got, want, e.open)
		}
	}
	have := map[string]bool{}
	for _, ev := range a.Evidence {
		have[fmt.Sprintf("%d %s", ev.Indicator, ev.SHA256)] = true
	}
	for k := range e.links {
		if !have[k] && !inFlight("detach", k) {
			t.Fatalf("finished attach %s is missing", k)
		}
	}
	for k := range have {
		if !e.links[k] && !inFlight("attach", k) {
			t.Fatalf("link %s is there but was never finished", k)
		}
	}
	if len(e.open) != 4 {
		return ""
	}
	applied := false
	switch key := e.open[2] + " " + e.open[3]; e.open[1] {
	case "set":
		no, _ := strconv.Atoi(e.open[2])
		applied = strconv.Itoa(int(a.Answers[no].Value)) == e.open[3]
	case "attach":
		applied = have[key]
	case "detach":
		applied = !have[key]
	}
	if applied {
		return strings.Join(append([]string{"done"}, e.open[1:]...), " ")
	}
	return strings.Join(append([]string{"abort"}, e.open[1:]...), " ")
}

// smallPack is the built-in 59/2020 pack with every long text cut to a
// word: the same indicators, weights, scales and bands.
func smallPack(t testing.TB) *model.Pack {
	t.Helper()
	b, err := spbe(t).CanonicalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	var cut func(v any) any
	cut = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "notes")
			delete(x, "aliases")
			for k, e := range x {
				x[k] = cut(e)
			}
		case []any:
			for i, e := range x {
				x[i] = cut(e)
			}
		case string:
			if len(x) > 40 {
				return x[:strings.IndexAny(x+" ", " ")]
			}
		}
		return v
	}
	b, err = json.Marshal(cut(v))
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.ParsePackBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func appendLine(t *testing.T, path, line string) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(line + "\n"); err != nil {
		t.Fatal(err)
	}
}

// startHelper starts the helper process on the workspace at path and
// waits until it has the workspace open.
func startHelper(t *testing.T, path, logPath string, seed int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), helperEnv+"=1", "SWANILAI_WS="+path, "SWANILAI_LOG="+logPath, "SWANILAI_SEED="+strconv.Itoa(seed))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, err := bufio.NewReader(out).ReadString('\n'); line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q (%v): %s", line, err, stderr.String())
	}
	return cmd
}

func TestOpenLockedByAnotherProcess(t *testing.T) {
	w := newTestWorkspace(t)
	w.Close()
	cmd := startHelper(t, w.Path(), filepath.Join(t.TempDir(), "log"), 1)
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	start := time.Now()
	_, err := Open(w.Path())
	if !errors.Is(err, ErrLocked) || time.Since(start) > 2*time.Second {
		t.Fatalf("open while another process has it: %v after %v", err, time.Since(start))
	}
}

// killed reports whether err is the end of a child that Process.Kill
// stopped: by a signal on Unix (exit code -1), by TerminateProcess on
// Windows, which Go calls with exit code 1.
func killed(err error) bool {
	ee, ok := errors.AsType[*exec.ExitError](err)
	if !ok {
		return false
	}
	if runtime.GOOS == "windows" {
		return ee.ExitCode() == 1
	}
	return ee.ExitCode() == -1
}

func TestKillDuringWrites(t *testing.T) {
	kills := 60
	if testing.Short() {
		kills = 10
	}
	dir := t.TempDir()
	path, logPath := filepath.Join(dir, "kerja.swanilai"), filepath.Join(dir, "log")
	// A small pack keeps the children quick to start under the race
	// detector, which is slow at parsing the 422 kB built-in one.
	opts := testOptions(t)
	opts.Pack = smallPack(t)
	w, err := Create(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	rng := rand.New(rand.NewPCG(42, 42))
	for i := range kills {
		// Mostly kill while it works; now and then while it opens.
		var cmd *exec.Cmd
		if i%5 != 0 {
			cmd = startHelper(t, path, logPath, i)
		} else {
			cmd = exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
			cmd.Env = append(os.Environ(), helperEnv+"=1", "SWANILAI_WS="+path, "SWANILAI_LOG="+logPath, "SWANILAI_SEED="+strconv.Itoa(i))
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
		}
		<-time.After(time.Duration(rng.IntN(15000)) * time.Microsecond)
		cmd.Process.Kill()
		err := cmd.Wait()
		if !killed(err) {
			t.Fatalf("kill %d: child ended by itself: %v", i, err)
		}
		w, err := Open(path)
		if err != nil {
			t.Fatalf("after kill %d: %v", i, err)
		}
		if c := counts(t, w); c["pending"] != 0 {
			t.Fatalf("after kill %d: %d pending extents", i, c["pending"])
		}
		r, err := w.Check(t.Context(), nil)
		if err != nil || !r.OK() {
			t.Fatalf("after kill %d: %v %v", i, err, r.Problems)
		}
		if line := readLog(t, logPath).verify(t, w); line != "" {
			appendLine(t, logPath, line)
		}
		w.Close()
	}
	e := readLog(t, logPath)
	t.Logf("%d kills; the log holds %d answers and %d links", kills, len(e.values), len(e.links))
	if len(e.links) == 0 || len(e.values) == 0 {
		t.Fatal("the children did not get any work done")
	}
}
