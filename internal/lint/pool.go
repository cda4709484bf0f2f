package lint

import (
	"runtime"
	"sync"

	"github.com/emlint/emlint/internal/load"
)

// Window is how many files LintEach lets be linted ahead of the one it
// waits for: enough for the other workers to keep going past a slow file
// for a while, few enough that the results waiting to be handed on stay
// small however many files there are.
const Window = 256

// LintEach lints inputs on a bounded pool of workers and calls each with
// every result in input order, on the caller's goroutine, as soon as the
// results before it have been handed on. Results that finish early wait in
// a reorder buffer; no worker starts a file more than Window files past the
// first result not yet handed on, so the buffer never holds more than
// Window results. A slow each holds up the workers, which is what keeps
// memory flat when each writes a report.
func LintEach(inputs []load.File, opts Options, each func(i int, f File)) {
	workers := min(runtime.GOMAXPROCS(0), max(len(inputs), 1))
	if len(inputs) < runtime.GOMAXPROCS(0) {
		opts.SideBySide = true
	}
	type result struct {
		i int
		f File
	}
	jobs := make(chan int)
	results := make(chan result, workers)
	window := make(chan struct{}, Window) // a token per file started and not yet handed on
	go func() {
		for i := range inputs {
			window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results <- result{i, lintInput(inputs[i], opts)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	waiting := map[int]File{}
	next := 0
	for r := range results {
		waiting[r.i] = r.f
		for {
			f, ok := waiting[next]
			if !ok {
				break
			}
			delete(waiting, next)
			each(next, f)
			next++
			<-window
		}
	}
}

// lintInput reads and lints one input; a file that cannot be read is a
// failed result, not an error, so the rest of the run goes on.
func lintInput(in load.File, opts Options) File {
	data, err := in.Read()
	if err != nil {
		return File{Name: in.Name, Status: Failed, Reason: err.Error()}
	}
	return Lint(in.Name, data, opts)
}
