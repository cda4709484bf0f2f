// Package lsp is `emlint lsp`: a Language Server Protocol server over stdio
// that lints the JSON documents an editor has open and publishes the
// findings as diagnostics, on every change, without the file being saved.
//
// # What it speaks
//
// JSON-RPC 2.0 framed with Content-Length headers (LSP 3.17 base protocol),
// and of the protocol only: initialize, initialized, shutdown, exit,
// textDocument/didOpen, didChange (full text), didSave, didClose, hover and
// codeAction, and workspace/executeCommand (the "Explain rule" action's
// command) from the client, and textDocument/publishDiagnostics and
// window/showMessage to it. The code actions are a finding's fix, "Explain
// rule" and "Ignore this finding", an edit of the configuration file (see
// ignore.go); the server itself writes no file. Any other request gets a
// MethodNotFound error; any other notification ($/cancelRequest,
// $/setTrace, workspace/didChangeConfiguration...) is ignored. Positions are
// 0-based lines and UTF-16 code units, the protocol's default encoding
// (the server does not offer positionEncoding, so clients use UTF-16).
//
// # Why no protocol library
//
// go.lsp.dev/protocol was evaluated first, as the usual Go choice. Measured
// with `go list -m -versions` and a throwaway module that imports it:
//
//   - go.lsp.dev/protocol has one release, v0.12.0 (March 2022). It needs
//     go.lsp.dev/jsonrpc2 v0.10.0 (March 2022); the current jsonrpc2 v1.0.1
//     has a different API (no Replier, new Handler signature) and protocol
//     v0.12.0 does not compile against it, so the pair is pinned to the 2022
//     versions.
//   - Its public API takes a *zap.Logger (NewServer, ClientDispatcher...). It
//     brings in 9 modules emlint does not have: the two above plus
//     go.uber.org/zap, atomic and multierr, github.com/segmentio/encoding
//     and segmentio/asm, go.lsp.dev/pkg and go.lsp.dev/uri, and with them
//     net and net/http (215 packages with the standard library's). A program
//     that only imports the two packages is 5.4 MB, against 1.8 MB for an
//     empty one; all of emlint is 6.4 MB today.
//
// emlint needs about ten message types and one framing loop, so they are
// written here by hand (framing.go, protocol.go) with encoding/json: no new
// dependency, and every byte on the wire is visible in this package.
//
// # Concurrency
//
// Messages are read and handled one at a time, in order: linting a body
// takes milliseconds, so there is nothing to gain from parallelism, and
// diagnostics can never be published out of order. Reads happen in one
// helper goroutine so that Serve can return when its context is cancelled;
// that goroutine reads only when Serve asks for the next message, so it has
// finished by the time Serve returns after exit, end of input or a framing
// error. Only after a cancelled context may it still be blocked in a Read of
// in, until in delivers data or is closed (at the latest, when the process
// exits).
package lsp
