package report

import "strings"

// The XML formats are written by hand, not with xml.Marshal, for two
// reasons: element text keeps its line breaks (Marshal writes "&#xA;"),
// and the layout is fixed, so the golden files read as the format's
// documentation does.

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// xmlAttr escapes an attribute value. Line breaks and tabs become
// character references, since an XML parser's attribute-value
// normalisation would otherwise turn them into spaces.
func xmlAttr(s string) string { return attrEscaper.Replace(xmlChars(s)) }

// xmlText escapes element text, keeping line breaks and tabs as they are.
// CR is kept as a reference, since parsers turn a literal CR LF into LF.
func xmlText(s string) string { return textEscaper.Replace(xmlChars(s)) }

var (
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
		"\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")
)

// xmlChars replaces what XML 1.0 cannot hold, even as a character
// reference (control characters, invalid UTF-8), with U+FFFD.
func xmlChars(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return '\uFFFD'
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// xmlChar reports whether XML 1.0 allows r in a document (production
// [2] Char).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
