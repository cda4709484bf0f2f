package rules

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/tidwall/gjson"
)

// BenchmarkCheck10k runs the rules alone over the 10,000 generated bodies
// that internal/lint's BenchmarkLintAll10k lints, parsed beforehand: the
// rules' share of that run, apart from validation and parsing, so that a
// change to the rules shows above the machine's noise.
func BenchmarkCheck10k(b *testing.B) {
	dir := b.TempDir()
	cmd := exec.Command("go", "run", "./scripts/gencorpus", "-n", "10000", "-out", dir)
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("gencorpus: %v\n%s", err, out)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(names) != 10000 {
		b.Fatalf("%d files, %v", len(names), err)
	}
	sort.Strings(names)
	var bodies []Body
	var total int64
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		total += int64(len(data))
		parsed, err := jsonparse.Parse(data)
		if err != nil {
			b.Fatalf("%s: %v", name, err)
		}
		src := string(data)
		root := gjson.Parse(src)
		if parsed.BOM {
			root = gjson.Parse(src[3:])
		}
		body := Body{Src: src, Root: root, Nodes: parsed.Nodes}
		for _, s := range AllShapes { // files are named SHAPE-NNNNN.json
			if strings.HasPrefix(filepath.Base(name), s.String()+"-") {
				body.Shape = s
			}
		}
		if body.Shape == (Shape{}) {
			b.Fatalf("%s: no shape in the name", name)
		}
		bodies = append(bodies, body)
	}
	b.SetBytes(total)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, body := range bodies {
			Check(All, body)
		}
	}
	// The process's CPU time (the rules and the collector) per run: on a
	// loaded machine it moves much less than the wall time does.
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
