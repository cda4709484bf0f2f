package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
	"strings"
)

var RequestAnswersShape = &Rule{
	ID:       "request-answers-shape",
	Severity: finding.Error,
	Shapes:   Requests,
	Doc:      "Each answer must name the question it answers by id and carry a value",
	Help: `An answer in a request is {"@odata.type": "#microsoft.graph.accessPackageAnswerString",
"value": ..., "answeredQuestion": {"@odata.type": <question type>, "id": <question id>}}.
The JSON Schema already checks the types, the key spelling and the question's
@odata.type; this rule checks what it cannot:
- answeredQuestion null: error in beta, where the docs mark it required; warning
  in v1.0 (also missing), where no page says so but the answer then answers nothing;
- answeredQuestion without an id: warning. The question is matched by id only
  (the id is returned when the policy is created), and every docs example sends it;
- no value: warning, the answer is empty;
- two answers to the same question id: warning, only one can count.
No service error is on record for these bodies beyond the beta "required"; the
"The model is invalid" errors on record come from key casing, which the schema
reports.

Bad:  {"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "Arizona",
       "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion"}}
Fix:  "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
                           "id": "8fe745e7-80b2-490d-bd22-4e708c77288c"}

Evidence: microsoft-graph-docs-contrib api-reference/beta/resources/accesspackageanswer.md
(answeredQuestion required), api-reference/v1.0/resources/accesspackageanswer.md and
accesspackageanswerstring.md; create-request examples with answers
(api-reference/v1.0/api/entitlementmanagement-post-assignmentrequests.md examples 3, 6, 8;
api-reference/beta/api/entitlementmanagement-post-accesspackageassignmentrequests.md
example 2); microsoftgraph/msgraph-sdk-powershell issue #1904 (answers with
PascalCase keys rejected as "The model is invalid").`,
	Run: func(pass *Pass) {
		answers := pass.rootNode("answers")
		if !answers.IsArray() {
			return
		}
		aptr := pointer.Join("", "answers")
		seen := map[string]string{}
		for i, a := range answers.Elems() {
			if !a.IsObject() {
				continue
			}
			ptr := pointer.Index(aptr, i)
			q := a.Get("answeredQuestion")
			qptr := pointer.Join(ptr, "answeredQuestion")
			switch {
			case q.Exists() && q.Type == gjson.Null:
				sev := finding.Warning
				if pass.Shape == BetaRequest {
					sev = finding.Error
				}
				pass.ReportAt(sev, qptr, finding.Value,
					"`answeredQuestion` is null: name the question this answers, `{\"@odata.type\": ..., \"id\": ...}`")
			case !q.Exists() && pass.Shape == V1Request:
				pass.ReportAt(finding.Warning, ptr, finding.Start,
					"the answer has no `answeredQuestion`: name the question it answers, `{\"@odata.type\": ..., \"id\": ...}`")
			case q.IsObject():
				id := Get(q, "id")
				if !isGiven(q, "id") {
					pass.ReportAt(finding.Warning, qptr, finding.Start,
						"`answeredQuestion` has no `id`: Graph matches answers to the policy's questions by id; use the id returned for the question")
				} else if id.Type == gjson.String {
					if other, dup := seen[id.Str]; dup {
						pass.ReportAt(finding.Warning, pointer.Join(qptr, "id"), finding.Value,
							"the answer at `%s` already answers question `%s`: send one answer per question", other, id.Str)
					} else {
						seen[id.Str] = ptr
					}
				}
			}
			if absentOrNull(a.Get("value")) && !hasKeyFold(a, "value") {
				pass.ReportAt(finding.Warning, ptr, finding.Start,
					"the answer has no `value`: put the requestor's answer in `value`")
			}
		}
	},
}

// hasKeyFold reports whether obj has a member named key in another letter
// case: property-name-case reports that one, so "no value" would be noise.
func hasKeyFold(obj node, key string) bool {
	for k := range obj.Keys() {
		if k != key && strings.EqualFold(k, key) {
			return true
		}
	}
	return false
}
