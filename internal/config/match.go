package config

import (
	"fmt"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// matchPath reports whether a glob matches a slash-separated relative path,
// or one of the directories that contain it.
func matchPath(pattern, rel string) bool {
	if ok, _ := doublestar.Match(pattern, rel); ok {
		return true
	}
	for i := len(rel) - 1; i > 0; i-- {
		if rel[i] == '/' {
			if ok, _ := doublestar.Match(pattern, rel[:i]); ok {
				return true
			}
		}
	}
	return false
}

// cleanGlob drops a leading "./", which a path relative to the config's
// directory never has.
func cleanGlob(p string) string {
	for strings.HasPrefix(p, "./") {
		p = strings.TrimLeft(p[2:], "/")
	}
	return p
}

// patToken is one reference token of a JSON Pointer pattern.
type patToken struct {
	lit  string
	kind byte // 0 literal, '*' one token, '/' any number of tokens (**)
}

// compilePointer splits a JSON Pointer pattern into tokens: `*` matches one
// reference token, `**` any number (including none), anything else is the
// literal token after RFC 6901 unescaping (~1 is /, ~0 is ~). It returns a
// message saying what is wrong, or "".
func compilePointer(p string) ([]patToken, string) {
	if p == "" {
		return nil, "the pointer pattern is empty: omit `pointer` to match anywhere in the file, or use \"/**\""
	}
	if p[0] != '/' {
		return nil, fmt.Sprintf("pointer pattern %q must start with `/`: a JSON Pointer such as \"/requestApprovalSettings/approvalStages/*\"", p)
	}
	var toks []patToken
	for _, raw := range strings.Split(p[1:], "/") {
		switch raw {
		case "*":
			toks = append(toks, patToken{kind: '*'})
			continue
		case "**":
			if n := len(toks); n > 0 && toks[n-1].kind == '/' {
				continue // "**/**" is "**"
			}
			toks = append(toks, patToken{kind: '/'})
			continue
		}
		for i := 0; i < len(raw); i++ {
			if raw[i] == '~' && (i+1 == len(raw) || (raw[i+1] != '0' && raw[i+1] != '1')) {
				return nil, fmt.Sprintf("pointer pattern %q has a `~` that is not ~0 or ~1: in a JSON Pointer, write ~ as ~0 and / inside a name as ~1", p)
			}
		}
		toks = append(toks, patToken{lit: strings.ReplaceAll(strings.ReplaceAll(raw, "~1", "/"), "~0", "~")})
	}
	return toks, ""
}

// matchPointer matches the unescaped tokens of a pointer against a pattern.
func matchPointer(pat []patToken, toks []string) bool {
	for len(pat) > 0 {
		switch pat[0].kind {
		case '/':
			for i := 0; i <= len(toks); i++ {
				if matchPointer(pat[1:], toks[i:]) {
					return true
				}
			}
			return false
		case '*':
			if len(toks) == 0 {
				return false
			}
		default:
			if len(toks) == 0 || toks[0] != pat[0].lit {
				return false
			}
		}
		pat, toks = pat[1:], toks[1:]
	}
	return len(toks) == 0
}
