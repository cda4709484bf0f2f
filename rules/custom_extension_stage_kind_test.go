package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestCustomExtensionStageKind(t *testing.T) {
	runCases(t, CustomExtensionStageKind, []ruleCase{
		{
			name:  "request extension at an expiry stage",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentOneDayBeforeExpiration", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "e"}}]}`,
			want:  []want{{finding.Warning, "/customExtensionStageSettings/0/customExtension/@odata.type", "stage `assignmentOneDayBeforeExpiration` runs an `accessPackageAssignmentWorkflowExtension`, but this extension is an `accessPackageAssignmentRequestWorkflowExtension`"}},
		},
		{
			name:  "assignment extension at a request stage (beta)",
			shape: BetaPolicy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentWorkflowExtension", "id": "e"}}]}`,
			want:  []want{{finding.Warning, "/customExtensionStageSettings/0/customExtension/@odata.type", "stage `assignmentRequestCreated` runs an `accessPackageAssignmentRequestWorkflowExtension`"}},
		},
		{
			name:  "a lifecycle workflow task extension",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentRequestGranted", "customExtension": {"@odata.type": "#microsoft.graph.identityGovernance.customTaskExtension", "id": "e"}}]}`,
			want:  []want{{finding.Warning, "/customExtensionStageSettings/0/customExtension/@odata.type", "this extension is a `customTaskExtension`"}},
		},
		{
			name:  "near miss: reference by id only (docs examples)",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`,
		},
		{
			name:  "near miss: matching kinds",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentFourteenDaysBeforeExpiration", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentWorkflowExtension", "id": "a"}}, {"stage": "assignmentRequestRemoved", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "b"}}]}`,
		},
		{
			name:  "near miss: unknown stage is the schema's",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": [{"stage": "whenever", "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentWorkflowExtension", "id": "a"}}]}`,
		},
	})
}
