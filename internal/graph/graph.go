// Package graph holds the beta -> v1.0 correspondences that more than one
// part of emlint needs: the cross-version rule says what to write instead,
// and `emlint migrate` writes it.
package graph

import (
	"strconv"
	"strings"
)

// ScopeTypes pairs the beta requestorSettings.scopeType values with the
// v1.0 allowedTargetScope. Inferred from names and the parallel create-policy
// examples (DC beta entitlementmanagement-post-accesspackageassignmentpolicies.md
// vs v1.0 entitlementmanagement-post-assignmentpolicies.md); the Terraform
// provider's v1.0 migration (PR #1852) uses the same pairs.
// AllExistingConnectedOrganizationSubjects has no exact counterpart: the
// parallel v1.0 example and PR #1852 use the configured-organizations scope.
// It is listed last so a reverse lookup finds
// AllConfiguredConnectedOrganizationSubjects.
var ScopeTypes = []struct{ Beta, V1 string }{
	{"NoSubjects", "notSpecified"},
	{"SpecificDirectorySubjects", "specificDirectoryUsers"},
	{"SpecificConnectedOrganizationSubjects", "specificConnectedOrganizationUsers"},
	{"AllExistingDirectoryMemberUsers", "allMemberUsers"},
	{"AllExistingDirectorySubjects", "allDirectoryUsers"},
	{"AllConfiguredConnectedOrganizationSubjects", "allConfiguredConnectedOrganizationUsers"},
	{"AllExternalSubjects", "allExternalUsers"},
	{"AllExistingConnectedOrganizationSubjects", "allConfiguredConnectedOrganizationUsers"},
}

// Recurrence is a v1.0 recurrencePattern type and interval.
type Recurrence struct {
	Type     string
	Interval int
}

// Recurrences maps the beta assignmentReviewSettings.recurrenceType (a free
// string; DC beta assignmentreviewsettings.md names monthly and quarterly)
// to a v1.0 pattern. Inferred: Terraform PR #1852, and v1.0 create-policy
// example 2 (absoluteMonthly, interval 3) against beta example 2 (quarterly).
var Recurrences = map[string]Recurrence{
	"weekly":     {"weekly", 1},
	"monthly":    {"absoluteMonthly", 1},
	"quarterly":  {"absoluteMonthly", 3},
	"halfyearly": {"absoluteMonthly", 6},
	"annual":     {"absoluteYearly", 1},
}

// SubjectSetIDKeys names, per subject-set type (lower case, without
// "#microsoft.graph."), the v1.0 key that takes the beta userSet's id
// (DC {beta,v1.0}/resources/singleuser.md, groupmembers.md,
// connectedorganizationmembers.md).
var SubjectSetIDKeys = map[string]string{
	"singleuser":                   "userId",
	"groupmembers":                 "groupId",
	"connectedorganizationmembers": "connectedOrganizationId",
}

// ISODays writes n days as an ISO 8601 duration: 14 -> "P14D".
func ISODays(n int64) string { return "P" + strconv.FormatInt(n, 10) + "D" }

// ISOMinutes writes minutes as an ISO 8601 duration in days, hours and
// minutes: 11520 -> "P8D", 90 -> "PT1H30M", 0 -> "PT0S" (the v1.0 examples'
// "no escalation"). Days are 24 hours, as Graph's examples count them.
func ISOMinutes(m int64) string {
	if m == 0 {
		return "PT0S"
	}
	d, h, mm := m/1440, m%1440/60, m%60
	var b strings.Builder
	b.WriteString("P")
	if d > 0 {
		b.WriteString(strconv.FormatInt(d, 10) + "D")
	}
	if h > 0 || mm > 0 {
		b.WriteString("T")
		if h > 0 {
			b.WriteString(strconv.FormatInt(h, 10) + "H")
		}
		if mm > 0 {
			b.WriteString(strconv.FormatInt(mm, 10) + "M")
		}
	}
	return b.String()
}
