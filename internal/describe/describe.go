package describe

import (
	"errors"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/migrate"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/schemas"
)

// File describes the bodies that linting the file (linted, with findings
// already filtered by the configuration) found and linted, in file order.
// data is the file's content as read.
func File(data []byte, linted lint.File) []Facts {
	if linted.Status != lint.Linted {
		return nil
	}
	text, _ := extract.Text(linted.Name, data)
	bodies := extract.Bodies(linted.Name, text)
	lines := position.NewLines(text)
	var out []Facts
	for _, b := range bodies {
		api, kind, ok := shapeOf(b, linted)
		if !ok {
			continue
		}
		f := Facts{File: linted.Name, Line: lines.Pos(b.Range.Start).Line, API: string(api), Kind: string(kind)}
		f.Findings = counts(linted.Findings, b.Range, len(bodies) == 1)
		describeBody(&f, b.JSON, api, kind)
		out = append(out, f)
	}
	return out
}

// shapeOf is the shape lint gave a body, and whether lint linted it.
func shapeOf(b payload.Body, linted lint.File) (schemas.API, schemas.Kind, bool) {
	if b.Syntax == payload.JSON && b.Via == payload.ViaJSON && len(linted.Bodies) == 0 {
		return linted.API, linted.Kind, linted.Kind != ""
	}
	for _, lb := range linted.Bodies {
		if lb.Start == b.Range.Start && lb.End == b.Range.End {
			return lb.API, lb.Kind, lb.Kind != ""
		}
	}
	return "", "", false
}

// counts counts the findings in a body's range (all of them when the file
// is one body: a finding about the file, such as a byte order mark, too).
func counts(fs []finding.Finding, r payload.Span, whole bool) Counts {
	var c Counts
	for _, f := range fs {
		if !whole && (f.Start < r.Start || f.Start >= r.End) {
			continue
		}
		switch f.Severity {
		case finding.Error:
			c.Errors++
		case finding.Warning:
			c.Warnings++
		default:
			c.Infos++
		}
	}
	return c
}

// describeBody reads a body's facts. A beta body is read through the v1.0
// body migrate writes for it.
func describeBody(f *Facts, body []byte, api schemas.API, kind schemas.Kind) {
	if api == schemas.Beta {
		res, _, err := migrate.Body(body, kind)
		switch {
		case err == nil:
			body = res.Output
			f.Note = "a beta body, described through its v1.0 equivalent (`emlint migrate`)"
			if len(res.Notes) > 0 {
				f.Note += "; some of it has no v1.0 equivalent: `emlint migrate` says what"
			}
		case errors.Is(err, migrate.ErrAlreadyV1):
		default:
			f.Note = "a beta body that could not be read as v1.0: " + err.Error()
			return
		}
	}
	parsed, err := jsonparse.Parse(body)
	if err != nil {
		f.Note = "not valid JSON: `emlint lint` says where"
		return
	}
	root, _ := parsed.Tree().(map[string]any)
	if root == nil {
		f.Note = "not a JSON object"
		return
	}
	if kind == schemas.Request {
		f.Request = readRequest(root)
		return
	}
	f.Policy = readPolicy(root)
}
