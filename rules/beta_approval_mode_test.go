package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestBetaApprovalMode(t *testing.T) {
	body := func(settings string) string { return `{"requestApprovalSettings": ` + settings + `}` }
	const ptr = "/requestApprovalSettings/approvalMode"
	runCases(t, BetaApprovalMode, []ruleCase{
		{
			name:  "NoApproval with approval required",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "NoApproval", "approvalStages": []}`),
			want:  []want{{finding.Error, ptr, "`approvalMode` is `NoApproval` but `isApprovalRequired` is true: set `isApprovalRequired` to false"}},
		},
		{
			name:  "NoApproval with approval required and stages",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "NoApproval", "approvalStages": [{}, {}]}`),
			want:  []want{{finding.Error, ptr, "there are 2 stages: use `Serial`, or omit `approvalMode`"}},
		},
		{
			name:  "NoApproval with stages",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": false, "approvalMode": "NoApproval", "approvalStages": [{}]}`),
			want:  []want{{finding.Error, ptr, "`approvalMode` is `NoApproval` but there is 1 stage: send `approvalStages: []`, or require approval and use `SingleStage`"}},
		},
		{
			name:  "SingleStage with two stages",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "SingleStage", "approvalStages": [{}, {}]}`),
			want:  []want{{finding.Warning, ptr, "`approvalMode` is `SingleStage` but there are 2 stages: use `Serial`, or keep one stage"}},
		},
		{
			name:  "SingleStage with no stages",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "SingleStage"}`),
			want:  []want{{finding.Warning, ptr, "there are no stages: add a stage, or use `NoApproval`"}},
		},
		{
			name:  "Serial with one stage",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "Serial", "approvalStages": [{}]}`),
			want:  []want{{finding.Warning, ptr, "`approvalMode` is `Serial` but there is 1 stage: use `SingleStage`, or add a second stage"}},
		},
		{
			name:  "Serial with no stages",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": false, "approvalMode": "Serial", "approvalStages": []}`),
			want:  []want{{finding.Warning, ptr, "add stages, or use `NoApproval`"}},
		},
		{
			name:  "Parallel is a PIM value",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "Parallel", "approvalStages": [{}, {}]}`),
			want:  []want{{finding.Warning, ptr, "`Parallel` is a PIM approval mode, not documented for access package policies: use `Serial`"}},
		},
		{
			name:  "wrong letter case",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "singleStage", "approvalStages": [{}]}`),
			want:  []want{{finding.Warning, ptr, "`approvalMode` `singleStage` has the wrong letter case: write `SingleStage`"}},
		},
		{
			name:  "typo gets a suggestion",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "Serail", "approvalStages": [{}, {}]}`),
			want:  []want{{finding.Warning, ptr, "did you mean `Serial`?"}},
		},
		{
			name:  "unrelated value lists the documented ones",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "Manager", "approvalStages": [{}]}`),
			want:  []want{{finding.Warning, ptr, "use `SingleStage`, `Serial` or `NoApproval`, or omit it"}},
		},
		{
			name:  "near miss: beta docs example 2 (Serial, two stages)",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "isApprovalRequiredForExtension": false, "approvalMode": "Serial", "approvalStages": [{}, {}]}`),
		},
		{
			name:  "near miss: beta docs example 3 (SingleStage, one stage)",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "SingleStage", "approvalStages": [{}]}`),
		},
		{
			name:  "near miss: beta docs example 1 (NoApproval, no stages)",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": false, "isApprovalRequiredForExtension": false, "approvalMode": "NoApproval", "approvalStages": []}`),
		},
		{
			name:  "near miss: Serial with three stages",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalMode": "Serial", "approvalStages": [{}, {}, {}]}`),
		},
		{
			name:  "near miss: approvalMode omitted (the service derives it)",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": true, "approvalStages": [{}, {}]}`),
		},
		{
			name:  "near miss: approvalMode null",
			shape: BetaPolicy,
			body:  body(`{"isApprovalRequired": false, "approvalMode": null, "approvalStages": []}`),
		},
	})
}
