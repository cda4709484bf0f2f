package rules

import (
	"strconv"
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/tidwall/gjson"
)

// ODataTypePrefix warns about "@odata.type" values without the leading "#".
var ODataTypePrefix = &Rule{
	ID:       "odata-type-prefix",
	Severity: finding.Warning,
	Shapes:   AllShapes,
	Doc:      "`@odata.type` names a Graph type without the leading `#`",
	Help: `OData JSON writes a type annotation as "#" followed by the qualified type
name: "@odata.type": "#microsoft.graph.singleUser". Some of Microsoft's own docs
examples leave the "#" out (the v1.0 create-policy example's answer choices send
"microsoft.graph.accessPackageAnswerChoice"), so emlint accepts the value and checks
the object as that type, but warns: other OData clients and tools expect the
prefix, and mixing both spellings in one repository hides real typos.

Bad:
  {"@odata.type": "microsoft.graph.singleUser", "userId": "..."}
Fix:
  {"@odata.type": "#microsoft.graph.singleUser", "userId": "..."}

Evidence: OData JSON Format 4.01 §4.5.3 (control information odata.type);
microsoft-graph-docs-contrib api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md
(example with answer choices) and api-reference/v1.0/resources/accesspackagedynamicapprovalstage.md.`,
	Run: walkODataTypes,
}

func walkODataTypes(p *Pass) {
	for m := range p.Members() {
		if m.Key != "@odata.type" {
			continue
		}
		if v := m.Value(); v.Type == gjson.String && strings.HasPrefix(v.Str, "microsoft.graph.") {
			p.ReportFix(p.rule.Severity, m.Ptr(), finding.Value,
				&finding.Fix{Description: "add the leading #", Op: finding.FixReplace, Value: strconv.Quote("#" + v.Str)},
				"`@odata.type` is `%q`: write `%q`, with the leading `#` OData specifies", v.Str, "#"+v.Str)
		}
	}
}
