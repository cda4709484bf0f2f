//go:build js && wasm

// Command wasm is emlint for the playground page, compiled with GOOS=js
// GOARCH=wasm by `go run ./scripts/playground OUT_DIR`. It runs the CLI's
// own lint pipeline (internal/playground) and gives the page one function:
//
//	globalThis.emlint.lint(requestJSON) -> responseJSON
//
// set before go.run returns to the page, so the page may call it at once.
package main

import (
	"runtime/debug"
	"syscall/js"

	"github.com/emlint/emlint/internal/playground"
)

// version is set by the build (-ldflags -X main.version=...), else the
// module's version.
var version = ""

func main() {
	if version == "" {
		if bi, ok := debug.ReadBuildInfo(); ok {
			version = bi.Main.Version
		}
	}
	lint := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return `{"error":"emlint.lint takes one argument: the request as JSON text"}`
		}
		return playground.LintJSON(args[0].String())
	})
	js.Global().Set("emlint", js.ValueOf(map[string]any{"lint": lint, "version": version}))
	select {} // serve the page until it closes
}
