package describe

import (
	"fmt"
	"strconv"
	"strings"
)

// duration writes an ISO 8601 duration in words: "P90D" is "90 days",
// "PT8H" "8 hours", "P1DT12H" "1 day 12 hours". Anything it cannot read is
// returned as written.
func duration(iso string) string {
	rest, ok := strings.CutPrefix(iso, "P")
	if !ok || rest == "" {
		return iso
	}
	units := []struct {
		letter byte
		word   string
		time   bool
	}{{'Y', "year", false}, {'M', "month", false}, {'W', "week", false}, {'D', "day", false},
		{'H', "hour", true}, {'M', "minute", true}, {'S', "second", true}}
	var parts []string
	inTime, u := false, 0
	for rest != "" {
		if rest[0] == 'T' {
			inTime, rest = true, rest[1:]
			for u < len(units) && !units[u].time {
				u++
			}
			continue
		}
		n := 0
		for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.') {
			n++
		}
		if n == 0 || n == len(rest) {
			return iso
		}
		for u < len(units) && (units[u].letter != rest[n] || units[u].time != inTime) {
			u++
		}
		if u == len(units) {
			return iso
		}
		parts = append(parts, count(rest[:n], units[u].word))
		rest = rest[n+1:]
		u++
	}
	if len(parts) == 0 {
		return iso
	}
	return strings.Join(parts, " ")
}

// count writes "1 day", "90 days".
func count(n, word string) string {
	if f, err := strconv.ParseFloat(n, 64); err == nil && f == 1 {
		return n + " " + word
	}
	return n + " " + word + "s"
}

// date writes the date of an ISO 8601 date-time: "2027-03-31T00:00:00Z"
// is "2027-03-31".
func date(dt string) string {
	if len(dt) >= 10 && dt[4] == '-' && dt[7] == '-' {
		return dt[:10]
	}
	return dt
}

// yesNo writes a flag.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// list joins items as a sentence: "a", "a and b", "a, b and c".
func list(items []string) string {
	switch len(items) {
	case 0:
		return "nobody"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// plural writes "1 stage", "2 stages".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
