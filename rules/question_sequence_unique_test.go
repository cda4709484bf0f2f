package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestQuestionSequenceUnique(t *testing.T) {
	runCases(t, QuestionSequenceUnique, []ruleCase{
		{
			name:  "two questions at 1",
			shape: V1Policy,
			body:  `{"questions": [{"sequence": 1}, {"sequence": 2}, {"sequence": 1}]}`,
			want:  []want{{finding.Info, "/questions/2/sequence", "`sequence` 1 is also used by the question at `/questions/0`"}},
		},
		{
			name:  "string and number compare as numbers",
			shape: BetaPolicy,
			body:  `{"questions": [{"sequence": "2"}, {"sequence": 2}]}`,
			want:  []want{{finding.Info, "/questions/1/sequence", "`sequence` 2 is also used"}},
		},
		{
			name:  "near miss: v1 docs example 4 (\"1\" and \"2\")",
			shape: V1Policy,
			body:  `{"questions": [{"sequence": "1"}, {"sequence": "2"}]}`,
		},
		{
			name:  "near miss: no sequences (beta docs example 3)",
			shape: BetaPolicy,
			body:  `{"questions": [{"isRequired": false}, {"isRequired": false}]}`,
		},
	})
}
