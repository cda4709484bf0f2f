package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestDeprecatedCustomExtensionHandlers(t *testing.T) {
	runCases(t, DeprecatedCustomExtensionHandlers, []ruleCase{
		{
			name:  "docs example 4",
			shape: BetaPolicy,
			body:  `{"customExtensionHandlers": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`,
			want:  []want{{finding.Warning, "/customExtensionHandlers", "use `customExtensionStageSettings` instead"}},
		},
		{
			name:  "near miss: emptying the handlers is the documented removal",
			shape: BetaPolicy,
			body:  `{"customExtensionHandlers": []}`,
		},
		{
			name:  "near miss: stage settings (docs example 5)",
			shape: BetaPolicy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`,
		},
	})
}
