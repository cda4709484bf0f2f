// Package suggest picks the known name closest to a misspelt one, for
// "did you mean" hints on property names and enum values.
package suggest

import "strings"

// Closest returns the candidate nearest to s, or "" when none is close
// enough to be a plausible typo. A case-insensitive match always wins:
// Graph keys and enum values are case-sensitive, and wrong casing is the
// most common mistake (msgraph-sdk-powershell#1904).
func Closest(s string, candidates []string) string {
	best, bestDist := "", -1
	lower := strings.ToLower(s)
	for _, c := range candidates {
		if strings.ToLower(c) == lower {
			return c
		}
		d := distance(lower, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	// Allow about one edit per four characters, at least one and at most four.
	limit := min(max(len(s)/4, 1), 4)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// distance is the Levenshtein edit distance, with a transposition of two
// adjacent characters counted as one edit (Damerau, optimal string alignment).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
