package describe

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/emlint/emlint/internal/jsonparse"
)

// basePolicy is a v1.0 policy that every pair below edits.
const basePolicy = `{
  "displayName": "Finance", "allowedTargetScope": "specificDirectoryUsers",
  "specificAllowedTargets": [{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g1"}],
  "expiration": {"type": "afterDuration", "duration": "P90D"},
  "requestorSettings": {"enableTargetsToSelfAddAccess": true, "enableTargetsToSelfUpdateAccess": false, "allowCustomAssignmentSchedule": false},
  "requestApprovalSettings": {"isApprovalRequiredForAdd": true, "isApprovalRequiredForUpdate": true, "isRequestorJustificationRequired": true,
    "stages": [
      {"durationBeforeAutomaticDenial": "P7D", "isApproverJustificationRequired": true, "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}, {"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"}]},
      {"durationBeforeAutomaticDenial": "P7D", "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u2"}]}]},
  "reviewSettings": {"isEnabled": true, "expirationBehavior": "removeAccess", "primaryReviewers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u3"}],
    "schedule": {"startDateTime": "2026-01-01T00:00:00Z", "expiration": {"duration": "P14D"}, "recurrence": {"pattern": {"type": "absoluteMonthly", "interval": 3}}}},
  "accessPackage": {"id": "a1"}
}`

func policyFacts(t *testing.T, body string) *Facts {
	t.Helper()
	r, err := jsonparse.Parse([]byte(body))
	if err != nil {
		t.Fatalf("bad test body: %v", err)
	}
	return &Facts{Kind: "policy", Policy: readPolicy(r.Tree().(map[string]any))}
}

// edit applies changes to basePolicy: each key a path of object keys
// separated by "/", each value the JSON to put there (or "-" to delete).
func edit(t *testing.T, changes map[string]string) string {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal([]byte(basePolicy), &root); err != nil {
		t.Fatal(err)
	}
	for path, value := range changes {
		keys := strings.Split(path, "/")
		m := root
		for _, k := range keys[:len(keys)-1] {
			m = m[k].(map[string]any)
		}
		last := keys[len(keys)-1]
		if value == "-" {
			delete(m, last)
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(value), &v); err != nil {
			t.Fatalf("%s: %v", value, err)
		}
		m[last] = v
	}
	b, _ := json.Marshal(root)
	return string(b)
}

// Each change that widens access is reported first, as widening, with its
// reason; each near miss is a change, but not a widening one.
func TestDiffWidening(t *testing.T) {
	stage2 := `{"durationBeforeAutomaticDenial": "P7D", "primaryApprovers": [{"@odata.type": "#microsoft.graph.singleUser", "userId": "u2"}]}`
	stage1 := `{"durationBeforeAutomaticDenial": "P7D", "isApproverJustificationRequired": true, "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}, {"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"}]}`
	for _, c := range []struct {
		name     string
		changes  map[string]string
		fact     string
		widening bool
		why      string
	}{
		{"approval removed", map[string]string{"requestApprovalSettings/isApprovalRequiredForAdd": "false"}, "approval of new requests", true, "approval removed"},
		{"approval added", map[string]string{"requestApprovalSettings/isApprovalRequiredForAdd": "true", "displayName": `"F"`}, "name", false, ""},
		{"a stage removed", map[string]string{"requestApprovalSettings/stages": "[" + stage1 + "]"}, "approval stage 2", true, "one approval fewer"},
		{"a stage added", map[string]string{"requestApprovalSettings/stages": "[" + stage1 + "," + stage2 + "," + stage2 + "]"}, "approval stage 3", false, ""},
		{"fewer approvers", map[string]string{"requestApprovalSettings/stages": `[{"durationBeforeAutomaticDenial": "P7D", "isApproverJustificationRequired": true, "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}]},` + stage2 + "]"}, "approval stage 1", true, "approvers removed: user u1"},
		{"more approvers", map[string]string{"requestApprovalSettings/stages": `[{"durationBeforeAutomaticDenial": "P7D", "isApproverJustificationRequired": true, "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}, {"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"}, {"@odata.type": "#microsoft.graph.singleUser", "userId": "u9"}]},` + stage2 + "]"}, "approval stage 1", false, ""},
		{"requestor justification dropped", map[string]string{"requestApprovalSettings/isRequestorJustificationRequired": "false"}, "approval of new requests", true, "requestors no longer justify"},
		{"approver justification dropped", map[string]string{"requestApprovalSettings/stages": `[{"durationBeforeAutomaticDenial": "P7D", "isApproverJustificationRequired": false, "primaryApprovers": [{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": 1}, {"@odata.type": "#microsoft.graph.singleUser", "userId": "u1"}]},` + stage2 + "]"}, "approval stage 1", true, "no longer justify"},
		{"updates no longer approved", map[string]string{"requestApprovalSettings/isApprovalRequiredForUpdate": "false"}, "approval of updates", true, "extensions are granted without approval"},
		{"expiry longer", map[string]string{"expiration": `{"type": "afterDuration", "duration": "P180D"}`}, "access expires", true, "lasts longer"},
		{"expiry shorter", map[string]string{"expiration": `{"type": "afterDuration", "duration": "P30D"}`}, "access expires", false, ""},
		{"expiry removed", map[string]string{"expiration": `{"type": "noExpiration"}`}, "access expires", true, "lasts longer"},
		{"expiry in hours", map[string]string{"expiration": `{"type": "afterDuration", "duration": "PT8H"}`}, "access expires", false, ""},
		{"scope widened", map[string]string{"allowedTargetScope": `"allExternalUsers"`}, "requests open to", true, "admits more people"},
		{"scope narrowed", map[string]string{"allowedTargetScope": `"notSpecified"`}, "requests open to", false, ""},
		{"a requestor group added", map[string]string{"specificAllowedTargets": `[{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g1"}, {"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g2"}]`}, "specific requestors", true, "added: members of group g2"},
		{"a requestor group removed", map[string]string{"specificAllowedTargets": `[]`}, "specific requestors", false, ""},
		{"reviews disabled", map[string]string{"reviewSettings/isEnabled": "false"}, "access reviews", true, "access reviews disabled"},
		{"reviews rarer", map[string]string{"reviewSettings/schedule/recurrence/pattern/interval": "6"}, "access reviews", true, "less often"},
		{"reviews more frequent", map[string]string{"reviewSettings/schedule/recurrence/pattern/interval": "1"}, "access reviews", false, ""},
		{"access kept without a decision", map[string]string{"reviewSettings/expirationBehavior": `"keepAccess"`}, "access reviews", true, "no longer removed"},
		{"self-extension allowed", map[string]string{"requestorSettings/enableTargetsToSelfUpdateAccess": "true"}, "requestors may", true, "may do more"},
		{"custom schedules allowed", map[string]string{"requestorSettings/allowCustomAssignmentSchedule": "true"}, "custom schedules", true, "own end date"},
	} {
		t.Run(c.name, func(t *testing.T) {
			changes := Diff(policyFacts(t, basePolicy), policyFacts(t, edit(t, c.changes)))
			var found *Change
			for i := range changes {
				if changes[i].Fact == c.fact {
					found = &changes[i]
				}
			}
			if found == nil {
				t.Fatalf("no change to %q in %+v", c.fact, changes)
			}
			if found.Widening != c.widening || !strings.Contains(found.Why, c.why) {
				t.Errorf("%q: widening %v (%q), want %v (%q)", c.fact, found.Widening, found.Why, c.widening, c.why)
			}
			for i := 1; i < len(changes); i++ {
				if changes[i].Widening && !changes[i-1].Widening {
					t.Errorf("a widening change after another: %+v", changes)
				}
			}
		})
	}
	if d := Diff(policyFacts(t, basePolicy), policyFacts(t, basePolicy)); len(d) != 0 {
		t.Errorf("the same body: %+v", d)
	}
	if d := Diff(nil, policyFacts(t, basePolicy)); len(d) != 1 || !d[0].Widening {
		t.Errorf("a new policy widens access: %+v", d)
	}
}
