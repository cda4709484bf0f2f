package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/rules"
)

// badBody is a v1.0 policy with an enum error on a line that has an emoji
// before it (4 bytes in UTF-8, 1 character, 2 UTF-16 code units), and a
// warning on a later line.
const badBody = "{\n" +
	`  "displayName": "Finance 💰 approvers", "allowedTargetScope": "allMemberUser",` + "\n" +
	`  "accessPackage": {"id": "5f6a2b1c-0d3e-4f5a-9b8c-7d6e5f4a3b2c"},` + "\n" +
	`  "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": false, "stages": [{"durationBeforeAutomaticDenial": "P2D"}]}` + "\n" +
	"}\n"

// fixedBody is badBody with both problems fixed.
const fixedBody = "{\n" +
	`  "displayName": "Finance 💰 approvers", "allowedTargetScope": "allMemberUsers",` + "\n" +
	`  "accessPackage": {"id": "5f6a2b1c-0d3e-4f5a-9b8c-7d6e5f4a3b2c"},` + "\n" +
	`  "requestApprovalSettings": {"isApprovalRequiredForAdd": false, "isApprovalRequiredForUpdate": false, "stages": []}` + "\n" +
	"}\n"

// brokenBody is not JSON: the value of allowedTargetScope is missing, after
// two emoji on the same line.
const brokenBody = "{\r\n" +
	`  "displayName": "😀😀", "allowedTargetScope": }` + "\r\n"

// recorder is a LintFunc built on the real linter that remembers the paths
// it was called with.
type recorder struct {
	mu    sync.Mutex
	paths []string
}

func (r *recorder) lint(path string, text []byte) []finding.Finding {
	r.mu.Lock()
	r.paths = append(r.paths, path)
	r.mu.Unlock()
	return lintFindings(path, text)
}

// lintFindings lints with the schema and one rule, so that rules added
// later do not change what these tests expect.
func lintFindings(path string, text []byte) []finding.Finding {
	return lint.Lint(path, text, lint.Options{Rules: []*rules.Rule{rules.ByID("stages-without-approval")}}).Findings
}

func (r *recorder) calls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.paths...)
}

// syncBuffer is a log that the server writes while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// client drives a server over two io.Pipes, as an editor does over stdio.
type client struct {
	t      *testing.T
	toSrv  *io.PipeWriter
	msgs   chan json.RawMessage
	served chan error // Serve's result
	log    *syncBuffer
	cancel context.CancelFunc
	nextID int
}

func startServer(t *testing.T, lintFn LintFunc) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	c := &client{t: t, toSrv: inW, msgs: make(chan json.RawMessage, 64), served: make(chan error, 1), log: &syncBuffer{}, cancel: cancel}
	go func() {
		err := Options{Version: "v9.8.7", Help: func(rule string) string { return "the help of " + rule }}.Serve(ctx, inR, outW, lintFn, c.log)
		outW.Close()
		inR.Close()
		c.served <- err
	}()
	go func() {
		br := bufio.NewReader(outR)
		for {
			body, err := readMessage(br)
			if err != nil {
				close(c.msgs)
				return
			}
			c.msgs <- body
		}
	}()
	t.Cleanup(func() {
		cancel()
		inW.Close()
		outR.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", c.log.String())
		}
	})
	return c
}

func (c *client) send(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := writeMessage(c.toSrv, body); err != nil {
		c.t.Fatalf("sending %s: %v", body, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its id.
func (c *client) request(method string, params any) int {
	c.t.Helper()
	c.nextID++
	m := map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method}
	if params != nil {
		m["params"] = params
	}
	c.send(m)
	return c.nextID
}

// recv returns the next message from the server, decoded into v.
func (c *client) recv(v any) {
	c.t.Helper()
	select {
	case body, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		if err := json.Unmarshal(body, v); err != nil {
			c.t.Fatalf("decoding %s: %v", body, err)
		}
	case <-time.After(10 * time.Second):
		c.t.Fatal("no message from the server in 10 s")
	}
}

type testResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   *responseError  `json:"error"`
}

func (c *client) response(wantID string) testResponse {
	c.t.Helper()
	var r testResponse
	c.recv(&r)
	if r.JSONRPC != "2.0" || string(r.ID) != wantID {
		c.t.Fatalf("got %+v, want a JSON-RPC 2.0 response to id %s", r, wantID)
	}
	return r
}

type testPublish struct {
	Method string                   `json:"method"`
	Params publishDiagnosticsParams `json:"params"`
}

func (c *client) diagnostics(uri string) publishDiagnosticsParams {
	c.t.Helper()
	var n testPublish
	c.recv(&n)
	if n.Method != "textDocument/publishDiagnostics" || n.Params.URI != uri {
		c.t.Fatalf("got %+v, want diagnostics for %s", n, uri)
	}
	if n.Params.Diagnostics == nil {
		c.t.Fatalf("diagnostics for %s is null, want a list", uri)
	}
	return n.Params
}

func (c *client) initialize() {
	c.t.Helper()
	id := c.request("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}})
	c.response(fmt.Sprint(id))
	c.notify("initialized", map[string]any{})
}

// shutdownAndExit ends the session as an editor does and checks that Serve
// returned nil.
func (c *client) shutdownAndExit() {
	c.t.Helper()
	id := c.request("shutdown", nil)
	if r := c.response(fmt.Sprint(id)); string(r.Result) != "null" || r.Error != nil {
		c.t.Fatalf("shutdown: got %+v, want result null", r)
	}
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		c.t.Fatalf("Serve after shutdown and exit: %v", err)
	}
}

func (c *client) wait() error {
	c.t.Helper()
	select {
	case err := <-c.served:
		return err
	case <-time.After(10 * time.Second):
		c.t.Fatal("Serve did not return in 10 s")
		return nil
	}
}

func diag(line, char, endLine, endChar, sev int, code, msg string) diagnostic {
	return diagnostic{
		Range:    lspRange{Start: lspPosition{Line: line, Character: char}, End: lspPosition{Line: endLine, Character: endChar}},
		Severity: sev, Code: code, CodeDescription: &codeDescription{Href: RulesURL}, Source: "emlint", Message: msg,
	}
}

func checkDiagnostics(t *testing.T, got publishDiagnosticsParams, wantVersion *int, want []diagnostic) {
	t.Helper()
	if (got.Version == nil) != (wantVersion == nil) || (got.Version != nil && *got.Version != *wantVersion) {
		t.Errorf("version: got %v, want %v", got.Version, wantVersion)
	}
	if len(want) == 0 {
		want = []diagnostic{}
	}
	if !reflect.DeepEqual(got.Diagnostics, want) {
		g, _ := json.MarshalIndent(got.Diagnostics, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("diagnostics:\ngot  %s\nwant %s", g, w)
	}
}

func ptr(n int) *int { return &n }

// waitGoroutines waits for the number of goroutines to fall back to n.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines left running, want %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSession(t *testing.T) {
	before := runtime.NumGoroutine()
	rec := &recorder{}
	c := startServer(t, rec.lint)

	id := c.request("initialize", map[string]any{"processId": 1, "rootUri": "file:///work", "capabilities": map[string]any{}})
	r := c.response(fmt.Sprint(id))
	const wantInit = `{"capabilities":{"textDocumentSync":{"openClose":true,"change":1,"save":{"includeText":false}},"codeActionProvider":{"codeActionKinds":["quickfix"]},"hoverProvider":true,"executeCommandProvider":{"commands":["emlint.explainRule"]}},"serverInfo":{"name":"emlint","version":"v9.8.7"}}`
	if string(r.Result) != wantInit || r.Error != nil {
		t.Fatalf("initialize result:\ngot  %s\nwant %s", r.Result, wantInit)
	}
	c.notify("initialized", map[string]any{})

	const uri = "file:///work/policies/fin%20ance.json"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "json", "version": 1, "text": badBody}})
	checkDiagnostics(t, c.diagnostics(uri), ptr(1), []diagnostic{
		// Line 1 is `  "displayName": "Finance 💰 approvers", "allowedTargetScope": "allMemberUser",`:
		// the value starts after 62 characters, 65 bytes, 63 UTF-16 code units.
		diag(1, 63, 1, 78, severityError, "schema-enum", "`allowedTargetScope` is `\"allMemberUser\"`: did you mean `\"allMemberUsers\"`?"),
		diag(3, 113, 3, 155, severityWarning, "stages-without-approval", "`stages` has 1 stage but neither `isApprovalRequiredForAdd` nor `isApprovalRequiredForUpdate` is true, so Graph ignores them: set `isApprovalRequiredForAdd` to true, or send an empty `stages`"),
	})
	if got, want := rec.calls(), []string{filepath.FromSlash("/work/policies/fin ance.json")}; !reflect.DeepEqual(got, want) {
		t.Errorf("LintFunc paths: got %q, want %q", got, want)
	}

	// Hovering over a finding shows its message and its rule's help; over
	// nothing, nothing.
	hid := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 1, "character": 70}})
	var hover struct {
		Contents markupContent
		Range    lspRange
	}
	if r := c.response(fmt.Sprint(hid)); json.Unmarshal(r.Result, &hover) != nil || hover.Contents.Kind != "markdown" ||
		!strings.Contains(hover.Contents.Value, "**emlint schema-enum** (error): `allowedTargetScope`") ||
		!strings.Contains(hover.Contents.Value, "the help of schema-enum") || hover.Range != (lspRange{Start: lspPosition{1, 63}, End: lspPosition{1, 78}}) {
		t.Errorf("hover on the finding: %s", r.Result)
	}
	hid = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 0}})
	if r := c.response(fmt.Sprint(hid)); string(r.Result) != "null" || r.Error != nil {
		t.Errorf("hover on nothing: %s", r.Result)
	}

	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": fixedBody}}})
	checkDiagnostics(t, c.diagnostics(uri), ptr(2), nil)

	// An unsaved buffer that is not even JSON: the "}" where a value should
	// be follows 45 characters, 51 bytes, 47 UTF-16 code units (two emoji),
	// on a CRLF line.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 3},
		"contentChanges": []any{map[string]any{"text": brokenBody}}})
	got := c.diagnostics(uri)
	if len(got.Diagnostics) != 1 {
		t.Fatalf("broken body: got %+v, want one diagnostic", got.Diagnostics)
	}
	if d := got.Diagnostics[0]; d.Code != "json-syntax" || d.Severity != severityError ||
		d.Range != (lspRange{Start: lspPosition{1, 47}, End: lspPosition{1, 48}}) {
		t.Errorf("broken body: got %+v, want json-syntax at 1:47-1:48", d)
	}

	// didSave with the text relints it; without, it relints what it holds.
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}, "text": fixedBody})
	checkDiagnostics(t, c.diagnostics(uri), ptr(3), nil)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	checkDiagnostics(t, c.diagnostics(uri), ptr(3), nil)

	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	checkDiagnostics(t, c.diagnostics(uri), nil, nil)

	// After shutdown, requests are refused and only exit is accepted.
	id = c.request("shutdown", nil)
	if r := c.response(fmt.Sprint(id)); string(r.Result) != "null" {
		t.Fatalf("shutdown: got %+v", r)
	}
	id = c.request("textDocument/hover", map[string]any{})
	if r := c.response(fmt.Sprint(id)); r.Error == nil || r.Error.Code != codeInvalidRequest {
		t.Fatalf("request after shutdown: got %+v, want InvalidRequest", r)
	}
	c.notify("exit", nil)
	if err := c.wait(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	c.toSrv.Close()
	waitGoroutines(t, before)
}

func TestLanguages(t *testing.T) {
	rec := &recorder{}
	c := startServer(t, rec.lint)
	c.initialize()
	for _, tc := range []struct {
		uri, languageID string
		linted          bool
		path            string
	}{
		{"file:///w/notes.txt", "plaintext", false, ""},
		{"file:///w/policy.yaml", "yaml", false, ""},
		// A client that sends no language id: the .json name decides.
		{"file:///w/policy.JSON", "", true, "/w/policy.JSON"},
		{"file:///w/policy.jsonc", "jsonc", true, "/w/policy.jsonc"},
		{"untitled:Untitled-1", "json", true, ""},
	} {
		before := len(rec.calls())
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": tc.uri, "languageId": tc.languageID, "version": 7, "text": badBody}})
		got := c.diagnostics(tc.uri)
		calls := rec.calls()[before:]
		if tc.linted {
			if len(got.Diagnostics) != 2 || len(calls) != 1 || calls[0] != filepath.FromSlash(tc.path) {
				t.Errorf("%s (%q): got %d diagnostics, LintFunc calls %q; want 2 and [%q]", tc.uri, tc.languageID, len(got.Diagnostics), calls, tc.path)
			}
		} else if len(got.Diagnostics) != 0 || len(calls) != 0 {
			t.Errorf("%s (%q): got %d diagnostics, LintFunc calls %q; want none", tc.uri, tc.languageID, len(got.Diagnostics), calls)
		}
	}
	c.shutdownAndExit()
}

func TestUnknownMessages(t *testing.T) {
	c := startServer(t, (&recorder{}).lint)

	// Before initialize: requests are refused, notifications dropped.
	id := c.request("textDocument/hover", map[string]any{})
	if r := c.response(fmt.Sprint(id)); r.Error == nil || r.Error.Code != codeServerNotInitialized {
		t.Fatalf("request before initialize: got %+v", r)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": "file:///a.json", "languageId": "json", "version": 1, "text": badBody}})

	c.initialize()
	id = c.request("initialize", map[string]any{})
	if r := c.response(fmt.Sprint(id)); r.Error == nil || r.Error.Code != codeInvalidRequest {
		t.Fatalf("second initialize: got %+v", r)
	}

	// Ignored notifications get no answer: the next message is the
	// response to the request after them.
	c.notify("$/cancelRequest", map[string]any{"id": 1})
	c.notify("$/setTrace", map[string]any{"value": "off"})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	c.notify("textDocument/didChange", map[string]any{ // not open
		"textDocument": map[string]any{"uri": "file:///nope.json", "version": 2}, "contentChanges": []any{}})
	c.notify("textDocument/didOpen", "not an object")
	c.notify("textDocument/didOpen", nil)
	// A string id is echoed as a string.
	c.send(map[string]any{"jsonrpc": "2.0", "id": "req-7", "method": "textDocument/completion", "params": map[string]any{}})
	r := c.response(`"req-7"`)
	if r.Error == nil || r.Error.Code != codeMethodNotFound || r.Result != nil {
		t.Fatalf("unknown method: got %+v, want MethodNotFound", r)
	}
	if !strings.Contains(r.Error.Message, "textDocument/completion") {
		t.Errorf("unknown method: message %q does not name the method", r.Error.Message)
	}
	// A response from the client (the server sent no request) is ignored.
	c.send(map[string]any{"jsonrpc": "2.0", "id": 99, "result": nil})
	c.shutdownAndExit()
	for _, want := range []string{"ignoring textDocument/didOpen: the server is not running", "unknown request \"textDocument/completion\"", "ignoring didChange for file:///nope.json", "ignoring textDocument/didOpen with bad params", "ignoring textDocument/didOpen without params"} {
		if !strings.Contains(c.log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, c.log.String())
		}
	}
}

// TestMalformedBodies: a well-framed body that is not a JSON-RPC request is
// answered with an error, and the server goes on.
func TestMalformedBodies(t *testing.T) {
	c := startServer(t, (&recorder{}).lint)
	c.initialize()
	for _, tc := range []struct {
		body string
		code int
	}{
		{`{"jsonrpc": "2.0", "id": 1, "method": `, codeParseError},
		{`not json at all`, codeParseError},
		{`[{"jsonrpc": "2.0", "id": 1, "method": "shutdown"}]`, codeInvalidRequest}, // batches are not LSP
		{`{"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"}`, codeInvalidRequest},
		{`{"jsonrpc": "2.0", "id": 3, "method": 5}`, codeInvalidRequest},
	} {
		if err := writeMessage(c.toSrv, []byte(tc.body)); err != nil {
			t.Fatal(err)
		}
		if r := c.response("null"); r.Error == nil || r.Error.Code != tc.code {
			t.Errorf("%s: got %+v, want error %d", tc.body, r, tc.code)
		}
	}
	c.shutdownAndExit()
}

// TestFraming: input that cannot be split into messages stops the server
// with an error, without panicking or hanging; input that ends between
// messages stops it cleanly.
func TestFraming(t *testing.T) {
	init := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`)
	for _, tc := range []struct {
		name, input string
		wantErr     string // "" for nil
		responses   int
	}{
		{"empty input", "", "", 0},
		{"end between messages", init + "\r\n", "", 1},
		{"bare LF and other headers", "\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n" + strings.Replace(init, "\r\n", "\n", -1), "", 1},
		{"length not a number", init + "Content-Length: abc\r\n\r\n{}", "is not a length", 1},
		{"negative length", "Content-Length: -4\r\n\r\n{}", "is not a length", 0},
		{"no length", "Content-Type: x\r\n\r\n{}", "no Content-Length", 0},
		{"header without colon", "Content-Length 2\r\n\r\n{}", "has no colon", 0},
		{"huge length", "Content-Length: 999999999\r\n\r\n{}", "over the limit", 0},
		{"short body", init + "Content-Length: 100\r\n\r\n{}", "inside a 100-byte body", 1},
		{"end inside a header", "Content-Len", "inside a header", 0},
		{"endless header line", strings.Repeat("x", 10000), "longer than", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, log bytes.Buffer
			err := Serve(context.Background(), strings.NewReader(tc.input), &out, (&recorder{}).lint, &log)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("got %v, want nil", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || !errors.Is(err, errFraming)):
				t.Errorf("got %v, want a framing error with %q", err, tc.wantErr)
			case tc.wantErr != "" && !strings.Contains(log.String(), tc.wantErr):
				t.Errorf("log %q does not say %q", log.String(), tc.wantErr)
			}
			if n := strings.Count(out.String(), "Content-Length: "); n != tc.responses {
				t.Errorf("got %d responses, want %d:\n%s", n, tc.responses, out.String())
			}
		})
	}
}

func frame(body string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body) }

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t, (&recorder{}).lint)
	c.initialize()
	c.notify("exit", nil)
	if err := c.wait(); !errors.Is(err, ErrExitWithoutShutdown) {
		t.Fatalf("got %v, want ErrExitWithoutShutdown", err)
	}
}

func TestCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	c := startServer(t, (&recorder{}).lint)
	c.initialize()
	c.cancel()
	if err := c.wait(); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	// The reader goroutine was blocked in Read; closing the input ends it.
	c.toSrv.Close()
	waitGoroutines(t, before)
}

func TestInputClosed(t *testing.T) {
	before := runtime.NumGoroutine()
	c := startServer(t, (&recorder{}).lint)
	c.initialize()
	c.toSrv.Close()
	if err := c.wait(); err != nil {
		t.Fatalf("got %v, want nil when the input ends", err)
	}
	waitGoroutines(t, before)
}

func TestOutputClosed(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	outR.Close()
	served := make(chan error, 1)
	go func() { served <- Serve(context.Background(), inR, outW, (&recorder{}).lint, nil) }()
	go writeMessage(inW, []byte(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`))
	select {
	case err := <-served:
		if err == nil || !strings.Contains(err.Error(), "writing a message") {
			t.Fatalf("got %v, want a write error", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	inW.Close()
}

func TestLintPanic(t *testing.T) {
	calls := 0
	c := startServer(t, func(path string, text []byte) []finding.Finding {
		calls++
		if calls == 1 {
			panic("boom")
		}
		return lintFindings(path, text)
	})
	c.initialize()
	const uri = "file:///p.json"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": badBody}})
	checkDiagnostics(t, c.diagnostics(uri), ptr(1), nil)
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if got := c.diagnostics(uri); len(got.Diagnostics) != 2 {
		t.Errorf("after a panic: got %+v, want 2 diagnostics", got.Diagnostics)
	}
	c.shutdownAndExit()
	if !strings.Contains(c.log.String(), "internal error (please report it): boom") {
		t.Errorf("log lacks the panic:\n%s", c.log.String())
	}
}

func TestPathFromURI(t *testing.T) {
	for uri, want := range map[string]string{
		"file:///home/me/a%20b.json":     "/home/me/a b.json",
		"file://localhost/x/p.json":      "/x/p.json",
		"FILE:///x/%F0%9F%92%B0.json":    "/x/💰.json",
		"untitled:Untitled-1":            "",
		"https://example.com/p.json":     "",
		"::not a uri":                    "",
		"file:///c%3A/Users/p.json":      "/c:/Users/p.json", // on Windows: c:\Users\p.json
		"file://server/share/dir/p.json": "//server/share/dir/p.json",
	} {
		if filepath.Separator == '\\' {
			continue
		}
		if got := pathFromURI(uri); got != want {
			t.Errorf("pathFromURI(%q) = %q, want %q", uri, got, want)
		}
	}
}

func TestSeverity(t *testing.T) {
	for s, want := range map[finding.Severity]int{finding.Error: 1, finding.Warning: 2, finding.Info: 3} {
		if got := severity(s); got != want {
			t.Errorf("severity(%v) = %d, want %d", s, got, want)
		}
	}
}

// PowerShell and Terraform buffers are linted as scripts, by language id
// (an unsaved buffer gets the language's extension) or by file name, and
// their diagnostics sit at the script's own positions.
func TestScriptBuffers(t *testing.T) {
	rec := &recorder{}
	c := startServer(t, rec.lint)
	c.initialize()
	script := "$p = @{\r\n\tallowedTargetScope = 'allMemberUser'\r\n\taccessPackage = @{ id = $ap }\r\n}\r\n" +
		"New-MgEntitlementManagementAssignmentPolicy -BodyParameter $p\r\n"
	tf := "resource \"msgraph_resource\" \"p\" {\n  url           = \"identityGovernance/entitlementManagement/assignmentPolicies\"\n" +
		"  update_method = \"PUT\"\n  body = {\n    allowedTargetScope = \"allMemberUser\"\n    accessPackage = { id = var.ap }\n  }\n}\n"
	for _, tc := range []struct {
		uri, languageID, text, path string
		line, col                   int
	}{
		{"file:///w/deploy.ps1", "powershell", script, "/w/deploy.ps1", 1, 22},
		{"untitled:Untitled-2", "powershell", script, ".ps1", 1, 22},
		{"file:///w/policy.tf", "", tf, "/w/policy.tf", 4, 25},
		{"untitled:Untitled-3", "terraform", tf, ".tf", 4, 25},
	} {
		before := len(rec.calls())
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": tc.uri, "languageId": tc.languageID, "version": 1, "text": tc.text}})
		got := c.diagnostics(tc.uri)
		calls := rec.calls()[before:]
		var enum *diagnostic
		for i, d := range got.Diagnostics {
			if d.Code == "schema-enum" {
				enum = &got.Diagnostics[i]
			}
		}
		if len(calls) != 1 || calls[0] != filepath.FromSlash(tc.path) || enum == nil ||
			enum.Range.Start != (lspPosition{tc.line, tc.col}) {
			t.Errorf("%s (%q): LintFunc calls %q, diagnostics %+v; want schema-enum at %d:%d", tc.uri, tc.languageID, calls, got.Diagnostics, tc.line, tc.col)
		}
	}
	c.shutdownAndExit()
}

// TestCodeActionsExplainAndIgnore: beside its fix, a finding gets "Explain
// rule", a command the server runs by showing the rule's help, and "Ignore
// this finding", an edit of the configuration: of the existing one, or a
// new file when the client can create files.
func TestCodeActionsExplainAndIgnore(t *testing.T) {
	withConfig, without := t.TempDir(), t.TempDir()
	cfgText := "ignore:\n  - path: legacy\n\nfail-level: warning\n"
	if err := os.WriteFile(filepath.Join(withConfig, ".emlint.yaml"), []byte(cfgText), 0o644); err != nil {
		t.Fatal(err)
	}
	docIn := func(dir string) string { return fileURI(filepath.Join(dir, "policies", "p.json")) }
	// The actions at the schema-enum finding of badBody, as JSON.
	actionsAt := func(c *client, uri string) []json.RawMessage {
		t.Helper()
		id := c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri},
			"range":   map[string]any{"start": map[string]any{"line": 1, "character": 70}, "end": map[string]any{"line": 1, "character": 70}},
			"context": map[string]any{"diagnostics": []any{}}})
		var actions []json.RawMessage
		if r := c.response(fmt.Sprint(id)); json.Unmarshal(r.Result, &actions) != nil {
			t.Fatalf("codeAction: %s", r.Result)
		}
		return actions
	}
	const enumDiag = `"diagnostics":[{"range":{"start":{"line":1,"character":63},"end":{"line":1,"character":78}},"severity":1,"code":"schema-enum","codeDescription":{"href":"` + RulesURL + `"},"source":"emlint","message":"` + "`allowedTargetScope` is `\\\"allMemberUser\\\"`: did you mean `\\\"allMemberUsers\\\"`?" + `"}]`
	entry := `  - path: \"policies/p.json\"\n    pointer: \"/allowedTargetScope\"\n    rules: [\"schema-enum\"]\n    reason: \"TODO: why\"\n`

	c := startServer(t, lintFindings)
	id := c.request("initialize", map[string]any{"processId": 1, "rootUri": fileURI(withConfig),
		"workspaceFolders": []any{map[string]any{"uri": fileURI(withConfig), "name": "a"}, map[string]any{"uri": fileURI(without), "name": "b"}},
		"capabilities":     map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"resourceOperations": []string{"create", "rename", "delete"}}}}})
	c.response(fmt.Sprint(id))
	c.notify("initialized", map[string]any{})
	for _, dir := range []string{withConfig, without} {
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": docIn(dir), "languageId": "json", "version": 1, "text": badBody}})
		c.diagnostics(docIn(dir))
	}

	// With a configuration: the entry goes at the end of its ignore list.
	cfgURI := fileURI(filepath.Join(withConfig, ".emlint.yaml"))
	want := []string{
		`{"title":"Explain rule schema-enum","kind":"quickfix",` + enumDiag + `,"command":{"title":"Explain rule schema-enum","command":"emlint.explainRule","arguments":["schema-enum"]}}`,
		`{"title":"Ignore this finding in .emlint.yaml (emlint schema-enum)","kind":"quickfix",` + enumDiag + `,"edit":{"changes":{"` + cfgURI + `":[{"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":0}},"newText":"` + entry + `"}]}}}`,
	}
	checkActions(t, actionsAt(c, docIn(withConfig)), want)

	// Without one: a new .emlint.yaml in the document's workspace folder.
	newURI := fileURI(filepath.Join(without, ".emlint.yaml"))
	want[1] = `{"title":"Ignore this finding in .emlint.yaml (emlint schema-enum)","kind":"quickfix",` + enumDiag + `,"edit":{"documentChanges":[` +
		`{"kind":"create","uri":"` + newURI + `","options":{"ignoreIfExists":true}},` +
		`{"textDocument":{"uri":"` + newURI + `","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"ignore:\n` + entry + `"}]}]}}`
	checkActions(t, actionsAt(c, docIn(without)), want)

	// Explain rule: the client is shown the rule's help, then gets null.
	id = c.request("workspace/executeCommand", map[string]any{"command": "emlint.explainRule", "arguments": []string{"schema-enum"}})
	var shown struct {
		Method string
		Params showMessageParams
	}
	c.recv(&shown)
	if shown.Method != "window/showMessage" || shown.Params != (showMessageParams{Type: messageInfo, Message: "the help of schema-enum"}) {
		t.Errorf("executeCommand sent %+v, want window/showMessage with the help", shown)
	}
	if r := c.response(fmt.Sprint(id)); string(r.Result) != "null" || r.Error != nil {
		t.Errorf("executeCommand: got %+v, want null", r)
	}
	for _, params := range []any{
		map[string]any{"command": "emlint.other", "arguments": []string{"schema-enum"}},
		map[string]any{"command": "emlint.explainRule"},
		map[string]any{"command": "emlint.explainRule", "arguments": []any{1}},
	} {
		id = c.request("workspace/executeCommand", params)
		if r := c.response(fmt.Sprint(id)); r.Error == nil || r.Error.Code != codeInvalidParams {
			t.Errorf("executeCommand %v: got %+v, want InvalidParams", params, r)
		}
	}
	c.shutdownAndExit()
	if got, _ := os.ReadFile(filepath.Join(withConfig, ".emlint.yaml")); string(got) != cfgText {
		t.Errorf("the server changed the config file itself:\n%s", got)
	}

	// A client that cannot create files is offered no ignore action
	// without a configuration.
	c = startServer(t, lintFindings)
	c.initialize()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": docIn(without), "languageId": "json", "version": 1, "text": badBody}})
	c.diagnostics(docIn(without))
	checkActions(t, actionsAt(c, docIn(without)), want[:1])
	c.shutdownAndExit()
}

func checkActions(t *testing.T, got []json.RawMessage, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d actions, want %d:\n%s", len(got), len(want), got)
	}
	for i := range want {
		if string(got[i]) != want[i] {
			t.Errorf("action %d:\ngot  %s\nwant %s", i, got[i], want[i])
		}
	}
}
