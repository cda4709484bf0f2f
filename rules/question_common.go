package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/pointer"
)

// questionRef is one policy question object and its pointer.
type questionRef struct {
	obj node
	ptr string
}

// policyQuestions returns the questions of a policy that are objects. They
// are listed once per body, for the several question rules.
func policyQuestions(pass *Pass) []questionRef {
	return pass.memoize("questions", func() any {
		var out []questionRef
		for i, q := range pass.rootNode("questions").Elems() {
			if q.IsObject() {
				out = append(out, questionRef{q, pointer.Index(pointer.Join("", "questions"), i)})
			}
		}
		return out
	}).([]questionRef)
}

// isMultipleChoice reports whether a question says it is a multiple-choice
// question (the letter case and the "#" are the schema's concern).
func isMultipleChoice(q node) bool {
	return strings.EqualFold(typeNameOf(q.Get("@odata.type")), "accessPackageMultipleChoiceQuestion")
}
