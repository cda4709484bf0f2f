package crossfile

import (
	"sort"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/position"
	"github.com/emlint/emlint/schemas"
)

// Apply runs the cross-file checks over the outcome of lint.LintAll and
// adds their findings to the files they are about, in place: files[i] must
// be the result of linting inputs[i], as LintAll returns them. Run it
// before filter.Apply, so that configuration, --enable/--disable, ignores
// and baselines apply to these findings too.
func Apply(inputs []load.File, files []lint.File) {
	if !anyPolicy(files) {
		return // requests are checked against policies: none, nothing to read again
	}
	data := dataByFile(inputs, files)
	var bodies []Body
	for i, f := range files {
		if f.Status == lint.Linted && data[i] != nil {
			bodies = append(bodies, Body{Name: f.Name, Data: data[i], API: f.API, Kind: f.Kind})
		}
	}
	fs := Check(bodies)
	if len(fs) == 0 {
		return
	}
	at := map[string]int{}
	for i, f := range files {
		if _, seen := at[f.Name]; !seen {
			at[f.Name] = i
		}
	}
	touched := map[int]*position.Lines{}
	for _, x := range fs {
		i, ok := at[x.File]
		if !ok {
			continue
		}
		if touched[i] == nil {
			touched[i] = position.NewLines(data[i])
		}
		files[i].Findings = append(files[i].Findings, x)
		files[i].Source = lint.KeepSource(files[i].Source, []finding.Finding{x}, touched[i])
	}
	for i := range touched {
		f := files[i].Findings
		sort.SliceStable(f, func(a, b int) bool { return finding.Less(&f[a], &f[b]) })
	}
}

// anyPolicy reports whether a policy with an id may be among the files: a
// policy that takes part in the checks, or an .http or Markdown file, which
// may hold one beside its requests.
func anyPolicy(files []lint.File) bool {
	for _, f := range files {
		if f.Status == lint.Linted && f.CrossRef && (f.Kind == schemas.Policy || extract.Supported(f.Name)) {
			return true
		}
	}
	return false
}

// dataByFile returns the content of each linted file that takes part in
// cross-file checks (lint.File.CrossRef), by the index of files: files are
// read again, since the linter reads them lazily and lets go of them.
func dataByFile(inputs []load.File, files []lint.File) [][]byte {
	byName := map[string]load.File{}
	for _, in := range inputs {
		byName[in.Name] = in
	}
	out := make([][]byte, len(files))
	for i, f := range files {
		in, ok := byName[f.Name]
		if !ok || f.Status != lint.Linted || !f.CrossRef {
			continue
		}
		if data, err := in.Read(); err == nil {
			out[i], _ = extract.Text(f.Name, data) // as the linter read it
		}
	}
	return out
}
