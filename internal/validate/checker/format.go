package checker

import (
	"strconv"
	"strings"
	"time"
)

// The format checks accept exactly what jsonschema/v6's "date", "time",
// "date-time" and "duration" formats accept (RFC 3339 and the ISO 8601
// durations of JSON Schema's appendix), quirks included: the differential
// test holds them to the library on every corpus value and on random ones.

// Format reports whether s is a valid value of the named format; an unknown
// format is an error of the generator, never reached here.
func FormatOK(format, s string) bool {
	switch format {
	case "date":
		return Date(s)
	case "time":
		return Time(s)
	case "date-time":
		return DateTime(s)
	case "duration":
		return Duration(s)
	}
	return false
}

// Date is a full-date: 2026-01-31.
func Date(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// DateTime is a date-time with a time zone: 2026-01-31T17:00:00Z.
func DateTime(s string) bool {
	return len(s) >= 20 && (s[10] == 't' || s[10] == 'T') && Date(s[:10]) && Time(s[11:])
}

// Time is a full-time: 17:00:00Z, 17:00:00.5+01:00.
func Time(s string) bool {
	if len(s) < 9 || s[2] != ':' || s[5] != ':' {
		return false
	}
	h, okh := nonNegative(s[0:2])
	m, okm := nonNegative(s[3:5])
	sec, oks := nonNegative(s[6:8])
	if !okh || !okm || !oks || h > 23 || m > 59 || sec > 60 {
		return false
	}
	s = s[8:]
	if rest, ok := strings.CutPrefix(s, "."); ok {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 {
			return false
		}
		s = rest[n:]
	}
	if s != "z" && s != "Z" {
		if len(s) != 6 || s[3] != ':' {
			return false
		}
		var sign int
		switch s[0] {
		case '+':
			sign = -1
		case '-':
			sign = +1
		default:
			return false
		}
		zh, okzh := nonNegative(s[1:3])
		zm, okzm := nonNegative(s[4:6])
		if !okzh || !okzm || zh > 23 || zm > 59 {
			return false
		}
		hm := (h*60 + m) + sign*(zh*60+zm)
		if hm < 0 {
			hm += 24 * 60
		}
		h, m = hm/60, hm%60
	}
	// A leap second is 23:59:60 in UTC only.
	return sec < 60 || (h == 23 && m == 59)
}

// nonNegative reads a two-character field as strconv.Atoi does (so "+1" is
// 1, as in the reference validator) and rejects negative values.
func nonNegative(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// Duration is an ISO 8601 duration as JSON Schema defines it: P14D, PT12H,
// P1Y2M, P3W.
func Duration(s string) bool {
	s, ok := strings.CutPrefix(s, "P")
	if !ok || s == "" {
		return false
	}
	if weeks, ok := strings.CutSuffix(s, "W"); ok {
		if weeks == "" {
			return false
		}
		for i := 0; i < len(weeks); i++ {
			if weeks[i] < '0' || weeks[i] > '9' {
				return false
			}
		}
		return true
	}
	date, clock, hasT := strings.Cut(s, "T")
	if hasT && (clock == "" || strings.Contains(clock, "T")) {
		return false
	}
	return durationPart(date, "YMD") && durationPart(clock, "HMS")
}

// durationPart checks a run of number-unit pairs whose units come in the
// order of units, each at most once.
func durationPart(s, units string) bool {
	for s != "" {
		n := 0
		for n < len(s) && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n == len(s) {
			return false
		}
		j := strings.IndexByte(units, s[n])
		if j < 0 {
			return false
		}
		units, s = units[j+1:], s[n+1:]
	}
	return true
}
