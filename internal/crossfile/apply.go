package crossfile

import (
	"sort"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/lint"
	"github.com/emlint/emlint/internal/load"
	"github.com/emlint/emlint/internal/position"
)

// Apply runs the cross-file checks over the outcome of lint.LintAll and
// adds their findings to the files they are about, in place: files[i] must
// be the result of linting inputs[i], as LintAll returns them. Run it
// before filter.Apply, so that configuration, --enable/--disable, ignores
// and baselines apply to these findings too.
func Apply(inputs []load.File, files []lint.File) {
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
	touched := map[int]bool{}
	for _, x := range fs {
		i, ok := at[x.File]
		if !ok {
			continue
		}
		files[i].Findings = append(files[i].Findings, x)
		if files[i].Lines == nil {
			files[i].Lines = position.NewLines(data[i])
		}
		touched[i] = true
	}
	for i := range touched {
		f := files[i].Findings
		sort.SliceStable(f, func(a, b int) bool { return finding.Less(&f[a], &f[b]) })
	}
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
			out[i] = data
		}
	}
	return out
}
