package position

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func body5KB(b *testing.B) []byte {
	b.Helper()
	ex, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "emlint", "v1.0", "policy", "valid-approval-two-stages.json"))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	buf.WriteString("{\n  \"policies\": [\n")
	for i := 0; buf.Len() < 5000; i++ {
		if i > 0 {
			buf.WriteString(",\n")
		}
		buf.Write(bytes.TrimSpace(ex))
	}
	buf.WriteString("\n  ]\n}\n")
	return buf.Bytes()
}

// BenchmarkNewLines5KB indexes the line starts of a 5 KB body.
func BenchmarkNewLines5KB(b *testing.B) {
	data := body5KB(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		NewLines(data)
	}
}

// BenchmarkPos5KB places ten findings in a 5 KB body: the index, then a line
// and column for each.
func BenchmarkPos5KB(b *testing.B) {
	data := body5KB(b)
	b.ReportAllocs()
	for b.Loop() {
		l := NewLines(data)
		for i := range 10 {
			l.Pos(len(data) * i / 10)
		}
	}
}
