// Command playground builds the playground page, a static site that runs
// emlint in the browser, into a directory:
//
//	go run ./scripts/playground OUT_DIR                   # build
//	go run ./scripts/playground -serve 127.0.0.1:8080 OUT_DIR   # build, then serve it
//
// OUT_DIR gets index.html and everything it loads: emlint compiled with
// GOOS=js GOARCH=wasm (playground/wasm, the CLI's lint core), Go's
// wasm_exec.js from the toolchain, the page's script bundled by esbuild
// from playground/node_modules (npm ci, from the committed lock file),
// mermaid's own bundle, and a few bundled examples. Nothing is fetched
// from a CDN: the page makes no request once it has loaded.
//
// It needs Go and npm (Node 20 or later), and is run from the repository.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// examples are the bodies the page's Examples menu offers, from
// testdata/examples: one of each container and shape, valid and broken.
// The first is what the page opens on without a link: one with findings
// and a fix.
var examples = []struct{ title, lang, path string }{
	{"v1.0 policy: beta and v1.0 mixed", "json", "emlint/v1.0/policy/invalid-mixed-versions.json"},
	{"v1.0 policy: two approval stages (valid)", "json", "emlint/v1.0/policy/valid-approval-two-stages.json"},
	{"v1.0 policy: approval without stages", "json", "emlint/v1.0/policy/invalid-approval-without-stages.json"},
	{"v1.0 request: adminAdd (valid)", "json", "emlint/v1.0/request/valid-admin-add.json"},
	{"v1.0 request: adminAdd, broken", "json", "emlint/v1.0/request/invalid-admin-add.json"},
	{"beta policy: single stage (valid)", "json", "emlint/beta/policy/valid-single-stage.json"},
	{"beta policy: approval mode", "json", "emlint/beta/policy/invalid-approval-mode.json"},
	{"PowerShell: New-Mg... -BodyParameter (valid)", "powershell", "powershell/emlint/valid-new-policy-bodyparameter.ps1"},
	{"PowerShell: New-Mg... -BodyParameter, broken", "powershell", "powershell/emlint/invalid-new-policy-bodyparameter.ps1"},
	{"PowerShell: ConvertTo-Json depth", "powershell", "powershell/emlint/convertto-json-depth.ps1"},
	{"Terraform: msgraph_resource (valid)", "terraform", "terraform/emlint/valid-policy.tf"},
	{"Terraform: msgraph_resource, broken", "terraform", "terraform/emlint/invalid-policy.tf"},
	{".http: policies", "http", "http/policies.http"},
	{"Markdown: requests in a README", "markdown", "http/requests.md"},
}

func main() {
	serve := flag.String("serve", "", "after building, serve OUT_DIR on `address` (host:port; port 0 picks one) until interrupted")
	noBuild := flag.Bool("no-build", false, "serve OUT_DIR as it is, without building it")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "Usage: go run ./scripts/playground [-serve ADDR [-no-build]] OUT_DIR\n\nBuilds the playground page into OUT_DIR.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *noBuild && *serve == "" {
		flag.Usage()
		os.Exit(2)
	}
	out := flag.Arg(0)
	if !*noBuild {
		if err := build(out); err != nil {
			fmt.Fprintf(os.Stderr, "playground: %v\n", err)
			os.Exit(1)
		}
	}
	if *serve != "" {
		if err := serveDir(out, *serve); err != nil {
			fmt.Fprintf(os.Stderr, "playground: %v\n", err)
			os.Exit(1)
		}
	}
}

func build(out string) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if out, err = filepath.Abs(out); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	web := filepath.Join(root, "playground")
	if err := npmCI(web); err != nil {
		return err
	}
	esbuild := filepath.Join(web, "node_modules", ".bin", "esbuild")
	if err := run(web, nil, esbuild, "src/main.js", "--bundle", "--minify", "--format=esm", "--target=es2020",
		"--log-level=warning", "--outfile="+filepath.Join(out, "app.js")); err != nil {
		return fmt.Errorf("bundling the page's script: %w", err)
	}
	static, err := os.ReadDir(filepath.Join(web, "static"))
	if err != nil {
		return err
	}
	for _, e := range static {
		if !e.IsDir() {
			if err := copyFile(filepath.Join(web, "static", e.Name()), filepath.Join(out, e.Name())); err != nil {
				return err
			}
		}
	}
	if err := copyFile(filepath.Join(web, "node_modules", "mermaid", "dist", "mermaid.min.js"), filepath.Join(out, "mermaid.min.js")); err != nil {
		return err
	}
	goroot, err := output(root, "go", "env", "GOROOT")
	if err != nil {
		return err
	}
	if err := copyFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), filepath.Join(out, "wasm_exec.js")); err != nil {
		return err
	}
	ldflags := "-s -w"
	if v, err := output(root, "git", "describe", "--tags", "--always", "--dirty"); err == nil && v != "" {
		ldflags += " -X main.version=" + v
	}
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if err := run(root, env, "go", "build", "-trimpath", "-ldflags="+ldflags, "-o", filepath.Join(out, "emlint.wasm"), "./playground/wasm"); err != nil {
		return fmt.Errorf("compiling emlint to WebAssembly: %w", err)
	}
	if err := writeExamples(root, filepath.Join(out, "examples.js")); err != nil {
		return err
	}
	return report(out)
}

// npmCI installs the page's npm packages from the lock file, unless
// node_modules already holds what the lock file says (npm writes its own
// copy of the lock file there).
func npmCI(web string) error {
	lock, err := os.ReadFile(filepath.Join(web, "package-lock.json"))
	if err != nil {
		return err
	}
	var want struct{ Packages map[string]json.RawMessage }
	if err := json.Unmarshal(lock, &want); err != nil {
		return fmt.Errorf("playground/package-lock.json: %w", err)
	}
	var have struct{ Packages map[string]json.RawMessage }
	if installed, err := os.ReadFile(filepath.Join(web, "node_modules", ".package-lock.json")); err == nil && json.Unmarshal(installed, &have) == nil {
		same := true
		for name, spec := range want.Packages {
			installed, ok := have.Packages[name]
			if !ok && optional(spec) {
				continue // a package for another platform (esbuild's binaries): npm skips it here
			}
			if name != "" && !bytes.Equal(compact(spec), compact(installed)) {
				same = false
				break
			}
		}
		if same {
			return nil
		}
	}
	if err := run(web, nil, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"); err != nil {
		return fmt.Errorf("npm ci in playground/ (npm, from Node 20 or later, is needed to build the page): %w", err)
	}
	return nil
}

func optional(spec json.RawMessage) bool {
	var p struct{ Optional bool }
	return json.Unmarshal(spec, &p) == nil && p.Optional
}

func compact(raw json.RawMessage) []byte {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return raw
	}
	return b.Bytes()
}

// writeExamples writes the Examples menu's bodies as a script that sets
// globalThis.EMLINT_EXAMPLES, loaded with the page rather than fetched.
func writeExamples(root, path string) error {
	type example struct {
		Title string `json:"title"`
		Lang  string `json:"lang"`
		Text  string `json:"text"`
	}
	var list []example
	for _, e := range examples {
		data, err := os.ReadFile(filepath.Join(root, "testdata", "examples", filepath.FromSlash(e.path)))
		if err != nil {
			return fmt.Errorf("an example of the page: %w", err)
		}
		list = append(list, example{e.title, e.lang, string(data)})
	}
	js, err := json.Marshal(list)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(append([]byte("globalThis.EMLINT_EXAMPLES = "), js...), ";\n"...), 0o644)
}

// report prints the size of what the page loads, raw and as a server
// would send it compressed.
func report(out string) error {
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	var total, totalGz int64
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			return err
		}
		gz := gzipSize(data)
		total, totalGz = total+int64(len(data)), totalGz+gz
		fmt.Printf("%-16s %9.2f MB raw %7.2f MB gzip\n", e.Name(), mb(int64(len(data))), mb(gz))
	}
	fmt.Printf("%-16s %9.2f MB raw %7.2f MB gzip\n", "total", mb(total), mb(totalGz))
	return nil
}

func gzipSize(data []byte) int64 {
	var n countWriter
	zw, _ := gzip.NewWriterLevel(&n, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return int64(n)
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

func mb(n int64) float64 { return float64(n) / 1e6 }

// serveDir serves the site; Go's file server sends .wasm as
// application/wasm, which instantiateStreaming needs.
func serveDir(dir, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Printf("serving %s on http://%s/\n", dir, ln.Addr())
	return http.Serve(ln, http.FileServer(http.Dir(dir)))
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "playground", "wasm")); err == nil {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				return dir, nil
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run it inside the emlint repository: no playground/wasm and go.mod found upward from here")
		}
		dir = parent
	}
}

func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, os.Stderr, os.Stderr
	return cmd.Run()
}

func output(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Stderr = dir, io.Discard
	b, err := cmd.Output()
	return strings.TrimSpace(string(b)), err
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
