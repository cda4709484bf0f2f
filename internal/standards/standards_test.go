package standards

import (
	"regexp"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/schemas"
	"github.com/tidwall/gjson"
)

const v1 = `{"displayName": "AP-Finance", "allowedTargetScope": "allExternalUsers",
  "expiration": {"type": "afterDuration", "duration": "P90D"},
  "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isRequestorJustificationRequired": true,
    "stages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u"}]},
               {"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"}]}]},
  "reviewSettings": {"isEnabled": true, "schedule": {"recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 3}}}},
  "accessPackage": {"id": "a"}}`

const beta = `{"displayName": "AP-Partners", "accessPackageId": "a", "durationInDays": 90,
  "requestorSettings": {"scopeType": "AllExternalSubjects", "acceptRequests": true},
  "requestApprovalSettings": {"isApprovalRequired": true, "isRequestorJustificationRequired": true,
    "approvalStages": [{"primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "id": "u"}]},
                       {"primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager"}]}]},
  "accessReviewSettings": {"isEnabled": true, "recurrenceType": "quarterly"}}`

// set replaces the first occurrence of old in body with new.
func set(t *testing.T, body, old, new string) string {
	t.Helper()
	if !strings.Contains(body, old) {
		t.Fatalf("%q is not in the body", old)
	}
	return strings.Replace(body, old, new, 1)
}

// Each standard has a body that breaks it, at the pointer given, and a
// near miss that meets it; in both API versions where they differ.
func TestStandards(t *testing.T) {
	std := func(s Standard) Standard {
		s.Name, s.Severity = "team", finding.Error
		return s
	}
	for _, c := range []struct {
		name     string
		standard Standard
		api      schemas.API
		breaks   string
		at       string
		nearMiss string
	}{
		{"max-duration", std(Standard{MaxDuration: 180, MaxDurationText: "P180D"}), schemas.V1, set(t, v1, `"P90D"`, `"P365D"`), "/expiration/duration", set(t, v1, `"P90D"`, `"P180D"`)},
		{"max-duration, no expiry", std(Standard{MaxDuration: 180, MaxDurationText: "P180D"}), schemas.V1, set(t, v1, `{"type": "afterDuration", "duration": "P90D"}`, `{"type": "noExpiration"}`), "/expiration/type", v1},
		{"max-duration, an end date", std(Standard{MaxDuration: 180, MaxDurationText: "P180D"}), schemas.V1, set(t, v1, `{"type": "afterDuration", "duration": "P90D"}`, `{"type": "afterDateTime", "endDateTime": "2099-01-01T00:00:00Z"}`), "/expiration/endDateTime", v1},
		{"max-duration, beta", std(Standard{MaxDuration: 180, MaxDurationText: "P180D"}), schemas.Beta, set(t, beta, `"durationInDays": 90`, `"durationInDays": 365`), "/durationInDays", set(t, beta, `"durationInDays": 90`, `"durationInDays": 180`)},
		{"expiry-required", std(Standard{ExpiryRequired: true}), schemas.V1, set(t, v1, `"expiration": {"type": "afterDuration", "duration": "P90D"},`, ``), "", v1},
		{"expiry-required, beta", std(Standard{ExpiryRequired: true}), schemas.Beta, set(t, beta, `"durationInDays": 90`, `"durationInDays": 0`), "/durationInDays", beta},
		{"approval-required", std(Standard{ApprovalRequired: true}), schemas.V1, set(t, v1, `"isApprovalRequiredForAdd": true`, `"isApprovalRequiredForAdd": false`), "/requestApprovalSettings/isApprovalRequiredForAdd", v1},
		{"approval-required, beta", std(Standard{ApprovalRequired: true}), schemas.Beta, set(t, beta, `"isApprovalRequired": true`, `"isApprovalRequired": false`), "/requestApprovalSettings/isApprovalRequired", beta},
		{"min-stages", std(Standard{MinStages: 2}), schemas.V1, set(t, v1, `,
               {"primaryApprovers": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g"}]}`, ``), "/requestApprovalSettings/stages", v1},
		{"justification-required", std(Standard{JustificationRequired: true}), schemas.V1, set(t, v1, `"isRequestorJustificationRequired": true`, `"isRequestorJustificationRequired": false`), "/requestApprovalSettings/isRequestorJustificationRequired", v1},
		{"access-review-required", std(Standard{AccessReviewRequired: true}), schemas.V1, set(t, v1, `"reviewSettings": {"isEnabled": true`, `"reviewSettings": {"isEnabled": false`), "/reviewSettings/isEnabled", v1},
		{"access-review-required, beta", std(Standard{AccessReviewRequired: true}), schemas.Beta, set(t, beta, `"accessReviewSettings": {"isEnabled": true`, `"accessReviewSettings": {"isEnabled": false`), "/accessReviewSettings/isEnabled", beta},
		{"max-review-interval", std(Standard{MaxReviewInterval: 90, MaxReviewIntervalText: "P90D"}), schemas.V1, set(t, v1, `"interval": 3`, `"interval": 6`), "/reviewSettings/schedule/recurrence/pattern", set(t, v1, `"interval": 3`, `"interval": 2`)},
		{"max-review-interval, beta", std(Standard{MaxReviewInterval: 92, MaxReviewIntervalText: "P92D"}), schemas.Beta, set(t, beta, `"quarterly"`, `"annual"`), "/accessReviewSettings/recurrenceType", beta},
		{"approver-types", std(Standard{ApproverTypes: []string{"singleUser", "groupMembers"}}), schemas.V1, set(t, v1, `"#microsoft.graph.groupMembers", "groupId": "g"`, `"#microsoft.graph.internalSponsors"`), "/requestApprovalSettings/stages/1/primaryApprovers/0", v1},
		{"approver-types, beta", std(Standard{ApproverTypes: []string{"singleUser", "requestorManager"}}), schemas.Beta, set(t, beta, `"#microsoft.graph.requestorManager"`, `"#microsoft.graph.externalSponsors"`), "/requestApprovalSettings/approvalStages/1/primaryApprovers/0", beta},
		{"display-name", std(Standard{DisplayName: regexp.MustCompile("^AP-")}), schemas.V1, set(t, v1, `"AP-Finance"`, `"Finance"`), "/displayName", v1},
		{"external-only skips an internal policy", std(Standard{ExternalOnly: true, ApprovalRequired: true}), schemas.V1, set(t, v1, `"isApprovalRequiredForAdd": true`, `"isApprovalRequiredForAdd": false`), "/requestApprovalSettings/isApprovalRequiredForAdd",
			set(t, set(t, v1, `"isApprovalRequiredForAdd": true`, `"isApprovalRequiredForAdd": false`), `"allExternalUsers"`, `"allMemberUsers"`)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check([]Standard{c.standard}, c.api, schemas.Policy, gjson.Parse(c.breaks))
			if len(got) != 1 || got[0].Pointer != c.at || got[0].Rule != "standard/team" || !strings.Contains(got[0].Message, "team standard `team`") {
				t.Errorf("breaking body: %+v, want one standard/team finding at %q", got, c.at)
			}
			if got := Check([]Standard{c.standard}, c.api, schemas.Policy, gjson.Parse(c.nearMiss)); len(got) != 0 {
				t.Errorf("near miss: %+v", got)
			}
		})
	}
	if got := Check([]Standard{std(Standard{ApprovalRequired: true})}, schemas.V1, schemas.Request, gjson.Parse(`{"requestType": "adminAdd"}`)); got != nil {
		t.Errorf("a request has no standard to meet: %+v", got)
	}
}

func TestDurationDays(t *testing.T) {
	for in, want := range map[string]float64{"P180D": 180, "P1Y": 365, "P2W": 14, "PT12H": 0.5, "P1DT12H": 1.5} {
		if got, ok := DurationDays(in); !ok || got != want {
			t.Errorf("DurationDays(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "180D", "P", "P1X", "PT"} {
		if _, ok := DurationDays(bad); ok {
			t.Errorf("DurationDays(%q) reads", bad)
		}
	}
}
