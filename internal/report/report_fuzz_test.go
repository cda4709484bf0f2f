package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/schemas"
)

// The documented structure of the json format (README "Output"), declared
// here afresh so that the round trip does not go through the reporter's
// own types. Unknown fields are refused when decoding.
type fuzzJSONReport struct {
	Findings []struct {
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
		Fix       *struct {
			Description string `json:"description"`
			Edits       []struct {
				Offset    int    `json:"offset"`
				EndOffset int    `json:"endOffset"`
				Line      int    `json:"line"`
				Column    int    `json:"column"`
				EndLine   int    `json:"endLine"`
				EndColumn int    `json:"endColumn"`
				NewText   string `json:"newText"`
			} `json:"edits"`
			Patch []struct {
				Op    string `json:"op"`
				Path  string `json:"path"`
				From  string `json:"from"`
				Value any    `json:"value"`
			} `json:"patch"`
		} `json:"fix"`
	} `json:"findings"`
	Files []struct {
		File   string `json:"file"`
		API    string `json:"api"`
		Kind   string `json:"kind"`
		Status string `json:"status"`
		Reason string `json:"reason"`
	} `json:"files"`
}

// The parts of SARIF 2.1.0 that emlint documents writing.
type fuzzSARIFLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID string `json:"id"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []fuzzSARIFLocation `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations  []fuzzSARIFLocation `json:"locations"`
			Properties struct {
				Pointer string `json:"pointer"`
			} `json:"properties"`
		} `json:"results"`
		ColumnKind string `json:"columnKind"`
	} `json:"runs"`
}

type fuzzSARIFLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region *struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
			EndLine     int `json:"endLine"`
			EndColumn   int `json:"endColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// jsonString is s as encoding/json writes and reads it back: each byte of
// invalid UTF-8 becomes U+FFFD.
func jsonString(s string) string { return string([]rune(s)) }

var fuzzShapes = []struct {
	api  schemas.API
	kind schemas.Kind
}{{"", ""}, {schemas.Beta, schemas.Policy}, {schemas.V1, schemas.Policy}, {schemas.Beta, schemas.Request}, {schemas.V1, schemas.Request}}

// FuzzReport lints fuzzed bytes under a fuzzed file name, adds a file that
// could not be read, and checks that every format writes without error,
// that the json and sarif outputs decode into the documented structure
// and give back every finding and file (names, positions, rules,
// messages, pointers; SARIF URIs resolve to the file), and that the XML
// formats are well-formed.
func FuzzReport(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "examples", "*", "*", "*", "*.json"))
	if len(paths) == 0 {
		f.Fatal("no seed bodies under testdata/examples")
	}
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, filepath.ToSlash(p), uint8(i))
	}
	for _, s := range []struct{ data, name string }{
		{`{"requestType": "adminRemove", "assignment": {"id": "not-a-guid"}}`, "a b/c#d?.json"},
		{"{\"requestType\": \"x\",\n\"requestType\": 1}", "/abs/x:y.json"},
		{"{\"accessPackage\": \"é\xff\"}", "\xff\x00dir/file\r\n.json"},
		{`{"accessPackage": "<&>\"]]>"}`, "../up/%41.json"},
		{"\xEF\xBB\xBF{\"requestType\": \"AdminAdd\"}", ""},
		{`{"requestType": "adminAdd"} trailing`, "C:\\win\\path.json"},
	} {
		f.Add([]byte(s.data), s.name, uint8(0))
	}
	const cwd = "/srv/repo"
	f.Fuzz(func(t *testing.T, data []byte, name string, shape uint8) {
		sh := fuzzShapes[int(shape)%len(fuzzShapes)]
		files := []lint.File{
			lint.Lint(name, data, lint.Options{API: sh.api, Kind: sh.kind}),
			{Name: name + ".unreadable", Status: lint.Failed, Reason: name + ".unreadable: permission denied"},
		}
		all := Findings(files)

		// Every format writes without error.
		for _, format := range Formats {
			r, err := NewWith(format, Options{Timestamp: time.Unix(0, 0).UTC(), BaseDir: cwd})
			if err != nil {
				t.Fatal(err)
			}
			if s, ok := r.(*SARIF); ok {
				s.getwd = func() (string, error) { return cwd, nil }
			}
			var buf bytes.Buffer
			if err := r.Report(&buf, files); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case "json":
				checkJSONRoundTrip(t, buf.Bytes(), files, all)
			case "sarif":
				checkSARIFRoundTrip(t, buf.Bytes(), files, all, cwd)
			case "checkstyle", "junit":
				dec := xml.NewDecoder(&buf)
				for {
					if _, err := dec.Token(); err == io.EOF {
						break
					} else if err != nil {
						t.Fatalf("%s output is not well-formed XML: %v", format, err)
					}
				}
			}
		}
	})
}

func checkJSONRoundTrip(t *testing.T, out []byte, files []lint.File, all []*finding.Finding) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var got fuzzJSONReport
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("json output does not decode into the documented structure: %v\n%s", err, out)
	}
	if dec.More() {
		t.Fatalf("json output holds more than one value")
	}
	if len(got.Findings) != len(all) || len(got.Files) != len(files) {
		t.Fatalf("json output has %d findings and %d files, want %d and %d", len(got.Findings), len(got.Files), len(all), len(files))
	}
	for i, f := range all {
		g := got.Findings[i]
		if g.File != jsonString(f.File) || g.Line != f.Line || g.Column != f.Col || g.EndLine != f.EndLine || g.EndColumn != f.EndCol ||
			g.Severity != f.Severity.String() || g.Rule != f.Rule || g.Message != jsonString(f.Message) ||
			g.Pointer != jsonString(f.Pointer) || g.API != f.API || g.Kind != f.Kind {
			t.Fatalf("json finding %d = %+v, want %+v", i, g, *f)
		}
	}
	for i, f := range files {
		g := got.Files[i]
		wantReason := ""
		if f.Status != lint.Linted {
			wantReason = jsonString(f.Reason)
		}
		if g.File != jsonString(f.Name) || g.API != string(f.API) || g.Kind != string(f.Kind) || g.Status != string(f.Status) || g.Reason != wantReason {
			t.Fatalf("json file %d = %+v, want %s %s %s %s %q", i, g, f.Name, f.API, f.Kind, f.Status, wantReason)
		}
	}
}

// artifactPath resolves a SARIF artifact location to an absolute path.
func artifactPath(t *testing.T, uri, baseID, base string) string {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil {
		t.Fatalf("artifact URI %q does not parse: %v", uri, err)
	}
	switch {
	case baseID == srcRoot && u.Scheme == "":
		return filepath.Join(base, u.Path)
	case baseID == "" && u.Scheme == "file":
		return u.Path
	}
	t.Fatalf("artifact URI %q with base id %q: want a relative URI under %s or an absolute file: URI", uri, baseID, srcRoot)
	return ""
}

func checkSARIFRoundTrip(t *testing.T, out []byte, files []lint.File, all []*finding.Finding, cwd string) {
	t.Helper()
	var log fuzzSARIFLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatalf("sarif output does not decode: %v", err)
	}
	if log.Version != "2.1.0" || log.Schema != sarifSchema || len(log.Runs) != 1 {
		t.Fatalf("sarif log: version %q, $schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "emlint" || run.ColumnKind != "unicodeCodePoints" || len(run.Tool.Driver.Rules) != len(catalog.All()) {
		t.Fatalf("sarif driver %q with %d rules, columnKind %q", run.Tool.Driver.Name, len(run.Tool.Driver.Rules), run.ColumnKind)
	}
	baseURI, err := url.Parse(run.OriginalURIBaseIDs[srcRoot].URI)
	if err != nil || baseURI.Scheme != "file" || baseURI.Path != cwd+"/" {
		t.Fatalf("%s = %q, want file://%s/", srcRoot, run.OriginalURIBaseIDs[srcRoot].URI, cwd)
	}
	base := baseURI.Path
	if len(run.Results) != len(all) {
		t.Fatalf("sarif has %d results, want %d", len(run.Results), len(all))
	}
	for i, f := range all {
		r := run.Results[i]
		if r.RuleID != f.Rule || r.Message.Text != jsonString(f.Message) || r.Properties.Pointer != jsonString(f.Pointer) || r.Level != sarifLevel(f.Severity) {
			t.Fatalf("sarif result %d = %+v, want %+v", i, r, *f)
		}
		if r.RuleIndex == nil || *r.RuleIndex < 0 || *r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[*r.RuleIndex].ID != f.Rule {
			t.Fatalf("sarif result %d: ruleIndex %v does not name %s", i, r.RuleIndex, f.Rule)
		}
		if len(r.Locations) != 1 {
			t.Fatalf("sarif result %d has %d locations", i, len(r.Locations))
		}
		loc := r.Locations[0].PhysicalLocation
		if got, want := artifactPath(t, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, base), absFrom(cwd, f.File); got != want {
			t.Fatalf("sarif result %d: artifact %q (%s) resolves to %q, want %q", i, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, got, want)
		}
		reg := loc.Region
		if reg == nil || reg.StartLine != f.Line || reg.StartColumn != f.Col || reg.EndLine != f.EndLine || reg.EndColumn != f.EndCol {
			t.Fatalf("sarif result %d: region %+v, want %d:%d-%d:%d", i, reg, f.Line, f.Col, f.EndLine, f.EndCol)
		}
	}
	failed := 0
	for _, f := range files {
		if f.Status == lint.Failed {
			failed++
		}
	}
	if len(run.Invocations) != 1 || run.Invocations[0].ExecutionSuccessful != (failed == 0) || len(run.Invocations[0].ToolExecutionNotifications) != failed {
		t.Fatalf("sarif invocations %+v, want one with %d notifications", run.Invocations, failed)
	}
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		if n.Level != "error" || n.Message.Text == "" || len(n.Locations) != 1 {
			t.Fatalf("sarif notification %+v", n)
		}
	}
}
