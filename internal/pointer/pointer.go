// Package pointer builds and splits RFC 6901 JSON Pointers, the address
// every finding carries.
package pointer

import (
	"strconv"
	"strings"
)

var escaper = strings.NewReplacer("~", "~0", "/", "~1")

// Join appends reference tokens to a pointer, escaping each.
func Join(base string, tokens ...string) string {
	for _, t := range tokens {
		if strings.ContainsAny(t, "~/") {
			t = escaper.Replace(t)
		}
		base += "/" + t // rules join a pointer for every member they walk: keep it one allocation
	}
	return base
}

// Index appends an array index to a pointer.
func Index(base string, i int) string { return base + "/" + strconv.Itoa(i) }

// Split returns the unescaped reference tokens of a pointer.
func Split(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(ptr[1:], "/")
	for i, s := range parts {
		if strings.Contains(s, "~") {
			parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
		}
	}
	return parts
}

// Parent returns the pointer of the containing value and the last token.
func Parent(ptr string) (string, string) {
	i := strings.LastIndexByte(ptr, '/')
	if i < 0 {
		return "", ""
	}
	toks := Split(ptr[i:])
	return ptr[:i], toks[0]
}

// Lookup returns the value at the reference tokens of a decoded JSON value
// (map[string]any and []any, as encoding/json and jsonparse produce), or
// nil when there is none.
func Lookup(v any, tokens []string) any {
	for _, tok := range tokens {
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}
