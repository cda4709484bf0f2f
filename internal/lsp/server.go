package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/position"
)

// LintFunc lints one document and returns its findings, with Start and End
// byte offsets into text. path is the document's file path, taken from its
// file:// URI, for matching configuration; it is "" for a document that is
// not a file (an editor's untitled buffer). text is what the editor holds,
// saved or not: the server never reads the file.
type LintFunc func(path string, text []byte) []finding.Finding

// Options configure a server.
type Options struct {
	// Version is reported to the client as serverInfo.version; "" omits it.
	Version string
	// Help returns a rule's help (`emlint explain`), which hovering over a
	// finding and the "Explain rule" code action show; nil or "": the
	// hover shows the finding alone, and there is no "Explain rule".
	Help func(rule string) string
	// Config is the configuration file of every document (`emlint lsp
	// --config`), which the "Ignore this finding" code action edits; "":
	// the .emlint.yaml or .emlint.yml found upward from each document's
	// directory, the one the LintFunc is expected to use.
	Config string
}

// explainCommand is the command of the "Explain rule" code action; its one
// argument is the rule id.
const explainCommand = "emlint.explainRule"

// ErrExitWithoutShutdown is returned by Serve when the client sends exit
// without a shutdown request first; the protocol asks the server to exit
// with status 1 then.
var ErrExitWithoutShutdown = errors.New("lsp: exit notification without a shutdown request")

// RulesURL is where each diagnostic's code links to.
const RulesURL = "https://github.com/emlint/emlint/blob/main/README.md#rules"

// Serve runs a language server reading messages from in and writing to out,
// linting documents with lintFn and logging to log (nil discards the log;
// out carries only protocol messages). It returns nil after the exit
// notification that follows a shutdown request, or when in ends between two
// messages; ErrExitWithoutShutdown after an exit without shutdown; ctx's
// error when ctx is cancelled; and an error when a message cannot be framed
// (the stream cannot be resynchronised then) or out cannot be written.
func Serve(ctx context.Context, in io.Reader, out io.Writer, lintFn LintFunc, log io.Writer) error {
	return Options{}.Serve(ctx, in, out, lintFn, log)
}

// Serve is the package's Serve with these options.
func (o Options) Serve(ctx context.Context, in io.Reader, out io.Writer, lintFn LintFunc, log io.Writer) error {
	if log == nil {
		log = io.Discard
	}
	s := &server{opts: o, out: out, lint: lintFn, log: log, docs: map[string]*document{}}

	// One goroutine reads, but only when asked: see "Concurrency" in doc.go.
	type read struct {
		body []byte
		err  error
	}
	br := bufio.NewReader(in)
	next, results, done := make(chan struct{}), make(chan read), make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-next:
			case <-done:
				return
			}
			body, err := readMessage(br)
			select {
			case results <- read{body, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()

	for {
		select {
		case next <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		var r read
		select {
		case r = <-results:
		case <-ctx.Done():
			return ctx.Err()
		}
		switch {
		case r.err == io.EOF:
			s.logf("the input ended; stopping")
			return nil
		case r.err != nil:
			s.logf("reading a message: %v; stopping", r.err)
			return fmt.Errorf("lsp: reading a message: %w", r.err)
		}
		stop, err := s.handle(r.body)
		if err != nil || stop {
			return err
		}
	}
}

type server struct {
	opts Options
	out  io.Writer
	lint LintFunc
	log  io.Writer

	initialized bool // initialize has been answered
	shutdown    bool // shutdown has been answered
	docs        map[string]*document

	roots     []string // the workspace folders' paths, from initialize
	canCreate bool     // the client can create files in a workspace edit
}

// document is an open text document, keyed by its URI.
type document struct {
	uri, path, languageID string
	version               int
	text                  []byte
	findings              []finding.Finding // of the last lint, for code actions
}

func (s *server) logf(format string, args ...any) {
	fmt.Fprintf(s.log, "emlint lsp: "+format+"\n", args...)
}

// handle processes one message body. stop reports that the server should
// return; err is fatal (out cannot be written, or exit without shutdown).
func (s *server) handle(body []byte) (stop bool, err error) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		if !json.Valid(body) {
			s.logf("a message is not JSON: %v", err)
			return false, s.replyError(nil, codeParseError, "parse error: "+err.Error())
		}
		s.logf("a message is not a JSON-RPC object: %v", err) // a batch, or a value of the wrong type
		return false, s.replyError(nil, codeInvalidRequest, "invalid request: "+err.Error())
	}
	isRequest := len(m.ID) > 0
	if isRequest && !validID(m.ID) {
		s.logf("a request's id %s is not a number or a string", m.ID)
		return false, s.replyError(nil, codeInvalidRequest, "invalid request: id must be a number or a string")
	}
	if m.Method == "" {
		if !isRequest {
			s.logf("ignoring a message with neither a method nor an id")
		}
		// Otherwise a response: the server sends no requests, so none is awaited.
		return false, nil
	}

	if m.Method == "exit" {
		if !s.shutdown {
			s.logf("exit before shutdown")
			return true, ErrExitWithoutShutdown
		}
		return true, nil
	}
	if !isRequest {
		return false, s.notification(m.Method, m.Params)
	}

	switch {
	case m.Method == "initialize" && s.initialized:
		return false, s.replyError(m.ID, codeInvalidRequest, "initialize may be sent only once")
	case m.Method != "initialize" && !s.initialized:
		return false, s.replyError(m.ID, codeServerNotInitialized, "the server is not initialized: send initialize first")
	case s.shutdown:
		return false, s.replyError(m.ID, codeInvalidRequest, "the server is shut down: only exit is accepted")
	}
	switch m.Method {
	case "initialize":
		s.initialized = true
		s.readInitialize(m.Params)
		return false, s.reply(m.ID, initializeResult{
			Capabilities: serverCapabilities{
				TextDocumentSync: textDocumentSyncOptions{
					OpenClose: true, Change: syncFull, Save: saveOptions{IncludeText: false},
				},
				CodeActionProvider:     &codeActionOptions{CodeActionKinds: []string{"quickfix"}},
				HoverProvider:          true,
				ExecuteCommandProvider: &executeCommandOptions{Commands: []string{explainCommand}},
			},
			ServerInfo: serverInfo{Name: "emlint", Version: s.opts.Version},
		})
	case "shutdown":
		s.shutdown = true
		s.docs = map[string]*document{}
		return false, s.reply(m.ID, nil)
	case "textDocument/hover":
		var p hoverParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return false, s.replyError(m.ID, codeInvalidParams, "invalid params: "+err.Error())
		}
		if h := s.hover(p); h != nil {
			return false, s.reply(m.ID, h)
		}
		return false, s.reply(m.ID, nil)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return false, s.replyError(m.ID, codeInvalidParams, "invalid params: "+err.Error())
		}
		return false, s.reply(m.ID, s.codeActions(p))
	case "workspace/executeCommand":
		return false, s.executeCommand(m.ID, m.Params)
	}
	s.logf("unknown request %q", m.Method)
	return false, s.replyError(m.ID, codeMethodNotFound, fmt.Sprintf("method not found: %s", m.Method))
}

// readInitialize keeps what the code actions need of the initialize params:
// the workspace folders, where a new .emlint.yaml goes, and whether the
// client can create that file. Params it cannot read leave the defaults: no
// folders, no file creation.
func (s *server) readInitialize(params json.RawMessage) {
	var p initializeParams
	if len(params) > 0 && json.Unmarshal(params, &p) != nil {
		s.logf("initialize: cannot read the workspace folders and capabilities; not offering to create .emlint.yaml")
		return
	}
	uris := []string{p.RootURI}
	for _, f := range p.WorkspaceFolders {
		uris = append(uris, f.URI)
	}
	for _, u := range uris {
		if path := pathFromURI(u); path != "" {
			s.roots = append(s.roots, path)
		}
	}
	s.canCreate = slices.Contains(p.Capabilities.Workspace.WorkspaceEdit.ResourceOperations, "create")
}

// executeCommand runs the command of "Explain rule": the client shows the
// rule's help as a message. Neovim sends workspace/executeCommand for a
// code action's command it has no handler of its own for, and
// vscode-languageclient registers the commands of executeCommandProvider
// as VS Code commands that send it.
func (s *server) executeCommand(id, params json.RawMessage) error {
	var p executeCommandParams
	var rule string
	if err := json.Unmarshal(params, &p); err != nil || p.Command != explainCommand ||
		len(p.Arguments) != 1 || json.Unmarshal(p.Arguments[0], &rule) != nil {
		return s.replyError(id, codeInvalidParams, fmt.Sprintf("invalid params: the one command is %s, with a rule id as its argument", explainCommand))
	}
	help := s.help(rule)
	if help == "" {
		return s.replyError(id, codeInvalidParams, fmt.Sprintf("no help for rule %q", rule))
	}
	if err := s.write(notification{JSONRPC: "2.0", Method: "window/showMessage",
		Params: showMessageParams{Type: messageInfo, Message: help}}); err != nil {
		return err
	}
	return s.reply(id, nil)
}

// help is a rule's help, "" when there is none.
func (s *server) help(rule string) string {
	if s.opts.Help == nil {
		return ""
	}
	return strings.TrimSpace(s.opts.Help(rule))
}

// validID reports whether a request id is a number, a string or null.
func validID(id json.RawMessage) bool {
	var v any
	if json.Unmarshal(id, &v) != nil {
		return false
	}
	switch v.(type) {
	case nil, float64, string:
		return true
	}
	return false
}

// notification handles a notification. A notification is never answered,
// so a bad one is only logged; the error returned is a failure to write
// diagnostics, which is fatal.
func (s *server) notification(method string, params json.RawMessage) error {
	if !s.initialized || s.shutdown {
		if !strings.HasPrefix(method, "$/") {
			s.logf("ignoring %s: the server is not running (initialize it, or it was shut down)", method)
		}
		return nil
	}
	switch method {
	case "textDocument/didOpen":
		var p didOpenParams
		if !s.decode(method, params, &p) {
			return nil
		}
		td := p.TextDocument
		if td.URI == "" {
			s.logf("ignoring didOpen without a uri")
			return nil
		}
		d := &document{uri: td.URI, path: pathFromURI(td.URI), languageID: td.LanguageID, version: td.Version, text: []byte(td.Text)}
		s.docs[td.URI] = d
		return s.publish(d)
	case "textDocument/didChange":
		var p didChangeParams
		if !s.decode(method, params, &p) {
			return nil
		}
		d := s.docs[p.TextDocument.URI]
		if d == nil {
			s.logf("ignoring didChange for %s, which is not open", p.TextDocument.URI)
			return nil
		}
		for _, c := range p.ContentChanges {
			if len(c.Range) > 0 && !bytes.Equal(c.Range, []byte("null")) {
				s.logf("ignoring an incremental change to %s: the server asked for full text", d.uri)
				continue
			}
			d.text = []byte(c.Text)
		}
		d.version = p.TextDocument.Version
		return s.publish(d)
	case "textDocument/didSave":
		var p didSaveParams
		if !s.decode(method, params, &p) {
			return nil
		}
		d := s.docs[p.TextDocument.URI]
		if d == nil {
			s.logf("ignoring didSave for %s, which is not open", p.TextDocument.URI)
			return nil
		}
		if p.Text != nil {
			d.text = []byte(*p.Text)
		}
		return s.publish(d)
	case "textDocument/didClose":
		var p didCloseParams
		if !s.decode(method, params, &p) {
			return nil
		}
		delete(s.docs, p.TextDocument.URI)
		return s.write(notification{JSONRPC: "2.0", Method: "textDocument/publishDiagnostics",
			Params: publishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []diagnostic{}}})
	}
	return nil // initialized, $/cancelRequest, $/setTrace, workspace/...: nothing to do
}

// decode reads a notification's params, logging why it cannot.
func (s *server) decode(method string, params json.RawMessage, v any) bool {
	if len(params) == 0 || bytes.Equal(params, []byte("null")) {
		s.logf("ignoring %s without params", method)
		return false
	}
	if err := json.Unmarshal(params, v); err != nil {
		s.logf("ignoring %s with bad params: %v", method, err)
		return false
	}
	return true
}

// publish lints d and sends its diagnostics; a document that is not JSON
// gets an empty list.
func (s *server) publish(d *document) error {
	diags := []diagnostic{}
	d.findings = nil
	if lintable(d) {
		lines := position.NewLines(d.text)
		d.findings = s.runLint(d)
		for _, f := range d.findings {
			diags = append(diags, toDiagnostic(lines, f))
		}
	}
	version := d.version
	return s.write(notification{JSONRPC: "2.0", Method: "textDocument/publishDiagnostics",
		Params: publishDiagnosticsParams{URI: d.uri, Version: &version, Diagnostics: diags}})
}

// runLint calls the LintFunc, turning a panic into a log line so that one
// bad document does not stop the server.
func (s *server) runLint(d *document) (fs []finding.Finding) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("linting %s: internal error (please report it): %v\n%s", d.uri, r, debug.Stack())
			fs = nil
		}
	}()
	return s.lint(lintName(d), bytes.Clone(d.text))
}

// languageExt gives an unsaved buffer of a language the file name its
// extension would give: the linter reads containers by name.
var languageExt = map[string]string{"powershell": ".ps1", "terraform": ".tf", "hcl": ".tf", "markdown": ".md", "http": ".http"}

// lintName is the name the document is linted under: its path, plus the
// extension of its language when the name has none of the lintable ones.
func lintName(d *document) string {
	name := d.path
	if ext, ok := languageExt[strings.ToLower(d.languageID)]; ok && !lintableName(name) {
		name += ext
	}
	return name
}

// lintableName reports whether a file's name makes it one emlint reads: a
// JSON file, or a container extract reads bodies out of.
func lintableName(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".json") || extract.Supported(name)
}

// lintable reports whether a document holds bodies emlint reads: by its
// language id, or by the name of its file when the editor did not say.
func lintable(d *document) bool {
	switch strings.ToLower(d.languageID) {
	case "json", "jsonc", "http", "powershell", "terraform", "hcl":
		return true
	}
	name := d.path
	if name == "" {
		name = d.uri
	}
	return lintableName(name)
}

func toDiagnostic(lines *position.Lines, f finding.Finding) diagnostic {
	start, end := f.Start, max(f.End, f.Start)
	return diagnostic{
		Range:           lspRange{Start: lspPos(lines, start), End: lspPos(lines, end)},
		Severity:        severity(f.Severity),
		Code:            f.Rule,
		CodeDescription: &codeDescription{Href: RulesURL},
		Source:          "emlint",
		Message:         f.Message,
	}
}

func lspPos(lines *position.Lines, offset int) lspPosition {
	return lspPosition{Line: lines.Pos(offset).Line - 1, Character: lines.UTF16Col(offset)}
}

func severity(s finding.Severity) int {
	switch s {
	case finding.Error:
		return severityError
	case finding.Warning:
		return severityWarning
	}
	return severityInformation
}

// pathFromURI returns the file path of a file:// URI, or "" for any other.
func pathFromURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || !strings.EqualFold(u.Scheme, "file") {
		return ""
	}
	p := u.Path
	if filepath.Separator == '\\' && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // file:///C:/x is C:\x
	}
	if u.Host != "" && u.Host != "localhost" {
		p = "//" + u.Host + p // a UNC path
	}
	return filepath.FromSlash(p)
}

func (s *server) reply(id json.RawMessage, result any) error {
	raw, err := json.Marshal(result)
	if err != nil {
		return err
	}
	r := json.RawMessage(raw)
	return s.write(response{JSONRPC: "2.0", ID: id, Result: &r})
}

// replyError answers a request with an error; a nil id is written as null,
// for a message whose id could not be read.
func (s *server) replyError(id json.RawMessage, code int, msg string) error {
	if id == nil {
		id = json.RawMessage("null")
	}
	return s.write(response{JSONRPC: "2.0", ID: id, Error: &responseError{Code: code, Message: msg}})
}

func (s *server) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("lsp: encoding a message: %w", err)
	}
	if err := writeMessage(s.out, body); err != nil {
		return fmt.Errorf("lsp: writing a message: %w", err)
	}
	return nil
}

// codeActions offers, for each finding whose range meets the requested
// one, its fix (the same edits as `emlint lint --fix`), the explanation of
// its rule, and an `ignore:` entry for it in the configuration.
func (s *server) codeActions(p codeActionParams) []codeAction {
	actions := []codeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return actions
	}
	lines := position.NewLines(d.text)
	seen := map[string]bool{} // findings in the range may share a rule, or a rule and a pointer
	for _, f := range d.findings {
		diag := toDiagnostic(lines, f)
		if before(diag.Range.End, p.Range.Start) || before(p.Range.End, diag.Range.Start) {
			continue
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			var edits []textEdit
			for _, e := range f.Fix.Edits {
				edits = append(edits, textEdit{Range: lspRange{Start: lspPos(lines, e.Start), End: lspPos(lines, e.End)}, NewText: e.New})
			}
			actions = append(actions, codeAction{
				Title: f.Fix.Description + " (emlint " + f.Rule + ")", Kind: "quickfix", IsPreferred: true,
				Diagnostics: []diagnostic{diag},
				Edit:        &workspaceEdit{Changes: map[string][]textEdit{d.uri: edits}},
			})
		}
		if key := "explain\x00" + f.Rule; !seen[key] && s.help(f.Rule) != "" {
			seen[key] = true
			title := "Explain rule " + f.Rule
			actions = append(actions, codeAction{Title: title, Kind: "quickfix", Diagnostics: []diagnostic{diag},
				Command: &command{Title: title, Command: explainCommand, Arguments: []any{f.Rule}}})
		}
		if key := "ignore\x00" + f.Rule + "\x00" + f.Pointer; !seen[key] {
			seen[key] = true
			if a, ok := s.ignoreAction(d, f); ok {
				a.Diagnostics = []diagnostic{diag}
				actions = append(actions, a)
			}
		}
	}
	return actions
}

// hover explains the findings at a position: each one's message, and its
// rule's help, as `emlint explain RULE` prints it.
func (s *server) hover(p hoverParams) *hoverResult {
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	lines := position.NewLines(d.text)
	var parts []string
	var at *lspRange
	for _, f := range d.findings {
		diag := toDiagnostic(lines, f)
		if before(p.Position, diag.Range.Start) || before(diag.Range.End, p.Position) {
			continue
		}
		if at == nil {
			at = &diag.Range
		}
		part := fmt.Sprintf("**emlint %s** (%s): %s", f.Rule, f.Severity, f.Message)
		if help := s.help(f.Rule); help != "" {
			part += "\n\n```text\n" + help + "\n```"
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return nil
	}
	return &hoverResult{Contents: markupContent{Kind: "markdown", Value: strings.Join(parts, "\n\n---\n\n")}, Range: at}
}

func before(a, b lspPosition) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}
