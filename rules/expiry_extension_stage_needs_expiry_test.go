package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestExpiryExtensionStageNeedsExpiry(t *testing.T) {
	runCases(t, ExpiryExtensionStageNeedsExpiry, []ruleCase{
		{
			name:  "v1 noExpiration with an expiry stage",
			shape: V1Policy,
			body: `{"expiration": {"type": "noExpiration"}, "customExtensionStageSettings": [
				{"stage": "assignmentRequestGranted", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}},
				{"stage": "assignmentOneDayBeforeExpiration", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`,
			want: []want{{finding.Warning, "/customExtensionStageSettings/1/stage", "stage `assignmentOneDayBeforeExpiration` never comes: assignments of this policy never expire (`expiration.type` is `noExpiration`)"}},
		},
		{
			name:  "beta handlers on a never-expiring policy",
			shape: BetaPolicy,
			body:  `{"durationInDays": 0, "customExtensionHandlers": [{"stage": "assignmentFourteenDaysBeforeExpiration", "customExtension": {"id": "219f57b6-7983-45a1-be01-2c228b7a43f8"}}]}`,
			want:  []want{{finding.Warning, "/customExtensionHandlers/0/stage", "`durationInDays` is 0"}},
		},
		{
			name:  "near miss: v1 expiry stage with a duration",
			shape: V1Policy,
			body:  `{"expiration": {"type": "afterDuration", "duration": "P365D"}, "customExtensionStageSettings": [{"stage": "assignmentOneDayBeforeExpiration"}]}`,
		},
		{
			name:  "near miss: v1 without expiration says nothing about expiry",
			shape: V1Policy,
			body:  `{"customExtensionStageSettings": [{"stage": "assignmentFourteenDaysBeforeExpiration"}]}`,
		},
		{
			name:  "near miss: beta docs example 5 (request stages only)",
			shape: BetaPolicy,
			body:  `{"canExtend": false, "customExtensionStageSettings": [{"stage": "assignmentRequestCreated"}, {"stage": "assignmentRequestGranted"}]}`,
		},
	})
}
