package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestStageTimeoutRange(t *testing.T) {
	v1 := func(d string) string {
		return `{"requestApprovalSettings": {"isApprovalRequiredForAdd": true, "stages": [{"durationBeforeAutomaticDenial": "P14D"}, {"durationBeforeAutomaticDenial": ` + d + `}]}}`
	}
	beta := func(d string) string {
		return `{"requestApprovalSettings": {"isApprovalRequired": true, "approvalStages": [{"approvalStageTimeOutInDays": ` + d + `}]}}`
	}
	runCases(t, StageTimeoutRange, []ruleCase{
		{
			name:  "beta zero days",
			shape: BetaPolicy,
			body:  beta("0"),
			want:  []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0/approvalStageTimeOutInDays", "`approvalStageTimeOutInDays` is 0, so requests in stage 1 are denied before anyone can approve: use at least 1"}},
		},
		{
			name:  "beta negative days as a string",
			shape: BetaPolicy,
			body:  beta(`"-3"`),
			want:  []want{{finding.Warning, "/requestApprovalSettings/approvalStages/0/approvalStageTimeOutInDays", "is \"-3\""}},
		},
		{
			name:  "v1 twelve hours",
			shape: V1Policy,
			body:  v1(`"PT12H"`),
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/1/durationBeforeAutomaticDenial", "`durationBeforeAutomaticDenial` is `PT12H`, less than a day, so requests in stage 2"}},
		},
		{
			name:  "v1 zero",
			shape: V1Policy,
			body:  v1(`"PT0S"`),
			want:  []want{{finding.Warning, "/requestApprovalSettings/stages/1/durationBeforeAutomaticDenial", "use at least `P1D`"}},
		},
		{
			name:  "v1 day and a half",
			shape: V1Policy,
			body:  v1(`"P1DT12H"`),
			want:  []want{{finding.Info, "/requestApprovalSettings/stages/1/durationBeforeAutomaticDenial", "not a whole number of days, which is how Graph documents this timeout: use `P1D` or `P2D`"}},
		},
		{
			name:  "near miss: v1 docs values",
			shape: V1Policy,
			body:  v1(`"P2D"`),
		},
		{
			name:  "near miss: whole days written in hours",
			shape: V1Policy,
			body:  v1(`"PT48H"`),
		},
		{
			name:  "near miss: beta 14 days",
			shape: BetaPolicy,
			body:  beta("14"),
		},
		{
			name:  "near miss: long timeouts are not flagged",
			shape: BetaPolicy,
			body:  beta("30"),
		},
		{
			name:  "near miss: malformed durations are the schema's job",
			shape: V1Policy,
			body:  v1(`"14 days"`),
		},
		{
			name:  "near miss: approval not required",
			shape: V1Policy,
			body:  `{"requestApprovalSettings": {"isApprovalRequiredForAdd": false, "stages": [{"durationBeforeAutomaticDenial": "PT0S"}]}}`,
		},
	})
}
