package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestCustomExtensionPutInvalidModel(t *testing.T) {
	runCases(t, CustomExtensionPutInvalidModel, []ruleCase{
		{
			name:  "update body adding stage settings",
			shape: V1Policy,
			body:  `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "displayName": "p", "customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "e"}}], "accessPackage": {"id": "a"}}`,
			want:  []want{{finding.Info, "/customExtensionStageSettings", "this body has an `id`, so it is probably a PUT update"}},
		},
		{
			name:  "near miss: create with stage settings",
			shape: V1Policy,
			body:  `{"displayName": "p", "customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "e"}}]}`,
		},
		{
			name:  "near miss: update emptying the settings",
			shape: V1Policy,
			body:  `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "customExtensionStageSettings": []}`,
		},
		{
			name:  "near miss: update without stage settings (v1 update docs example)",
			shape: V1Policy,
			body:  `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "displayName": "All Users", "accessPackage": {"id": "49d2c59b-0a81-463d-a8ec-ddad3935d8a0"}}`,
		},
	})
}
