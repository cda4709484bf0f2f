package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var ExpirationFieldsMatchType = &Rule{
	ID:       "expiration-fields-match-type",
	Severity: finding.Error,
	Shapes:   AllShapes,
	Doc:      "An expiration's duration and endDateTime must match its type",
	Help: `An expirationPattern (a v1.0 policy's expiration, an access review's
schedule.expiration, a request's schedule.expiration) says how access ends
with three members that go together:
- type afterDuration with a duration (ISO 8601, e.g. "P365D", "PT8H");
- type afterDateTime with an endDateTime (UTC, e.g. "2025-06-30T00:00:00Z");
- type noExpiration (or notSpecified) with neither.
The docs say that when a duration is given, type must be afterDuration
("Required when the duration property is specified") and endDateTime should
not be present.

Errors: a duration with another type, or with no type. Warnings (nothing on
record says Graph rejects them, but the value is ignored or missing): an
endDateTime next to a duration or with noExpiration/notSpecified, an
afterDuration without a duration, an afterDateTime without an endDateTime,
an endDateTime without a type. Null members count as absent: docs example 1
sends {"endDateTime": null, "duration": null, "type": "noExpiration"}. An
unknown type is left to the schema.

Bad:  "expiration": {"type": "noExpiration", "duration": "P30D"}
Fix:  "expiration": {"type": "afterDuration", "duration": "P30D"}

Evidence: api-reference/v1.0/resources/expirationpattern.md and
api-reference/beta/resources/expirationpattern.md (duration: "If specified in
a request, endDateTime should not be present and the type property should be
set to afterDuration"; afterDuration "Required when the duration property is
specified") in microsoft-graph-docs-contrib; the create-policy and
create-request examples, which always pair them this way.`,
	Run: func(pass *Pass) {
		tr := pass.tree()
		schWalk(pass, false, func(t *schType, obj int32) {
			if t.is("expirationPattern") {
				efCheck(pass, tr.value(obj), pass.pointerOf(obj))
			}
		})
	},
}

func efCheck(pass *Pass, obj gjson.Result, ptr string) {
	typ := Get(obj, "type")
	kind := ""
	switch {
	case !typ.Exists() || typ.Type == gjson.Null:
	case typ.Type != gjson.String:
		return
	default:
		for _, k := range []string{"afterDuration", "afterDateTime", "noExpiration", "notSpecified"} {
			if strings.EqualFold(typ.Str, k) {
				kind = k
			}
		}
		if kind == "" {
			return // not a member: schema-enum says so
		}
	}
	hasDur, hasEnd := lcSet(obj, "duration"), lcSet(obj, "endDateTime")
	durPtr := func() string { return pointer.Join(ptr, "duration") }
	endPtr := func() string { return pointer.Join(ptr, "endDateTime") }
	typePtr := func() string { return pointer.Join(ptr, "type") }

	switch kind {
	case "":
		switch {
		case hasDur:
			pass.Report(ptr, finding.Start, "the expiration has a `duration` but no `type`: add `\"type\": \"afterDuration\"`")
		case hasEnd:
			pass.ReportAt(finding.Warning, ptr, finding.Start, "the expiration has an `endDateTime` but no `type`: add `\"type\": \"afterDateTime\"`")
		}
	case "afterDuration":
		if !hasDur {
			pass.ReportAt(finding.Warning, typePtr(), finding.Value, "`type` is `afterDuration` but there is no `duration`: add one, e.g. `\"P365D\"`")
		}
		if hasEnd {
			pass.ReportAt(finding.Warning, endPtr(), finding.Key, "`endDateTime` is set but `type` is `afterDuration`: remove it (a duration comes without an end date)")
		}
	case "afterDateTime":
		if hasDur {
			pass.Report(durPtr(), finding.Key, "`duration` needs `\"type\": \"afterDuration\"`, but `type` is `afterDateTime`: remove `duration` (the end is `endDateTime`), or change the type")
		}
		if !hasEnd {
			pass.ReportAt(finding.Warning, typePtr(), finding.Value, "`type` is `afterDateTime` but there is no `endDateTime`: add the date and time access ends")
		}
	default: // noExpiration, notSpecified
		if hasDur {
			pass.Report(durPtr(), finding.Key, "`duration` needs `\"type\": \"afterDuration\"`, but `type` is `%s`: set the type to `afterDuration`, or remove `duration`", kind)
		}
		if hasEnd {
			pass.ReportAt(finding.Warning, endPtr(), finding.Key, "`endDateTime` is ignored when `type` is `%s`: remove it, or set the type to `afterDateTime`", kind)
		}
	}
}
