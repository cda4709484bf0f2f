package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var ChoiceQuestionNeedsChoices = &Rule{
	ID:       "choice-question-needs-choices",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A multiple-choice question needs answer choices with distinct values",
	Help: `An accessPackageMultipleChoiceQuestion asks the requestor to pick from its
choices; each choice has the value stored with the answer (actualValue) and a
display text. Without choices the requestor has nothing to pick (a required
question then blocks every request). Two choices with the same actualValue
cannot be told apart in the answers approvers see. Warnings: no service error is
on record for either body.

Bad:  {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion",
       "text": "What country are you working from?", "choices": []}
Fix:  "choices": [{"actualValue": "KE", "text": "Kenya"}, {"actualValue": "US", "text": "United States"}]
      (beta: {"actualValue": "KE", "displayValue": {"defaultText": "Kenya"}})
A text answer belongs in an accessPackageTextInputQuestion instead.

Evidence: microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackagemultiplechoicequestion.md
and api-reference/v1.0/resources/accesspackageanswerchoice.md (actualValue "the
actual value of the selected choice", which answers carry); the docs examples
(v1.0 create-policy example 4, beta create example 3) give every multiple-choice
question several distinct choices.`,
	Run: func(pass *Pass) {
		for _, q := range policyQuestions(pass) {
			if !isMultipleChoice(q.obj) {
				continue
			}
			choices := q.obj.Member("choices")
			cptr := pointer.Join(q.ptr, "choices")
			n, _ := elementCount(choices)
			switch {
			case !choices.Exists():
				pass.Report(q.ptr, finding.Start,
					"the multiple-choice question has no `choices`: add the options to pick from, or make it an `accessPackageTextInputQuestion`")
				continue
			case choices.IsNull() || (choices.IsArray() && n == 0):
				pass.Report(cptr, finding.Value,
					"the multiple-choice question has no choices: add the options to pick from, or make it an `accessPackageTextInputQuestion`")
				continue
			case !choices.IsArray():
				continue
			}
			seen := map[string]bool{}
			for i, c := range choices.Elems() {
				v := c.Get("actualValue")
				if v.Type != gjson.String {
					continue
				}
				if seen[v.Str] {
					pass.Report(pointer.Join(pointer.Index(cptr, i), "actualValue"), finding.Value,
						"another choice of this question already has `actualValue` `%s`: give each choice its own value", v.Str)
				}
				seen[v.Str] = true
			}
		}
	},
}
