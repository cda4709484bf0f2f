package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

// stageSettings builds n stage settings naming the extension ids given by id(i).
func stageSettings(n int, id func(int) string) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"stage": "assignmentRequestCreated", "customExtension": {"id": %q}}`, id(i))
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func TestCustomExtensionMax5(t *testing.T) {
	distinct := func(i int) string { return fmt.Sprintf("ext-%d", i) }
	runCases(t, CustomExtensionMax5, []ruleCase{
		{
			name:  "v1 six distinct extensions",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": ` + stageSettings(6, distinct) + `}`,
			want:  []want{{finding.Error, "/customExtensionStageSettings/5/customExtension", "this is the policy's 6th distinct custom extension, but a policy can use at most 5"}},
		},
		{
			name:  "beta five stage settings plus a handler with a sixth",
			shape: BetaPolicy,
			body:  `{"customExtensionStageSettings": ` + stageSettings(5, distinct) + `, "customExtensionHandlers": [{"stage": "assignmentRequestGranted", "customExtension": {"id": "other"}}]}`,
			want:  []want{{finding.Error, "/customExtensionHandlers/0/customExtension", "6th distinct custom extension"}},
		},
		{
			name:  "near miss: six stages sharing one extension",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": ` + stageSettings(6, func(int) string { return "same" }) + `}`,
		},
		{
			name:  "near miss: five distinct extensions",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": ` + stageSettings(5, distinct) + `}`,
		},
		{
			name:  "near miss: beta docs example 5",
			shape: BetaPolicy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}, {"stage": "assignmentRequestGranted", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`,
		},
	})
}
