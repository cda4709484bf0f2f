package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/emlint/emlint/internal/extract"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/validate/checker"
	"github.com/emlint/emlint/schemas"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// The generated validators are held to github.com/santhosh-tekuri/jsonschema/v6,
// the reference validator, compiled here from the same embedded schemas:
// both must find the same violations (instance, keyword, subschema and
// what it wants) in every body of testdata, every fuzz corpus entry and
// one-defect mutants of every valid body.

var shapeList = []struct {
	api  schemas.API
	kind schemas.Kind
}{{schemas.V1, schemas.Policy}, {schemas.V1, schemas.Request}, {schemas.Beta, schemas.Policy}, {schemas.Beta, schemas.Request}}

var oracleSchemas sync.Map // schema name -> *jsonschema.Schema

func oracleSchema(t testing.TB, api schemas.API, k schemas.Kind) *jsonschema.Schema {
	name := schemas.Name(api, k)
	if s, ok := oracleSchemas.Load(name); ok {
		return s.(*jsonschema.Schema)
	}
	comp := jsonschema.NewCompiler()
	comp.AssertFormat()
	comp.UseLoader(embeddedOnly{})
	s, err := comp.Compile(schemas.URL(api, k))
	if err != nil {
		t.Fatal(err)
	}
	oracleSchemas.Store(name, s)
	return s
}

// embeddedOnly serves the embedded schemas and the 2020-12 meta-schemas the
// library carries; nothing else.
type embeddedOnly struct{}

func (embeddedOnly) Load(url string) (any, error) {
	b, ok := schemas.ByURL(url)
	if !ok {
		return nil, fmt.Errorf("refused to load %q", url)
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

// oracle validates body with the reference validator and returns its
// violations in the generated validators' terms.
func oracle(t testing.TB, api schemas.API, k schemas.Kind, body []byte, c *checker.Checker) []checker.Violation {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("the library cannot read a body the parser read: %v", err)
	}
	err = oracleSchema(t, api, k).Validate(v)
	if err == nil {
		return nil
	}
	var verr *jsonschema.ValidationError
	if !errors.As(err, &verr) {
		t.Fatal(err)
	}
	nodes := map[string]int32{}
	for i := range c.Nodes {
		nodes[jsonparse.Pointer(c.Src, c.Nodes, int32(i))] = int32(i) // the last of a repeated key wins, as in the decoded value
	}
	return convert(t, verr, nodes, c)
}

// convert flattens the library's error tree: wrappers ($ref, groups, allOf)
// disappear, anyOf keeps its branches, and a list of properties or missing
// names becomes one violation each.
func convert(t testing.TB, e *jsonschema.ValidationError, nodes map[string]int32, c *checker.Checker) []checker.Violation {
	ptr := ""
	for _, tok := range e.InstanceLocation {
		ptr += "/" + strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
	}
	node, ok := nodes[ptr]
	if !ok {
		t.Fatalf("the library reports %q, which the parser has no node for", ptr)
	}
	_, schema, _ := strings.Cut(e.SchemaURL, "#")
	v := checker.Violation{Node: node, Schema: schema}
	switch k := e.ErrorKind.(type) {
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf:
		var out []checker.Violation
		for _, cause := range e.Causes {
			out = append(out, convert(t, cause, nodes, c)...)
		}
		return out
	case *kind.AnyOf:
		v.Keyword = checker.AnyOf
		for _, cause := range e.Causes {
			v.Branches = append(v.Branches, convert(t, cause, nodes, c))
		}
	case *kind.Type:
		if got := checker.JSONType(c.Src, c.Nodes[node]); got != k.Got {
			t.Errorf("%s: the library types the value %s, the checker %s", ptr, k.Got, got)
		}
		v.Keyword, v.Want = checker.Type, k.Want
	case *kind.Enum:
		v.Keyword = checker.Enum
		for _, w := range k.Want {
			if s, ok := w.(string); ok {
				v.Want = append(v.Want, s)
			}
		}
	case *kind.Format:
		v.Keyword, v.Want = checker.Format, []string{k.Want}
	case *kind.Minimum:
		v.Keyword, v.Want = checker.Minimum, []string{k.Want.RatString()}
	case *kind.Maximum:
		v.Keyword, v.Want = checker.Maximum, []string{k.Want.RatString()}
	case *kind.Not:
		v.Keyword = checker.Not
	case *kind.FalseSchema:
		v.Keyword = checker.False
	case *kind.Required:
		return perName(v, checker.Required, k.Missing)
	case *kind.AdditionalProperties:
		return perName(v, checker.AdditionalProperties, k.Properties)
	default:
		t.Fatalf("%s: the library reports %T, which the generator does not produce: %v", ptr, k, e)
	}
	return []checker.Violation{v}
}

// perName makes one violation of v per property name.
func perName(v checker.Violation, kw checker.Keyword, names []string) []checker.Violation {
	var out []checker.Violation
	for _, name := range names {
		v.Keyword, v.Name = kw, name
		out = append(out, v)
	}
	return out
}

// generated validates body with the generated validator.
func generated(t testing.TB, api schemas.API, k schemas.Kind, body []byte) (*checker.Checker, bool) {
	r, err := jsonparse.Parse(body)
	if err != nil {
		return nil, false
	}
	c := checker.New(string(body), r.Nodes, len(r.Duplicates) > 0)
	shapes[schemas.Name(api, k)].check(c)
	return c, true
}

// canon writes violations in one canonical, sorted form for comparison.
func canon(c *checker.Checker, vs []checker.Violation) []string {
	var out []string
	for _, v := range vs {
		want := v.Want
		if v.Keyword == checker.Minimum || v.Keyword == checker.Maximum {
			r, _ := new(big.Rat).SetString(want[0])
			want = []string{r.RatString()}
		}
		s := fmt.Sprintf("%s %s %s %q %q", jsonparse.Pointer(c.Src, c.Nodes, v.Node), v.Keyword, v.Schema, v.Name, want)
		for _, b := range v.Branches {
			s += " [" + strings.Join(canon(c, b), "; ") + "]"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// agree checks one body against one shape with both validators; it returns
// whether the body is valid.
func agree(t testing.TB, what string, api schemas.API, k schemas.Kind, body []byte) bool {
	t.Helper()
	c, ok := generated(t, api, k, body)
	if !ok {
		return false
	}
	want := canon(c, oracle(t, api, k, body, c))
	got := canon(c, c.Out)
	if !slices.Equal(got, want) {
		t.Errorf("%s as %s: the generated validator disagrees with jsonschema/v6\n generated: %q\n reference: %q\nbody: %s",
			what, schemas.Name(api, k), got, want, truncate(body))
	}
	return len(want) == 0
}

func truncate(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "..."
	}
	return string(b)
}

// corpus returns the JSON text of every body emlint extracts from testdata
// and the fuzz corpora of the repository.
func corpus(t testing.TB) map[string][]byte {
	out := map[string][]byte{}
	root := filepath.Join("..", "..")
	for _, dir := range []string{"testdata", "internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if strings.Contains(filepath.ToSlash(path), "/testdata/fuzz/") {
				for i, v := range fuzzValues(data) {
					out[fmt.Sprintf("%s#%d", path, i)] = v
				}
				return nil
			}
			if !strings.Contains(filepath.ToSlash(path), "testdata/") || !extract.Supported(path) {
				return nil
			}
			text, _ := extract.Text(path, data)
			for i, b := range extract.Bodies(path, text) {
				out[fmt.Sprintf("%s#%d", path, i)] = b.JSON
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// fuzzValues reads the []byte and string values of a Go fuzz corpus file.
func fuzzValues(data []byte) [][]byte {
	var out [][]byte
	for _, line := range strings.Split(string(data), "\n") {
		for _, prefix := range []string{"[]byte(", "string("} {
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(rest, ")")); err == nil {
					out = append(out, []byte(s))
				}
			}
		}
	}
	return out
}

func TestGeneratedAgreesWithReference(t *testing.T) {
	bodies := corpus(t)
	if len(bodies) < 150 {
		t.Fatalf("only %d bodies in the corpus: the walk is broken", len(bodies))
	}
	names := make([]string, 0, len(bodies))
	for n := range bodies {
		names = append(names, n)
	}
	sort.Strings(names)
	var valid, mutants int
	for _, name := range names {
		for _, s := range shapeList {
			if !agree(t, name, s.api, s.kind, bodies[name]) {
				continue
			}
			valid++
			mutants += mutate(bodies[name], func(what string, m []byte) {
				agree(t, name+": "+what, s.api, s.kind, m)
			})
		}
	}
	t.Logf("%d bodies, %d valid for a shape, %d mutants", len(names), valid, mutants)
	if valid < 20 || mutants < 1000 {
		t.Errorf("too few valid bodies (%d) or mutants (%d) to hold the generated validators to the reference", valid, mutants)
	}
}

// mutate calls f with one-defect variants of a valid body, at every value:
// a member removed (a required property, an @odata.type), an unknown key
// added, the value replaced by one of each other JSON type, a string broken
// (an enum value, a format, the letter case), a number out of range.
func mutate(body []byte, f func(what string, mutant []byte)) int {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var root any
	if dec.Decode(&root) != nil {
		return 0
	}
	n := 0
	emit := func(what string, v any) {
		b, err := json.Marshal(v)
		if err == nil {
			n++
			f(what, b)
		}
	}
	var walk func(path string, v any, replace func(any) any)
	walk = func(path string, v any, replace func(any) any) {
		for _, other := range []any{json.Number("2147483648"), json.Number("-1"), json.Number("1.5"), "bogus", "P1X", "2026-02-30", "2026-01-31T25:00:00Z", true, nil, []any{}, map[string]any{}} {
			emit(fmt.Sprintf("%s = %v", path, other), replace(other))
		}
		switch x := v.(type) {
		case string:
			if x != "" {
				emit(path+" upper-cased", replace(strings.ToUpper(x[:1])+x[1:]))
				emit(path+" with a suffix", replace(x+"x"))
			}
		case map[string]any:
			emit(path+" + unknown key", replace(with(x, "zzUnknown", json.Number("1"))))
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				emit(path+" - "+k, replace(without(x, k)))
				walk(path+"/"+k, x[k], func(nv any) any { return replace(with(x, k, nv)) })
			}
		case []any:
			for i := range x {
				walk(fmt.Sprintf("%s/%d", path, i), x[i], func(nv any) any {
					c := slices.Clone(x)
					c[i] = nv
					return replace(c)
				})
			}
		}
	}
	walk("", root, func(nv any) any { return nv })
	return n
}

func with(m map[string]any, k string, v any) map[string]any {
	c := make(map[string]any, len(m)+1)
	for key, val := range m {
		c[key] = val
	}
	c[k] = v
	return c
}

func without(m map[string]any, k string) map[string]any {
	c := make(map[string]any, len(m))
	for key, val := range m {
		if key != k {
			c[key] = val
		}
	}
	return c
}

// FuzzGeneratedAgreesWithReference runs both validators on random bodies.
func FuzzGeneratedAgreesWithReference(f *testing.F) {
	for _, b := range corpus(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if _, err := jsonparse.Parse(body); err != nil {
			return
		}
		if _, err := jsonschema.UnmarshalJSON(bytes.NewReader(body)); err != nil {
			return // the parser and encoding/json differ on what they accept (lone surrogates): not the validators' business
		}
		for _, s := range shapeList {
			agree(t, "fuzz", s.api, s.kind, body)
		}
	})
}

// The linter validates with the generated code only: the reference
// validator, whose package initialisation alone costs milliseconds in every
// process, is a test dependency.
func TestRunTimeDoesNotImportReference(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/emlint/emlint/cmd/emlint").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v: %s", err, out)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "santhosh-tekuri/jsonschema") {
			t.Errorf("cmd/emlint depends on %s", pkg)
		}
	}
}
