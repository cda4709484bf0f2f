package rules

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Helpers shared by the escalation (§3.5), review (§3.6), question (§3.7),
// extension (§3.8) and request (§3.9) rules.

// boolValue reads a boolean, accepting the strings "true" and "false" that
// some docs examples send (the schema reports their type; rules should not
// add a second, confusing finding).
func boolValue(v gjson.Result) (b, ok bool) {
	switch v.Type {
	case gjson.True:
		return true, true
	case gjson.False:
		return false, true
	case gjson.String:
		switch strings.ToLower(strings.TrimSpace(v.Str)) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	return false, false
}

// isTrue reports whether v is true or "true".
func isTrue(v gjson.Result) bool {
	b, ok := boolValue(v)
	return ok && b
}

// numberValue reads a number, accepting numeric strings ("1") for the same
// reason as boolValue.
func numberValue(v gjson.Result) (float64, bool) {
	switch v.Type {
	case gjson.Number:
		return v.Num, true
	case gjson.String:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.Str), 64)
		return f, err == nil
	}
	return 0, false
}

// hasItems reports whether v is an array with at least one non-null item.
func hasItems(v gjson.Result) bool {
	if !v.IsArray() {
		return false
	}
	for _, it := range v.Array() {
		if it.Type != gjson.Null {
			return true
		}
	}
	return false
}

// absentOrNull reports whether a member is missing or null.
func absentOrNull(v gjson.Result) bool {
	return !v.Exists() || v.Type == gjson.Null
}

// approvalStageList returns the policy's approval stages that are objects
// (anything else is a type error the schema reports), whether or not the
// policy requires approval.
func approvalStageList(pass *Pass) []approvalStage {
	v, ok := approvalSettingsOf(pass)
	if !ok {
		return nil
	}
	return stagesOf(v)
}

// escalationKeys names a stage's escalation members in a shape: beta counts
// days and minutes in integers, v1.0 uses ISO 8601 durations, and only v1.0
// has fallback escalation approvers.
type escalationKeys struct {
	timeout, escalationTime string
	approvers               []string
}

func escalationKeysFor(s Shape) escalationKeys {
	if s == BetaPolicy {
		return escalationKeys{"approvalStageTimeOutInDays", "escalationTimeInMinutes", []string{"escalationApprovers"}}
	}
	return escalationKeys{"durationBeforeAutomaticDenial", "durationBeforeEscalation", []string{"escalationApprovers", "fallbackEscalationApprovers"}}
}

// escalationOn reports whether a stage turns escalation on (true or "true").
func escalationOn(st node) bool {
	return isTrue(st.Get("isEscalationEnabled"))
}

// hasEscalationApprovers reports whether any escalation approver list of the
// stage has an entry.
func hasEscalationApprovers(s Shape, st node) bool {
	for _, k := range escalationKeysFor(s).approvers {
		if hasItems(st.Get(k)) {
			return true
		}
	}
	return false
}

const minutesPerDay = 24 * 60

// stageMinutes reads a stage time in minutes: beta counts days
// (approvalStageTimeOutInDays) or minutes (escalationTimeInMinutes), v1.0
// sends ISO 8601 durations. ok is false when the member is absent, null or
// unreadable (the schema reports malformed values).
func stageMinutes(s Shape, st node, key string) (minutes float64, ok bool) {
	v := st.Get(key)
	if s == BetaPolicy {
		n, ok := numberValue(v)
		if !ok {
			return 0, false
		}
		if key == "approvalStageTimeOutInDays" {
			return n * minutesPerDay, true
		}
		return n, true
	}
	secs, ok := cvSeconds(v)
	return float64(secs) / 60, ok
}

// sayMinutes renders a stage time for a message: "8 days", "36 hours",
// "90 minutes".
func sayMinutes(m float64) string {
	switch {
	case m < 1:
		return plural(int64(m*60), "second")
	case m >= minutesPerDay && int64(m)%minutesPerDay == 0:
		return plural(int64(m)/minutesPerDay, "day")
	case m >= 60 && int64(m)%60 == 0:
		return plural(int64(m)/60, "hour")
	}
	return plural(int64(m), "minute")
}

func plural(n int64, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.FormatInt(n, 10) + " " + unit + "s"
}

// rawValue is a member's value as written, for messages.
func rawValue(v gjson.Result) string {
	if v.Type == gjson.String {
		return v.Str
	}
	return v.Raw
}
