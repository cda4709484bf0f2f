package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// BenchmarkRelint5KB is an editor's keystroke: the server receives a 5 KB
// policy buffer in a didChange, lints it with every rule (as `emlint lsp`
// does, validation and rules side by side) and publishes the diagnostics.
// The target is under 2 ms.
func BenchmarkRelint5KB(b *testing.B) {
	text := buffer5KB(b)
	lintFn := func(path string, text []byte) []finding.Finding {
		return lint.Lint(path, text, lint.Options{SideBySide: true}).Findings
	}
	s := &server{out: io.Discard, lint: lintFn, log: io.Discard, docs: map[string]*document{}}
	const uri = "file:///repo/policies/finance.json"
	send := func(method string, params any) {
		body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.handle(body); err != nil {
			b.Fatal(err)
		}
	}
	init, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{}})
	if _, err := s.handle(init); err != nil {
		b.Fatal(err)
	}
	send("initialized", map[string]any{})
	send("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": text}})
	if n := len(s.docs[uri].findings); n == 0 {
		b.Fatal("the buffer has no finding: the benchmark would not publish any")
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	version := 1
	for b.Loop() {
		version++
		send("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version},
			"contentChanges": []map[string]any{{"text": text}}})
	}
}

// buffer5KB is a v1.0 policy of about 5 KB (the two-stage example with
// requestor questions) with an enum value misspelt.
func buffer5KB(b *testing.B) string {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "examples", "emlint", "v1.0", "policy", "valid-approval-two-stages.json"))
	if err != nil {
		b.Fatal(err)
	}
	var policy map[string]any
	if err := json.Unmarshal(data, &policy); err != nil {
		b.Fatal(err)
	}
	policy["allowedTargetScope"] = "allMemberUser"
	var questions []any
	for i := 0; ; i++ {
		questions = append(questions, map[string]any{
			"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "sequence": i + 1, "isRequired": true,
			"isSingleLineQuestion": true, "text": fmt.Sprintf("What is the business reason for request %d?", i+1),
		})
		policy["questions"] = questions
		out, err := json.MarshalIndent(policy, "", "  ")
		if err != nil {
			b.Fatal(err)
		}
		if len(out) >= 5000 {
			return string(out)
		}
	}
}
