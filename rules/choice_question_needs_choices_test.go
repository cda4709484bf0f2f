package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestChoiceQuestionNeedsChoices(t *testing.T) {
	runCases(t, ChoiceQuestionNeedsChoices, []ruleCase{
		{
			name:  "v1 no choices member",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "text": "Country?"}]}`,
			want:  []want{{finding.Warning, "/questions/0", "the multiple-choice question has no `choices`"}},
		},
		{
			name:  "beta empty choices",
			shape: BetaPolicy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion"}, {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": []}]}`,
			want:  []want{{finding.Warning, "/questions/1/choices", "the multiple-choice question has no choices"}},
		},
		{
			name:  "v1 null choices",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": null}]}`,
			want:  []want{{finding.Warning, "/questions/0/choices", "has no choices"}},
		},
		{
			name:  "duplicate actualValue",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [{"actualValue": "US", "text": "United States"}, {"actualValue": "KE", "text": "Kenya"}, {"actualValue": "US", "text": "USA"}]}]}`,
			want:  []want{{finding.Warning, "/questions/0/choices/2/actualValue", "another choice of this question already has `actualValue` `US`"}},
		},
		{
			name:  "only null choices",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [null, null]}]}`,
			want:  []want{{finding.Warning, "/questions/0/choices", "the multiple-choice question has no choices"}},
		},
		{
			name:  "duplicate after elements that are not choices, counted in the pointer",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [{"actualValue": "US"}, null, "US", {"actualValue": "US", "actualValue": "KE"}, {"actualValue": "KE"}]}]}`,
			want:  []want{{finding.Warning, "/questions/0/choices/3/actualValue", "already has `actualValue` `US`"}},
		},
		{
			name:  "near miss: choices not an array is the schema's",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": "US"}]}`,
		},
		{
			name:  "near miss: v1 docs example 4 choices",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "sequence": "1", "choices": [{"@odata.type": "microsoft.graph.accessPackageAnswerChoice", "actualValue": "KE", "text": "Kenya"}, {"@odata.type": "microsoft.graph.accessPackageAnswerChoice", "actualValue": "US", "text": "United States"}]}]}`,
		},
		{
			name:  "near miss: text question without choices",
			shape: BetaPolicy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "isSingleLineQuestion": false}]}`,
		},
		{
			name:  "near miss: same value in different questions",
			shape: V1Policy,
			body:  `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [{"actualValue": "A"}]}, {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "choices": [{"actualValue": "A"}]}]}`,
		},
	})
}
