package crossfile

import (
	"sort"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"

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

// dataByFile returns the content of each linted file that can take part in
// a cross-file check, by the index of files: files are read again (the
// linter reads them lazily and lets go of them), and only policies with an
// id and requests that name a policy are kept, so a large run holds few.
func dataByFile(inputs []load.File, files []lint.File) [][]byte {
	byName := map[string]load.File{}
	for _, in := range inputs {
		byName[in.Name] = in
	}
	out := make([][]byte, len(files))
	for i, f := range files {
		in, ok := byName[f.Name]
		if !ok || f.Status != lint.Linted {
			continue
		}
		data, err := in.Read()
		if err != nil || !mayTakePart(f, data) {
			continue
		}
		out[i] = data
	}
	return out
}

// mayTakePart is a quick look at a body: a policy with a string id, or a
// request naming its policy. Files with several bodies (.http, Markdown)
// are always kept.
func mayTakePart(f lint.File, data []byte) bool {
	if extract.Supported(f.Name) {
		return true
	}
	switch f.Kind {
	case schemas.Policy:
		return gjson.GetBytes(data, "id").Type == gjson.String
	case schemas.Request:
		return gjson.GetBytes(data, "assignment.assignmentPolicyId").Exists() ||
			gjson.GetBytes(data, "accessPackageAssignment.assignmentPolicyId").Exists()
	}
	return false
}
