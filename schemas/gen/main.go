// Command gen regenerates the embedded schemas from schemas/reference. It is
// run by go generate in schemas/, so paths are relative to that directory;
// the logic lives in internal/gen so that tests can detect stale output.
package main

import (
	"log"
	"os"
	"sort"

	"github.com/emlint/emlint/schemas/internal/gen"
)

func main() {
	files, err := gen.Generate("reference")
	if err != nil {
		log.Fatalf("gen: %v", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := os.WriteFile(name, files[name], 0o644); err != nil {
			log.Fatalf("gen: %v", err)
		}
	}
}
