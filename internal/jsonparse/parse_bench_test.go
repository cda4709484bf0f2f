package jsonparse

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// body5KB is a pretty-printed body of about 5 KB: the largest bodies of the
// benchmark corpus, built from the v1.0 example policy.
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

// BenchmarkParse5KB decodes a 5 KB body into the tree the validator takes.
func BenchmarkParse5KB(b *testing.B) {
	data := body5KB(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildIndex5KB records the span of every value of a 5 KB body by
// JSON Pointer: the position index a file with findings pays for.
func BenchmarkBuildIndex5KB(b *testing.B) {
	data := body5KB(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BuildIndex(data); err != nil {
			b.Fatal(err)
		}
	}
}
