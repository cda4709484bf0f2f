package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestV1PolicyRequiredProps(t *testing.T) {
	runCases(t, V1PolicyRequiredProps, []ruleCase{
		{
			name:  "accessPackage null",
			shape: V1Policy,
			body:  `{"displayName": "Direct", "description": "d", "accessPackage": null}`,
			want:  []want{{finding.Error, "/accessPackage", "`accessPackage` is null"}},
		},
		{
			name:  "accessPackage without id",
			shape: V1Policy,
			body:  `{"displayName": "Direct", "description": "d", "accessPackage": {"displayName": "Sales"}}`,
			want:  []want{{finding.Error, "/accessPackage", "`accessPackage` has no `id`"}},
		},
		{
			name:  "accessPackage id null",
			shape: V1Policy,
			body:  `{"displayName": "Direct", "description": "d", "accessPackage": {"id": null}}`,
			want:  []want{{finding.Error, "/accessPackage", "has no `id`"}},
		},
		{
			name:  "create without a name",
			shape: V1Policy,
			body:  `{"description": null, "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
			want:  []want{{finding.Info, "", "no `displayName` or `description`"}},
		},
		{
			name:  "create without a description",
			shape: V1Policy,
			body:  `{"displayName": "Direct", "accessPackage": {"id": "a2e1ca1e-4e56-47d2-9daa-e2ba8d12a82b"}}`,
			want:  []want{{finding.Info, "", "no `description`: Graph may accept that"}},
		},
		{
			name:  "near miss: docs example 3 (auto-assignment)",
			shape: V1Policy,
			body: `{"displayName": "Sales department users", "description": "All users from sales department", "allowedTargetScope": "specificDirectoryUsers",
				"automaticRequestSettings": {"requestAccessForAllowedTargets": true}, "accessPackage": {"id": "8a36831e-1527-4b2b-aff2-81259a8d8e76"}}`,
		},
		{
			name:  "near miss: empty description (docs example 4) and no accessPackage (schema-required)",
			shape: V1Policy,
			body:  `{"displayName": "Sales", "description": ""}`,
		},
		{
			name:  "near miss: update body without a name is update-is-full-put's",
			shape: V1Policy,
			body:  `{"id": "87e1c7f7-c7f7-87e1-f7c7-e187f7c7e187", "accessPackage": {"id": "49d2c59b-0a81-463d-a8ec-ddad3935d8a0"}}`,
		},
	})
}
