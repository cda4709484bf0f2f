package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestV1NobodyCanRequest(t *testing.T) {
	runCases(t, V1NobodyCanRequest, []ruleCase{
		{
			name:  "notSpecified with self-service on",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "notSpecified", "requestorSettings": {"enableTargetsToSelfAddAccess": true, "enableOnBehalfRequestorsToAddAccess": "true"}}`,
			want: []want{
				{finding.Warning, "/requestorSettings/enableTargetsToSelfAddAccess", "`enableTargetsToSelfAddAccess` is true but `allowedTargetScope` is `notSpecified`"},
				{finding.Warning, "/requestorSettings/enableOnBehalfRequestorsToAddAccess", "set `enableOnBehalfRequestorsToAddAccess` to false"},
			},
		},
		{
			name:  "scope with nobody allowed to request",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": false, "enableTargetsToSelfRemoveAccess": true}}`,
			want:  []want{{finding.Info, "/allowedTargetScope", "`allowedTargetScope` is `allMemberUsers` but neither `enableTargetsToSelfAddAccess` nor `enableOnBehalfRequestorsToAddAccess` is true"}},
		},
		{
			name:  "near miss: docs example 1 (direct assignment)",
			shape: V1Policy,
			body: `{"allowedTargetScope": "notSpecified", "requestorSettings": {"enableTargetsToSelfAddAccess": false, "enableTargetsToSelfUpdateAccess": false,
				"enableTargetsToSelfRemoveAccess": false, "allowCustomAssignmentSchedule": true, "enableOnBehalfRequestorsToAddAccess": false,
				"enableOnBehalfRequestorsToUpdateAccess": false, "enableOnBehalfRequestorsToRemoveAccess": false, "onBehalfRequestors": []}}`,
		},
		{
			name:  "near miss: update example (all directory users may request)",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allDirectoryUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": true, "enableTargetsToSelfRemoveAccess": true}}`,
		},
		{
			name:  "near miss: docs example 4 (string booleans)",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": "true"}}`,
		},
		{
			name:  "near miss: automatic policy",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "specificDirectoryUsers", "automaticRequestSettings": {"requestAccessForAllowedTargets": true}, "requestorSettings": {"enableTargetsToSelfAddAccess": false}}`,
		},
		{
			name:  "near miss: no requestorSettings",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers"}`,
		},
		{
			name:  "near miss: on-behalf requests only",
			shape: V1Policy,
			body:  `{"allowedTargetScope": "allMemberUsers", "requestorSettings": {"enableTargetsToSelfAddAccess": false, "enableOnBehalfRequestorsToAddAccess": true}}`,
		},
	})
}
