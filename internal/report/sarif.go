package report

import (
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/emlint/emlint/internal/catalog"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
)

// SARIF 2.1.0 constants. The schema URI is the one the OASIS standard
// (with errata 01) publishes; testdata/sarif-schema-2.1.0.json is a copy
// and the tests validate every output against it.
const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"

	// DefaultVersion is the tool version reported when none is set.
	DefaultVersion = "0.0.0-dev"
	// InformationURI is emlint's home page.
	InformationURI = "https://github.com/emlint/emlint"
	// RulesHelpURI documents every rule.
	RulesHelpURI = "https://github.com/emlint/emlint/blob/main/README.md#rules"
)

// SARIF prints one SARIF 2.1.0 log with one run, for GitHub code scanning,
// Azure DevOps, VS Code's SARIF viewer and other SARIF consumers.
//
// Every rule of the catalog is listed in tool.driver.rules; each finding is
// a result pointing into it. Regions are 1-based with an exclusive end, as
// SARIF specifies, and run.columnKind says columns count Unicode code
// points (SARIF's default is UTF-16 code units). Artifact URIs are relative
// to BaseDir, through the %SRCROOT% base id; a file outside BaseDir gets an
// absolute file: URI. A file that could not be linted becomes an error
// notification of the invocation, which is then not successful; skipped
// files (not entitlement-management bodies) are not mentioned.
type SARIF struct {
	Version string // tool.driver.version; DefaultVersion if empty
	BaseDir string // %SRCROOT%; the working directory if empty

	// Replaced by tests, so that golden files do not depend on the
	// machine or on every rule's help text.
	getwd func() (string, error) // os.Getwd when nil
	rules []catalog.Entry        // catalog.All() when nil
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	Results            []sarifResult                    `json:"results"`
	ColumnKind         string                           `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID     string          `json:"ruleId"`
	RuleIndex  *int            `json:"ruleIndex,omitempty"`
	Level      string          `json:"level"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
	Fixes      []sarifFix      `json:"fixes,omitempty"`
	Properties sarifProperties `json:"properties"`
}

// sarifFix is a finding's fix as SARIF 2.1.0 §3.55: replacements of byte
// ranges of the file.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent *sarifContent   `json:"insertedContent,omitempty"`
}

type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifProperties struct {
	Pointer string `json:"pointer"` // RFC 6901 JSON Pointer of the value at fault
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

func (s *SARIF) Report(w io.Writer, files []lint.File) error {
	getwd := s.getwd
	if getwd == nil {
		getwd = os.Getwd
	}
	cwd, err := getwd()
	if err != nil {
		return err
	}
	base := s.BaseDir
	if base == "" {
		base = cwd
	}
	base = absFrom(cwd, base)

	version := s.Version
	if version == "" {
		version = DefaultVersion
	}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "emlint", InformationURI: InformationURI, Version: version, Rules: []sarifRule{},
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(base, true)}},
		Results:            []sarifResult{},
		ColumnKind:         "unicodeCodePoints",
	}
	rules := s.rules
	if rules == nil {
		rules = catalog.All()
	}
	index := map[string]int{}
	for i, e := range rules {
		if _, dup := index[e.ID]; !dup {
			index[e.ID] = i
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: e.ID, Name: e.ID,
			ShortDescription:     sarifText{e.Doc},
			FullDescription:      sarifText{e.Help},
			Help:                 sarifText{e.Help},
			HelpURI:              RulesHelpURI,
			DefaultConfiguration: sarifConfiguration{sarifLevel(e.Severity)},
		})
	}
	artifact := func(name string) sarifArtifactLocation {
		return artifactLocation(cwd, base, name)
	}

	for _, f := range Findings(files) {
		r := sarifResult{
			RuleID:     f.Rule,
			Level:      sarifLevel(f.Severity),
			Message:    sarifText{f.Message},
			Properties: sarifProperties{Pointer: f.Pointer},
		}
		if i, ok := index[f.Rule]; ok {
			r.RuleIndex = &i
		}
		loc := sarifPhysicalLocation{ArtifactLocation: artifact(f.File)}
		if f.Line > 0 {
			loc.Region = &sarifRegion{StartLine: f.Line, StartColumn: max(f.Col, 1)}
			if f.EndLine > f.Line || f.EndLine == f.Line && f.EndCol >= loc.Region.StartColumn {
				loc.Region.EndLine, loc.Region.EndColumn = f.EndLine, max(f.EndCol, 1)
			}
		}
		r.Locations = []sarifLocation{{PhysicalLocation: loc}}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: artifact(f.File)}
			for _, e := range f.Fix.Edits {
				rep := sarifReplacement{DeletedRegion: sarifByteRegion{e.Start, e.End - e.Start}}
				if e.New != "" {
					rep.InsertedContent = &sarifContent{e.New}
				}
				change.Replacements = append(change.Replacements, rep)
			}
			r.Fixes = []sarifFix{{Description: sarifText{f.Fix.Description}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		run.Results = append(run.Results, r)
	}

	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, f := range files {
		if f.Status != lint.Failed {
			continue
		}
		inv.ExecutionSuccessful = false
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level:     "error",
			Message:   sarifText{f.Reason},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: artifact(f.Name)}}},
		})
	}
	run.Invocations = []sarifInvocation{inv}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// absFrom makes path absolute, relative to dir when it is not, and clean.
func absFrom(dir, path string) string {
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	return filepath.Clean(path)
}

// artifactLocation names a file as a URI relative to %SRCROOT% (base), or
// as an absolute file: URI when it lies outside base. name is as the user
// gave it, relative to the working directory cwd.
func artifactLocation(cwd, base, name string) sarifArtifactLocation {
	abs := absFrom(cwd, name)
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return sarifArtifactLocation{URI: fileURI(abs, false)}
	}
	// url.URL escapes what a URI reference cannot hold (spaces, %, #, ?)
	// and protects a first segment with a colon from reading as a scheme.
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
}

// fileURI is the file: URI of an absolute path; a directory's ends in "/",
// as SARIF requires of a base URI.
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
