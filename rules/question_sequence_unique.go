package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var QuestionSequenceUnique = &Rule{
	ID:       "question-sequence-unique",
	Severity: finding.Info,
	Shapes:   Policies,
	Doc:      "Questions should have distinct sequence numbers",
	Help: `sequence is the "relative position of this question when displaying a list of
questions to the requestor". Two questions with the same sequence have no defined
order, so requestors may see them in a different order than intended. Advice
only: nothing says Graph rejects the body. Numeric strings ("1", as v1.0 create
example 4 sends) are compared as numbers.

Bad:  "questions": [{..., "sequence": 1}, {..., "sequence": 1}]
Fix:  "questions": [{..., "sequence": 1}, {..., "sequence": 2}]

Evidence: microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackagequestion.md
(sequence description); v1.0 create-policy example 4
(api-reference/v1.0/api/entitlementmanagement-post-assignmentpolicies.md), which
numbers its questions 1 and 2.`,
	Run: func(pass *Pass) {
		first := map[float64]string{}
		for _, q := range policyQuestions(pass) {
			s := q.obj.Get("sequence")
			n, ok := numberValue(s)
			if !ok {
				continue
			}
			if other, dup := first[n]; dup {
				pass.Report(pointer.Join(q.ptr, "sequence"), finding.Value,
					"`sequence` %s is also used by the question at `%s`: give each question its own position",
					rawValue(s), other)
				continue
			}
			first[n] = q.ptr
		}
	},
}
