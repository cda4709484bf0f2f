package report

import (
	"encoding/json"
	"io"

	"github.com/emlint/emlint/internal/lint"
)

// JSON prints {"findings": [...], "files": [...]} for tools.
type JSON struct{}

type jsonFinding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Severity  string `json:"severity"`
	Rule      string `json:"rule"`
	Message   string `json:"message"`
	Pointer   string `json:"pointer"`
	API       string `json:"api"`
	Kind      string `json:"kind"`
}

type jsonFile struct {
	File   string `json:"file"`
	API    string `json:"api"`
	Kind   string `json:"kind"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
}

func (JSON) Report(w io.Writer, files []lint.File) error {
	out := struct {
		Findings []jsonFinding `json:"findings"`
		Files    []jsonFile    `json:"files"`
	}{Findings: []jsonFinding{}, Files: []jsonFile{}}
	for _, f := range Findings(files) {
		out.Findings = append(out.Findings, jsonFinding{
			File: f.File, Line: f.Line, Column: f.Col, EndLine: f.EndLine, EndColumn: f.EndCol,
			Severity: f.Severity.String(), Rule: f.Rule, Message: f.Message, Pointer: f.Pointer,
			API: f.API, Kind: f.Kind,
		})
	}
	for _, f := range files {
		jf := jsonFile{File: f.Name, API: string(f.API), Kind: string(f.Kind), Status: string(f.Status)}
		if f.Status != lint.Linted {
			jf.Reason = f.Reason
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
