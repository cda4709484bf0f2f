package rules

import (
	"errors"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var QuestionRegexValid = &Rule{
	ID:       "question-regex-valid",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A text question's regexPattern must be a valid regular expression",
	Help: `regexPattern is "the regular expression pattern that any answer to this question
must match". A pattern that does not compile cannot match anything: requestors
cannot answer a required question, or the pattern is rejected.

Entitlement management runs on .NET, whose regular expressions are richer than
Go's RE2 (which emlint uses): lookaround ((?=...), (?<=...)), backreferences
(\1, \k<name>), atomic groups, balancing groups, inline comments and options such
as (?x), and escapes like \Z, \e, \cA or \u0041 are valid in .NET but not in Go.
So this rule reports only mistakes that are invalid in both dialects:
- an unclosed [ or (, or a ) with no matching ( (checked again with .NET's rules:
  a class runs to the first ] that is not its first character, and parentheses
  inside a class are literal);
- a quantifier with nothing to repeat (*abc, a|+b, {2} at the start);
- a nested quantifier (a**, a++ — .NET has no possessive quantifiers);
- a reversed range ([z-a], x{5,2});
- a trailing lone backslash.
Anything else Go rejects is assumed to be .NET syntax and left alone. Warning:
no service error is on record for an invalid pattern.

Bad:  "regexPattern": "[a-zA-Z+"
Fix:  "regexPattern": "[a-zA-Z]+"

Evidence: microsoft-graph-docs-contrib api-reference/v1.0/resources/accesspackagetextinputquestion.md
and api-reference/beta/resources/accesspackagetextinputquestion.md (regexPattern);
MicrosoftDocs/entra-docs docs/id-governance/entitlement-management-access-package-approval-policy.md
(a custom regex pattern as a syntax check for text answers); .NET regular expression language
reference (learn.microsoft.com/dotnet/standard/base-types/regular-expression-language-quick-reference).`,
	Run: func(pass *Pass) {
		// Generated and exported policies repeat one pattern in many
		// questions: each pattern is parsed once per body.
		mistakes := map[string]string{}
		for _, q := range policyQuestions(pass) {
			v := q.obj.Get("regexPattern")
			if v.Type != gjson.String || v.Str == "" {
				continue
			}
			why, seen := mistakes[v.Str]
			if !seen {
				why = regexMistake(v.Str)
				mistakes[v.Str] = why
			}
			if why != "" {
				pass.Report(pointer.Join(q.ptr, "regexPattern"), finding.Value,
					"`regexPattern` is not a valid regular expression: %s", why)
			}
		}
	},
}

// regexMistake describes a mistake in pattern that both Go and .NET reject,
// or returns "".
func regexMistake(pattern string) string {
	_, err := syntax.Parse(pattern, syntax.Perl)
	var e *syntax.Error
	if !errors.As(err, &e) {
		return ""
	}
	switch e.Code {
	case syntax.ErrMissingBracket:
		if open, _, _ := dotnetBalance(pattern); open {
			return "a `[` is never closed"
		}
	case syntax.ErrMissingParen:
		if _, depth, _ := dotnetBalance(pattern); depth > 0 {
			return "a `(` is never closed"
		}
	case syntax.ErrUnexpectedParen:
		if _, _, extra := dotnetBalance(pattern); extra {
			return "a `)` has no matching `(`"
		}
	case syntax.ErrTrailingBackslash:
		return "it ends with a lone `\\`; write `\\\\` for a literal backslash"
	case syntax.ErrMissingRepeatArgument:
		if e.Expr == "" {
			return "a quantifier has nothing to repeat"
		}
		return "the quantifier `" + e.Expr + "` has nothing to repeat; escape it (`\\" + e.Expr[:1] + "`) to match it literally"
	case syntax.ErrInvalidRepeatOp:
		return "`" + e.Expr + "` repeats a quantifier (nested quantifiers are invalid)"
	case syntax.ErrInvalidCharRange:
		if lo, hi, ok := runeRange(e.Expr); ok && lo > hi {
			return "the range `" + e.Expr + "` runs backwards"
		}
	case syntax.ErrInvalidRepeatSize:
		if m, n, ok := repeatBounds(e.Expr); ok && m > n {
			return "the repeat count `" + e.Expr + "` has its minimum above its maximum"
		}
	}
	return ""
}

// dotnetBalance scans a pattern the way .NET pairs brackets: a backslash
// escapes the next character, a character class runs from [ to the first ]
// that is not its first character (after an optional ^), parentheses in a
// class are literal, and (?#...) is a comment.
func dotnetBalance(p string) (openClass bool, depth int, extraClose bool) {
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			j := i + 1
			if j < len(p) && p[j] == '^' {
				j++
			}
			if j < len(p) && p[j] == ']' {
				j++
			}
			for ; j < len(p) && p[j] != ']'; j++ {
				if p[j] == '\\' {
					j++
				}
			}
			if j >= len(p) {
				return true, depth, extraClose
			}
			i = j
		case '(':
			if strings.HasPrefix(p[i:], "(?#") {
				end := strings.IndexByte(p[i:], ')')
				if end < 0 {
					return openClass, depth + 1, extraClose
				}
				i += end
				continue
			}
			depth++
		case ')':
			if depth == 0 {
				extraClose = true
				continue
			}
			depth--
		}
	}
	return openClass, depth, extraClose
}

// runeRange splits "z-a" into its two characters.
func runeRange(s string) (lo, hi rune, ok bool) {
	lo, n := utf8.DecodeRuneInString(s)
	if n == 0 || len(s) <= n || s[n] != '-' {
		return 0, 0, false
	}
	hi, m := utf8.DecodeRuneInString(s[n+1:])
	return lo, hi, m > 0 && n+1+m == len(s)
}

// repeatBounds reads "{m,n}".
func repeatBounds(s string) (m, n int, ok bool) {
	inner, found := strings.CutPrefix(s, "{")
	inner, found2 := strings.CutSuffix(inner, "}")
	a, b, found3 := strings.Cut(inner, ",")
	if !found || !found2 || !found3 {
		return 0, 0, false
	}
	m, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	return m, n, err1 == nil && err2 == nil
}
