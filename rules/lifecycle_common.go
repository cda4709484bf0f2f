package rules

import (
	"strconv"
	"strings"
	"time"

	"github.com/tidwall/gjson"
)

// lcNow is the clock of the date rules; tests replace it.
var lcNow = time.Now

// lcMaxDays is the longest assignment the admin center offers ("Number of
// days": 0 to 3660), which the Terraform azuread provider enforces too.
const lcMaxDays = 3660

// lcNumber reads a JSON number, or a string holding one: Microsoft's own
// examples send numbers as strings, which the schema already reports.
func lcNumber(v gjson.Result) (float64, bool) {
	switch v.Type {
	case gjson.Number:
		return v.Num, true
	case gjson.String:
		n, err := strconv.ParseFloat(strings.TrimSpace(v.Str), 64)
		return n, err == nil
	}
	return 0, false
}

// lcTrue reads true or the string "true".
func lcTrue(v gjson.Result) bool {
	return v.Type == gjson.True || (v.Type == gjson.String && strings.EqualFold(strings.TrimSpace(v.Str), "true"))
}

// lcSet reports whether obj has key with a value other than null or "".
func lcSet(obj gjson.Result, key string) bool {
	return lcGiven(Get(obj, key))
}

// lcGiven reports whether a member is there with a value other than null or "".
func lcGiven(v gjson.Result) bool {
	return v.Exists() && v.Type != gjson.Null && !(v.Type == gjson.String && strings.TrimSpace(v.Str) == "")
}

// lcTypeIs compares an expirationPattern's type case-insensitively (a wrong
// case is the schema's finding, not a reason for a second one).
func lcTypeIs(pattern gjson.Result, want string) bool {
	t := Get(pattern, "type")
	return t.Type == gjson.String && strings.EqualFold(t.Str, want)
}

// lcNeverExpires reports whether a policy body says that its assignments
// never expire, and how it says so (for messages). It answers false when
// the body does not tell: v1.0 without an explicit noExpiration, or a beta
// body carrying the v1.0 expiration, which cross-version-property reports.
func lcNeverExpires(pass *Pass) (why string, never bool) {
	if pass.Shape == V1Policy {
		if e := pass.RootGet("expiration"); e.IsObject() && lcTypeIs(e, "noExpiration") {
			return "`expiration.type` is `noExpiration`", true
		}
		return "", false
	}
	if pass.RootGet("expiration").Exists() || lcGiven(pass.RootGet("expirationDateTime")) {
		return "", false
	}
	days := pass.RootGet("durationInDays")
	switch n, ok := lcNumber(days); {
	case !days.Exists() || days.Type == gjson.Null:
		return "neither `durationInDays` nor `expirationDateTime` is set", true
	case ok && n == 0:
		return "`durationInDays` is 0 and `expirationDateTime` is not set", true
	}
	return "", false
}

// lcDays reads an ISO 8601 duration as a number of days. Years and months
// have no fixed length: they count as 365 and 28 days, so that a duration
// said to exceed a limit surely does. subDay is set when the duration has
// a time part (hours, minutes, seconds).
func lcDays(s string) (days float64, subDay, ok bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	rest, found := strings.CutPrefix(s, "P")
	if !found || rest == "" {
		return 0, false, false
	}
	inTime, num := false, ""
	for _, c := range rest {
		switch {
		case c >= '0' && c <= '9' || c == '.' || c == ',':
			num += string(c)
			continue
		case c == 'T' && !inTime && num == "":
			inTime = true
			continue
		}
		n, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", "."), 64)
		if err != nil {
			return 0, false, false
		}
		num = ""
		unit := lcUnit(inTime, c)
		if unit == 0 {
			return 0, false, false
		}
		days += n * unit
		subDay = subDay || (inTime && n > 0)
	}
	return days, subDay, num == "" && !strings.HasSuffix(rest, "T")
}

// lcUnit is the length in days of a duration designator, 0 if unknown.
func lcUnit(inTime bool, c rune) float64 {
	switch {
	case !inTime && c == 'Y':
		return 365
	case !inTime && c == 'M':
		return 28
	case !inTime && c == 'W':
		return 7
	case !inTime && c == 'D':
		return 1
	case inTime && c == 'H':
		return 1.0 / 24
	case inTime && c == 'M':
		return 1.0 / 1440
	case inTime && c == 'S':
		return 1.0 / 86400
	}
	return 0
}
