package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// questionRef is one policy question object and its pointer.
type questionRef struct {
	obj gjson.Result
	ptr string
}

// policyQuestions returns the questions of a policy that are objects.
func policyQuestions(pass *Pass) []questionRef {
	qs := pass.RootGet("questions")
	if !qs.IsArray() {
		return nil
	}
	var out []questionRef
	for i, q := range qs.Array() {
		if q.IsObject() {
			out = append(out, questionRef{q, pointer.Index(pointer.Join("", "questions"), i)})
		}
	}
	return out
}

// isMultipleChoice reports whether a question says it is a multiple-choice
// question (the letter case and the "#" are the schema's concern).
func isMultipleChoice(q gjson.Result) bool {
	return strings.EqualFold(odataTypeName(q), "accessPackageMultipleChoiceQuestion")
}
