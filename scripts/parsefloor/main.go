// parsefloor is the floor of the performance comparison in scripts/bench:
// it reads every file named on the command line (directories: the *.json
// files in them, recursively) and decodes each with encoding/json into an
// interface{} tree, on GOMAXPROCS workers. That is the least work any
// validator of these files does before it checks anything. It prints the
// number of files and bytes, and exits 1 if a file did not read or decode.
//
//	parsefloor PATH...
package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor PATH...")
		os.Exit(2)
	}
	var files []string
	for _, p := range os.Args[1:] {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parsefloor:", err)
			os.Exit(2)
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(path, ".json") {
				files = append(files, path)
			}
			return nil
		})
	}
	var nbytes, nbad atomic.Int64
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				b, err := os.ReadFile(f)
				if err == nil {
					var v any
					err = json.Unmarshal(b, &v)
				}
				if err != nil {
					fmt.Fprintf(os.Stderr, "%s: %v\n", f, err)
					nbad.Add(1)
				}
				nbytes.Add(int64(len(b)))
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("parsefloor: %d files, %d bytes, %d failed, %d workers\n", len(files), nbytes.Load(), nbad.Load(), runtime.GOMAXPROCS(0))
	if nbad.Load() > 0 {
		os.Exit(1)
	}
}
