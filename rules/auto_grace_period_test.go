package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestAutoGracePeriod(t *testing.T) {
	runCases(t, AutoGracePeriod, []ruleCase{
		{
			name:  "grace period with removal off",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"requestAccessForAllowedTargets": true, "removeAccessWhenTargetLeavesAllowedTargets": false, "gracePeriodBeforeAccessRemoval": "P7D"}}`,
			want:  []want{{finding.Info, "/automaticRequestSettings/gracePeriodBeforeAccessRemoval", "`gracePeriodBeforeAccessRemoval` is `P7D` but `removeAccessWhenTargetLeavesAllowedTargets` is `false`"}},
		},
		{
			name:  "grace period with removal absent",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"requestAccessForAllowedTargets": true, "gracePeriodBeforeAccessRemoval": "PT12H"}}`,
			want:  []want{{finding.Info, "/automaticRequestSettings/gracePeriodBeforeAccessRemoval", "is absent"}},
		},
		{
			name:  "near miss: grace period with removal on",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"removeAccessWhenTargetLeavesAllowedTargets": true, "gracePeriodBeforeAccessRemoval": "P7D"}}`,
		},
		{
			name:  "near miss: zero grace period",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"removeAccessWhenTargetLeavesAllowedTargets": false, "gracePeriodBeforeAccessRemoval": "PT0S"}}`,
		},
		{
			name:  "near miss: docs example 3 (no grace period)",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"requestAccessForAllowedTargets": true}}`,
		},
		{
			name:  "near miss: null grace period",
			shape: V1Policy,
			body:  `{"automaticRequestSettings": {"gracePeriodBeforeAccessRemoval": null}}`,
		},
	})
}
