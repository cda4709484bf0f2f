package lint

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"github.com/emlint/emlint/internal/detect"
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/jsonparse"
	"github.com/emlint/emlint/internal/payload"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/emlint/emlint/internal/validate"
)

// derivedOnly are the properties that exist only on a derived type of the
// abstract types a policy or request holds (subject sets, questions,
// answers), in the v1.0 and beta metadata. The typed PowerShell cmdlets
// model the base types (userSet/subjectSet, accessPackageQuestion,
// accessPackageAnswer), so these are "additional properties" to them and go
// out exactly as written: their letter case matters even through a cmdlet
// ("The model is invalid" for UserId: microsoft-graph-docs #17895; answers'
// Value and AnsweredQuestion: msgraph-sdk-powershell #1418, #1904), and
// their values are not converted.
var derivedOnly = map[string]bool{
	// singleUser, groupMembers, connectedOrganizationMembers,
	// requestorManager, attributeRuleMembers (v1.0); beta singleUser and
	// groupMembers name the object by id.
	"userId": true, "groupId": true, "connectedOrganizationId": true, "managerLevel": true,
	"membershipRule": true, "description": true, "id": true,
	// multipleChoiceQuestion, textInputQuestion
	"choices": true, "isMultipleSelectionAllowed": true, "isSingleLineQuestion": true, "regexPattern": true,
	// accessPackageAnswerString
	"value": true, "answeredQuestion": true,
}

// byTransport grades findings by what reaches the wire when a typed Graph
// PowerShell cmdlet sends the body (payload.Body.Typed). The cmdlet binds
// the hashtable to its model: declared property names match without regard
// to letter case, and values are converted to the declared types ("true"
// to true, 1 to "1"), silently dropping what cannot be converted. What the
// cmdlet accepts is never an error here; the finding says it breaks as raw
// JSON. Properties of derived types are sent as written, so those keep
// their grade. Findings are in JSON offsets.
func byTransport(fs []finding.Finding, b *payload.Body, parsed *jsonparse.Result) []finding.Finding {
	if !b.Typed {
		return fs
	}
	tree := sync.OnceValue(parsed.Tree) // decoded only if a finding needs a value
	for i := range fs {
		f := &fs[i]
		_, last := pointer.Parent(f.Pointer)
		derived := inDerived(parsed, f.Pointer)
		switch f.Rule {
		case "property-name-case": // left by wireNames: a key the cmdlet's model does not declare
			f.Message += fmt.Sprintf("; %s sends `%s` as written, since the model it binds does not declare it (it belongs to a derived @odata.type, or is not in Graph's metadata)", b.Via, last)
		case validate.RuleType:
			if derived && derivedOnly[last] {
				continue // not converted: sent as written
			}
			v := pointer.Lookup(tree(), pointer.Split(f.Pointer))
			switch {
			case f.Severity == finding.Warning: // "true" for a boolean, "1" for a number
				f.Severity = finding.Info
				f.Message += fmt.Sprintf("; %s converts it, so this works through the cmdlet, but not as JSON", b.Via)
			case convertible(v, f.Message):
				f.Severity = finding.Info
				f.Message += fmt.Sprintf("; %s converts it to the declared type, so this works through the cmdlet, but not as JSON", b.Via)
			case isScalar(v):
				f.Rule, f.Severity = payload.RuleDroppedValue, finding.Warning
				f.Message = fmt.Sprintf("%s cannot convert %s to the declared type of `%s` and drops the property without a word (%s)",
					b.Via, jsonText(v), last, f.Message)
				f.Fix = nil
			}
		}
	}
	return fs
}

// wireNames renames, in a copy of text, the keys that property-name-case
// reports and that a typed cmdlet binds without regard to case (declared
// properties of the model, not of a derived type): their letter case is all
// that changes, so every offset stays. It returns the copy and the findings
// of the keys it renamed; renamed is nil when nothing changed.
func wireNames(text []byte, fs []finding.Finding, parsed *jsonparse.Result, s detect.Shape) (wire []byte, renamed []finding.Finding) {
	for _, f := range fs {
		if f.Rule != "property-name-case" || f.Fix == nil || f.Fix.Op != finding.FixRename {
			continue
		}
		want := f.Fix.Key
		if inDerived(parsed, f.Pointer) && derivedOnly[want] || undeclared(s)[want] {
			continue
		}
		if f.End-f.Start != len(want)+2 || text[f.Start] != '"' || !strings.EqualFold(string(text[f.Start+1:f.End-1]), want) {
			continue
		}
		if wire == nil {
			wire = append([]byte(nil), text...)
		}
		copy(wire[f.Start+1:f.End-1], want)
		renamed = append(renamed, f)
	}
	return wire, renamed
}

var undeclaredNames sync.Map // detect.Shape -> map[string]bool

// undeclared returns the property names a shape's schema marks
// x-declared-in-metadata: false: documented request inputs that Graph's
// metadata, and so the SDK's generated models, do not declare (v1.0
// assignment.targetId, assignmentPolicyId, accessPackageId). A typed cmdlet
// sends them as written, like the properties of derived types.
func undeclared(s detect.Shape) map[string]bool {
	if v, ok := undeclaredNames.Load(s); ok {
		return v.(map[string]bool)
	}
	names := map[string]bool{}
	_, defs := validate.Types(s.API, s.Kind)
	for _, d := range defs {
		for i, p := range d.Props {
			if p.Undeclared {
				names[d.Properties[i]] = true
			}
		}
	}
	undeclaredNames.Store(s, names)
	return names
}

// declaredSpelling folds the keys wireNames renamed (findings in file
// offsets by now) into one info finding at the first: the body works
// through the cmdlet, but not as JSON. Its fix renames them all.
func declaredSpelling(renamed []finding.Finding, b *payload.Body) finding.Finding {
	first := renamed[0]
	var names []string
	var edits []finding.TextEdit
	for _, f := range renamed {
		_, last := pointer.Parent(f.Pointer)
		if len(names) < 4 {
			names = append(names, fmt.Sprintf("`%s` (`%s`)", last, f.Fix.Key))
		}
		if f.Fix != nil {
			edits = append(edits, f.Fix.Edits...)
		}
	}
	more := ""
	if len(renamed) > len(names) {
		more = fmt.Sprintf(" and %d more", len(renamed)-len(names))
	}
	f := finding.Finding{Rule: first.Rule, Severity: finding.Info, Pointer: first.Pointer, Target: finding.Fixed, Start: first.Start, End: first.End,
		Message: fmt.Sprintf("%s binds property names without regard to case, so %s work through the cmdlet; sent as JSON (Invoke-MgGraphRequest, ConvertTo-Json) the same body is rejected with InvalidModel: use Graph's spelling to keep it portable",
			b.Via, list(names, more))}
	if len(edits) == len(renamed) {
		f.Fix = &finding.Fix{Description: fmt.Sprintf("use Graph's spelling of %d keys", len(renamed)), Op: finding.FixRename, Key: first.Fix.Key, Edits: edits}
	}
	return f
}

// list joins names as a sentence does: "a", "a and b", "a, b and 3 more".
func list(names []string, more string) string {
	if more != "" {
		return strings.Join(names, ", ") + more
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// camelKey lower-cases a key's first letter, as a typed cmdlet sends a
// declared property, for detection.
func camelKey(k string) string {
	if k != "" && k[0] >= 'A' && k[0] <= 'Z' {
		return string(k[0]+'a'-'A') + k[1:]
	}
	return k
}

// inDerived reports whether the object holding the value at ptr names its
// type with @odata.type.
func inDerived(parsed *jsonparse.Result, ptr string) bool {
	parent, _ := pointer.Parent(ptr)
	obj, ok := pointer.Lookup(parsed.Tree(), pointer.Split(parent)).(map[string]any)
	if !ok {
		return false
	}
	_, ok = obj["@odata.type"]
	return ok
}

// convertible reports whether a typed cmdlet turns v into what the schema
// message says is wanted: any number or boolean into a string
// (Convert.ToString), a whole number string into a number.
func convertible(v any, msg string) bool {
	switch v.(type) {
	case float64, bool:
		return strings.Contains(msg, "must be a string")
	}
	return false
}

func isScalar(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return true
}

func jsonText(v any) string {
	switch x := v.(type) {
	case string:
		return payload.Quote(x)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// collections reports, in a PowerShell body, a hashtable written where
// Graph expects a collection, with the fix a person would make: wrap it in
// @(...). Findings are in file offsets by now.
func collections(fs []finding.Finding, data []byte, b *payload.Body) []finding.Finding {
	if b.Syntax != payload.PowerShell {
		return fs
	}
	for i := range fs {
		f := &fs[i]
		if f.Rule != validate.RuleType || !strings.Contains(f.Message, "must be an array") || f.Start >= f.End {
			continue
		}
		src := data[f.Start:f.End]
		if !bytes.HasPrefix(src, []byte("@{")) && !bytes.HasPrefix(bytes.ToLower(src), []byte("[ordered]@{")) {
			continue
		}
		_, last := pointer.Parent(f.Pointer)
		f.Rule, f.Severity = payload.RuleCollection, finding.Error
		f.Message = fmt.Sprintf("`%s` is a collection in Graph, but @{...} is one hashtable: write @( @{...} ), so that it is sent as a list", last)
		f.Fix = &finding.Fix{Description: "wrap the hashtable in @(...)", Edits: []finding.TextEdit{
			{Start: f.Start, End: f.Start, New: "@("}, {Start: f.End, End: f.End, New: ")"}}}
	}
	return fs
}
