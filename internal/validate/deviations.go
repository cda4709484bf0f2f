package validate

import "strings"

// docsDeviations are undeclared properties that Microsoft's own docs
// examples send. Graph's contract (the metadata) does not have them, but
// no rejection is on record, so they are warnings with a note on what to
// send instead, not errors. Keys are schema names and JSON Pointers with
// "*" for array indexes. Properties of the other API version are the
// cross-version-property rule's business, not this table's.
var docsDeviations = map[string]map[string]string{
	"v1.0-request": {
		// v1.0 create-request example 9 (on-behalf), and the same page under /beta.
		"/assignment/schedule/stopDateTime": "the docs' on-behalf example sends it, but entitlementManagementSchedule has no `stopDateTime`, and `assignment.schedule` is read-only: set the end in the request's `schedule.expiration` ({\"type\": \"afterDateTime\", \"endDateTime\": ...})",
	},
}

func docsDeviation(shape, ptr string) (string, bool) {
	parts := strings.Split(ptr, "/")
	for i, p := range parts {
		if isIndex(p) {
			parts[i] = "*"
		}
	}
	note, ok := docsDeviations[shape][strings.Join(parts, "/")]
	return note, ok
}
