package schemas_test

import (
	"testing"

	"github.com/emlint/emlint/schemas"
)

// BenchmarkCompile compiles each embedded schema from scratch, as the
// first Validate of a shape does in a new process (emlint's validate
// package compiles the same way: format assertions on, a loader that
// serves only the embedded schemas). This is most of the start-up cost of
// linting one file.
func BenchmarkCompile(b *testing.B) {
	for _, s := range shapes {
		b.Run(schemas.Name(s.api, s.kind), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := newCompiler(nil).Compile(schemas.URL(s.api, s.kind)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
