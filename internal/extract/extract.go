// Package extract finds the request bodies inside files that are not plain
// JSON: .http/.rest files (VS Code REST Client, JetBrains HTTP client) and
// Markdown written the way the Graph docs are (an http code block with
// "POST https://graph.microsoft.com/v1.0/..." and the JSON body). The
// request line says which API version and kind a body is, and is checked
// itself. Offsets stay those of the file, so findings point into it.
package extract

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/emlint/emlint/internal/extract/powershell"
	"github.com/emlint/emlint/internal/extract/terraform"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/payload"
)

// Supported reports whether name is a container this package reads
// bodies out of: other files are linted as one JSON body.
func Supported(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".http", ".rest", ".md", ".markdown", ".ps1", ".psm1", ".tf":
		return true
	}
	return false
}

// Text returns a file's text as the readers take it, and how it was
// encoded: PowerShell scripts may be UTF-16 or Windows-1252 (load.Decode),
// every other file is read as it is. Positions, fixes and the cross-file
// checks all count in this text.
func Text(name string, data []byte) ([]byte, load.Encoding) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ps1", ".psm1":
		return load.Decode(data)
	}
	return data, load.UTF8
}

// Bodies returns the bodies of a file, in file order: for .http, Markdown,
// PowerShell and Terraform files those the file sends or holds; any other
// file is one JSON body (Via json), mapped onto itself.
func Bodies(name string, data []byte) []payload.Body {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return markdown(data)
	case ".http", ".rest":
		return httpFile(data, 0, len(data), payload.ViaHTTP)
	case ".ps1", ".psm1":
		return powershell.Extract(data)
	case ".tf":
		return terraform.Extract(data)
	}
	return []payload.Body{{JSON: data, Map: payload.Identity(0, len(data)), Range: payload.Span{Start: 0, End: len(data)},
		Syntax: payload.JSON, Via: payload.ViaJSON, Fingerprint: true}}
}

var requestLine = regexp.MustCompile(`^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(\S+)`)

// httpFile reads the requests between from and to: blocks separated by
// lines starting with "###", each a request line, headers, a blank line
// and the body. Comment lines (# or //) before the request line are skipped.
func httpFile(data []byte, from, to int, via string) []payload.Body {
	var out []payload.Body
	for _, block := range splitRequests(data, from, to) {
		if b, ok := request(data, block.Start, block.End, via); ok {
			out = append(out, b)
		}
	}
	return out
}

func splitRequests(data []byte, from, to int) []payload.Span {
	var blocks []payload.Span
	start := from
	for _, l := range lines(data, from, to) {
		if bytes.HasPrefix(data[l.Start:l.End], []byte("###")) {
			blocks = append(blocks, payload.Span{Start: start, End: l.Start})
			start = l.End
		}
	}
	return append(blocks, payload.Span{Start: start, End: to})
}

// head is a request line: its method and URL, where they are written.
type head struct {
	method     string
	methodSpan payload.Span
	url        payload.Span
	ok         bool
}

// requestHead reads the first request line in [from, to): blank lines,
// comments and REST Client variable definitions may come before it.
func requestHead(data []byte, from, to int) (head, []payload.Span) {
	ls := lines(data, from, to)
	for i, l := range ls {
		text := strings.TrimSpace(string(data[l.Start:l.End]))
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//") || strings.HasPrefix(text, "@") {
			continue // blank, comment, or a REST Client variable definition
		}
		m := requestLine.FindSubmatchIndex(data[l.Start:l.End])
		if m == nil {
			return head{}, nil
		}
		return head{method: string(data[l.Start+m[2] : l.Start+m[3]]), methodSpan: payload.Span{Start: l.Start + m[2], End: l.Start + m[3]},
			url: payload.Span{Start: l.Start + m[4], End: l.Start + m[5]}, ok: true}, ls[i+1:]
	}
	return head{}, nil
}

// request parses one request; ok is false when the block has no request
// line or no body.
func request(data []byte, from, to int, via string) (payload.Body, bool) {
	h, rest := requestHead(data, from, to)
	if !h.ok {
		return payload.Body{}, false
	}
	// Headers run to the first blank line; the body is the rest.
	i := 0
	for ; i < len(rest) && strings.TrimSpace(string(data[rest[i].Start:rest[i].End])) != ""; i++ {
	}
	if i >= len(rest) {
		return payload.Body{}, false
	}
	return withBody(data, h, rest[i].End, to, via)
}

// withBody makes the body in [from, to) of request h, if it is JSON.
func withBody(data []byte, h head, from, to int, via string) (payload.Body, bool) {
	for from < to && isSpace(data[from]) {
		from++
	}
	for to > from && isSpace(data[to-1]) {
		to--
	}
	if from == to || (data[from] != '{' && data[from] != '[') {
		return payload.Body{}, false
	}
	text, vars := substitute(data, from, to)
	url := string(data[h.url.Start:h.url.End])
	e := payload.Classify(h.method, h.methodSpan, url, h.url, true, "")
	b := payload.Body{JSON: text, Map: payload.Identity(from, to-from), Placeholders: vars, Range: payload.Span{Start: from, End: to},
		Syntax: payload.JSON, Method: h.method, URL: url, Via: via, API: e.API, Kind: e.Kind, Lint: e.Lint, Problems: e.Problems}
	if e.EM && !e.Lint && len(e.Problems) > 0 && strings.ToUpper(h.method) != "GET" {
		b.Fingerprint = true // an unknown collection: lint the body if it looks like ours
	}
	return b, true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// lines splits [from, to) into lines without their line ending.
func lines(data []byte, from, to int) []payload.Span {
	var out []payload.Span
	for start := from; start < to; {
		end := bytes.IndexByte(data[start:to], '\n')
		next := to
		if end < 0 {
			end = to
		} else {
			end += start
			next = end + 1
		}
		lineEnd := end
		if lineEnd > start && data[lineEnd-1] == '\r' {
			lineEnd--
		}
		out = append(out, payload.Span{Start: start, End: lineEnd})
		start = next
	}
	return out
}

// substitute copies the body and replaces each {{variable}} that stands
// where a value goes by "null" and spaces, keeping every offset; variables
// inside strings stay as they are. Both kinds are returned as placeholders
// (offsets of the copy), so that findings about them can be dropped: a
// variable is a placeholder of whatever type the property needs.
func substitute(data []byte, from, to int) ([]byte, []payload.Span) {
	body := append([]byte(nil), data[from:to]...)
	var vars []payload.Span
	inString := false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case c == '{' && i+1 < len(body) && body[i+1] == '{':
			end := bytes.Index(body[i:], []byte("}}"))
			if end < 0 {
				continue
			}
			end += i + 2
			vars = append(vars, payload.Span{Start: i, End: end})
			if !inString {
				copy(body[i:end], "null"+strings.Repeat(" ", end-i-4))
			}
			i = end - 1
		}
	}
	return body, vars
}

// fence is the start of a Markdown code fence: ``` or ~~~, and the info
// string's first word.
var fence = regexp.MustCompile("^[ ]{0,3}(```+|~~~+)[ \t]*([A-Za-z0-9_-]*)")

// markdown reads the code blocks of a Markdown file: http blocks the way
// the Graph docs write requests (an http block without a body takes the
// json block that follows it, also a docs style), PowerShell blocks and
// Terraform blocks, each read as its own file would be, and untagged
// blocks as whichever of those they hold.
func markdown(data []byte) []payload.Body {
	type block struct {
		info  string
		inner payload.Span // the code, between the fence lines
	}
	var blocks []block
	ls := lines(data, 0, len(data))
	for i := 0; i < len(ls); i++ {
		m := fence.FindSubmatch(data[ls[i].Start:ls[i].End])
		if m == nil {
			continue
		}
		marker := string(m[1])
		info := strings.ToLower(string(m[2]))
		j := i + 1
		for ; j < len(ls); j++ {
			if strings.HasPrefix(strings.TrimLeft(string(data[ls[j].Start:ls[j].End]), " "), marker) {
				break
			}
		}
		end := len(data)
		if j < len(ls) {
			end = ls[j].Start
		}
		start := end
		if i+1 < len(ls) {
			start = min(ls[i+1].Start, end)
		}
		blocks = append(blocks, block{info: info, inner: payload.Span{Start: start, End: end}})
		i = j
	}
	var out []payload.Body
	for k, b := range blocks {
		var found []payload.Body
		switch b.info {
		case "http", "rest", "msgraph-interactive":
		case "powershell", "pwsh", "ps1", "ps":
			found = powershell.Extract(data[b.inner.Start:b.inner.End])
		case "hcl", "terraform", "tf":
			found = terraform.Extract(data[b.inner.Start:b.inner.End])
		case "":
			// Blog posts often leave fences untagged: read the block as the
			// script or the request it looks like. Each reader finds nothing
			// in a block that is neither, cheaply.
			code := data[b.inner.Start:b.inner.End]
			if found = powershell.Extract(code); found == nil {
				found = terraform.Extract(code)
			}
			if found == nil {
				found = httpFile(data, b.inner.Start, b.inner.End, payload.ViaMarkdown)
				out = append(out, found...)
				continue
			}
		default:
			continue
		}
		if found != nil {
			for i := range found {
				found[i].Shift(b.inner.Start)
			}
			out = append(out, found...)
			continue
		}
		if b.info != "http" && b.info != "rest" && b.info != "msgraph-interactive" {
			continue
		}
		ps := httpFile(data, b.inner.Start, b.inner.End, payload.ViaMarkdown)
		if len(ps) > 0 {
			out = append(out, ps...)
			continue
		}
		// A request line alone, and its body in the next json block.
		if k+1 >= len(blocks) || (blocks[k+1].info != "json" && blocks[k+1].info != "jsonc") {
			continue
		}
		h, _ := requestHead(data, b.inner.Start, b.inner.End)
		if !h.ok {
			continue
		}
		body := blocks[k+1].inner
		if p, ok := withBody(data, h, body.Start, body.End, payload.ViaMarkdown); ok && data[p.Range.Start] == '{' {
			out = append(out, p)
		}
	}
	return out
}
