package report

import (
	"encoding/json"
	"io"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// JSON prints {"findings": [...], "files": [...]} for tools.
type JSON struct{}

type jsonFinding struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Severity  string   `json:"severity"`
	Rule      string   `json:"rule"`
	Message   string   `json:"message"`
	Pointer   string   `json:"pointer"`
	API       string   `json:"api"`
	Kind      string   `json:"kind"`
	Fix       *jsonFix `json:"fix,omitempty"`
}

// jsonFix is a finding's mechanical fix: text edits (byte offsets and
// 1-based line/column, end exclusive) and the same change as RFC 6902.
type jsonFix struct {
	Description string            `json:"description"`
	Edits       []jsonEdit        `json:"edits"`
	Patch       []finding.PatchOp `json:"patch"`
}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	NewText   string `json:"newText"`
}

type jsonFile struct {
	File   string `json:"file"`
	API    string `json:"api"`
	Kind   string `json:"kind"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	// Bodies are the bodies found in a .http, Markdown, PowerShell or
	// Terraform file and linted; plain JSON files have none.
	Bodies []jsonBody `json:"bodies,omitempty"`
}

// jsonBody is where a body is in its file, its shape and how it is sent.
type jsonBody struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	API       string `json:"api"`
	Kind      string `json:"kind"`
	Method    string `json:"method"`
	Via       string `json:"via"`
}

func (JSON) Report(w io.Writer, files []lint.File) error {
	out := struct {
		Findings []jsonFinding `json:"findings"`
		Files    []jsonFile    `json:"files"`
	}{Findings: []jsonFinding{}, Files: []jsonFile{}}
	for _, f := range Findings(files) {
		jf := jsonFinding{
			File: f.File, Line: f.Line, Column: f.Col, EndLine: f.EndLine, EndColumn: f.EndCol,
			Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message, Pointer: f.Pointer,
			API: f.API, Kind: f.Kind,
		}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Description: f.Fix.Description, Patch: f.Fix.Patch}
			for _, e := range f.Fix.Edits {
				jf.Fix.Edits = append(jf.Fix.Edits, jsonEdit{e.Start, e.End, e.Line, e.Col, e.EndLine, e.EndCol, e.New})
			}
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, f := range files {
		jf := jsonFile{File: f.Name, API: string(f.API), Kind: string(f.Kind), Status: string(f.Status)}
		if f.Status != lint.Linted {
			jf.Reason = f.Reason
		}
		for _, b := range f.Bodies {
			jf.Bodies = append(jf.Bodies, jsonBody{b.Line, b.Col, b.EndLine, b.EndCol, string(b.API), string(b.Kind), b.Method, b.Via})
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
