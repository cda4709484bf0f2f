package rules

import (
	"testing"

	"github.com/emlint/emlint/internal/finding"
)

func TestQuestionRegexValid(t *testing.T) {
	q := func(p string) string {
		return `{"questions": [{"@odata.type": "#microsoft.graph.accessPackageTextInputQuestion", "regexPattern": ` + p + `}]}`
	}
	const ptr = "/questions/0/regexPattern"
	runCases(t, QuestionRegexValid, []ruleCase{
		{name: "unclosed class", shape: V1Policy, body: q(`"[a-zA-Z+"`), want: []want{{finding.Warning, ptr, "a `[` is never closed"}}},
		{name: "unclosed group", shape: BetaPolicy, body: q(`"(abc|def"`), want: []want{{finding.Warning, ptr, "a `(` is never closed"}}},
		{name: "stray close", shape: V1Policy, body: q(`"abc)"`), want: []want{{finding.Warning, ptr, "a `)` has no matching `(`"}}},
		{name: "trailing backslash", shape: V1Policy, body: q(`"abc\\"`), want: []want{{finding.Warning, ptr, "it ends with a lone"}}},
		{name: "nothing to repeat", shape: V1Policy, body: q(`"*.txt"`), want: []want{{finding.Warning, ptr, "the quantifier `*` has nothing to repeat"}}},
		{name: "nested quantifier", shape: V1Policy, body: q(`"a++"`), want: []want{{finding.Warning, ptr, "`++` repeats a quantifier"}}},
		{name: "backwards range", shape: V1Policy, body: q(`"[z-a]"`), want: []want{{finding.Warning, ptr, "the range `z-a` runs backwards"}}},
		{name: "backwards repeat", shape: V1Policy, body: q(`"x{5,2}"`), want: []want{{finding.Warning, ptr, "the repeat count `{5,2}`"}}},
		{name: "near miss: v1 docs example 4 pattern", shape: V1Policy, body: q(`"[a-zA-Z]+[a-zA-Z\\s]*"`)},
		{name: "near miss: .NET lookbehind", shape: V1Policy, body: q(`"(?<=\\d)x"`)},
		{name: "near miss: .NET backreference", shape: V1Policy, body: q(`"(a)\\1"`)},
		{name: "near miss: .NET \\Z and \\u escapes", shape: V1Policy, body: q(`"\\u0041+\\Z"`)},
		{name: "near miss: .NET inline comment with a paren", shape: V1Policy, body: q(`"(?#one ( two)abc"`)},
		{name: "near miss: .NET class subtraction", shape: V1Policy, body: q(`"[a-z-[aeiou]]+"`)},
		{name: "near miss: .NET POSIX-looking class Go rejects", shape: V1Policy, body: q(`"[[:alpha:]"`)},
		{name: "near miss: more than 1000 repeats (Go limit only)", shape: V1Policy, body: q(`"a{1001}"`)},
		{name: "near miss: empty pattern", shape: V1Policy, body: q(`""`)},
	})
}
