package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestRequestAnswersShape(t *testing.T) {
	runCases(t, RequestAnswersShape, []ruleCase{
		{
			name:  "v1 answeredQuestion without id",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "Kenya", "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion"}}]}`,
			want:  []want{{finding.Warning, "/answers/0/answeredQuestion", "`answeredQuestion` has no `id`"}},
		},
		{
			name:  "v1 answer without answeredQuestion and value",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "displayValue": "x"}]}`,
			want: []want{
				{finding.Warning, "/answers/0", "the answer has no `answeredQuestion`"},
				{finding.Warning, "/answers/0", "the answer has no `value`"},
			},
		},
		{
			name:  "beta null answeredQuestion is an error",
			shape: BetaRequest,
			body:  `{"requestType": "UserAdd", "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "v", "answeredQuestion": null}]}`,
			want:  []want{{finding.Error, "/answers/0/answeredQuestion", "`answeredQuestion` is null"}},
		},
		{
			name:  "two answers to one question, empty id",
			shape: V1Request,
			body:  `{"answers": [{"value": "a", "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "q1"}}, {"value": "b", "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "q1"}}, {"value": "c", "answeredQuestion": {"id": ""}}]}`,
			want: []want{
				{finding.Warning, "/answers/1/answeredQuestion/id", "the answer at `/answers/0` already answers question `q1`"},
				{finding.Warning, "/answers/2/answeredQuestion", "has no `id`"},
			},
		},
		{
			name:  "near miss: v1 docs example 3 answers",
			shape: V1Request,
			body:  `{"@odata.type": "#microsoft.graph.accessPackageAssignmentRequest", "requestType": "userAdd", "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "displayValue": "This is the answer to a multiple choice question", "value": "MultipleChoiceAnswerValue", "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageMultipleChoiceQuestion", "id": "8fe745e7-80b2-490d-bd22-4e708c77288c"}}, {"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "This is my answer to a text input question.", "displayValue": "This is my answer.", "answeredQuestion": {"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "id": "7aaa18c9-8e4f-440f-bd5a-3a7ce312cbe6"}}], "assignment": {"accessPackageId": "977c7ff4-ef8f-4910-9d31-49048ddf3120"}}`,
		},
		{
			name:  "near miss: beta missing answeredQuestion is the schema's (required there)",
			shape: BetaRequest,
			body:  `{"requestType": "UserAdd", "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString", "value": "v"}]}`,
		},
		{
			name:  "near miss: value in another letter case is property-name-case's",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "answers": [{"Value": "a", "answeredQuestion": {"id": "q1"}}, "not an object"]}`,
		},
		{
			name:  "the first of duplicated answeredQuestion members counts",
			shape: V1Request,
			body:  `{"requestType": "userAdd", "answers": [{"value": "a", "answeredQuestion": null, "answeredQuestion": {"id": "q1"}}]}`,
			want:  []want{{finding.Warning, "/answers/0/answeredQuestion", "`answeredQuestion` is null"}},
		},
		{
			name:  "near miss: empty answers (docs example 9)",
			shape: V1Request,
			body:  `{"requestType": "UserAdd", "answers": []}`,
		},
	})
}
