package load

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding is how a script's bytes encode its text.
type Encoding int

const (
	UTF8        Encoding = iota // with or without a byte order mark
	UTF16LE                     // with a byte order mark
	UTF16BE                     // with a byte order mark
	Windows1252                 // no byte order mark and not valid UTF-8
)

// Decode returns a script's text as UTF-8, and how it was encoded.
// Windows PowerShell writes UTF-16 with a byte order mark (Out-File, >),
// and reads a script without one in the legacy ANSI code page; PowerShell
// 6+ writes UTF-8 without one. So: a UTF-16 byte order mark decides;
// otherwise valid UTF-8 is UTF-8 (a UTF-8 byte order mark stays, as the
// line index expects); anything else is Windows-1252. Offsets, lines and
// columns are then those of the decoded text.
func Decode(data []byte) ([]byte, Encoding) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return fromUTF16(data[2:], false), UTF16LE
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return fromUTF16(data[2:], true), UTF16BE
	case utf8.Valid(data):
		return data, UTF8
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return data, UTF8
	}
	return out, Windows1252
}

// Encode turns decoded text back into the encoding it came in, for --fix.
func Encode(text []byte, enc Encoding) []byte {
	switch enc {
	case UTF16LE, UTF16BE:
		units := utf16.Encode([]rune(string(text)))
		out := make([]byte, 0, 2+2*len(units))
		if enc == UTF16LE {
			out = append(out, 0xFF, 0xFE)
		} else {
			out = append(out, 0xFE, 0xFF)
		}
		for _, u := range units {
			if enc == UTF16LE {
				out = append(out, byte(u), byte(u>>8))
			} else {
				out = append(out, byte(u>>8), byte(u))
			}
		}
		return out
	case Windows1252:
		if out, err := charmap.Windows1252.NewEncoder().Bytes(text); err == nil {
			return out
		}
	}
	return text
}

func fromUTF16(data []byte, bigEndian bool) []byte {
	units := make([]uint16, len(data)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			units[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	return []byte(string(utf16.Decode(units)))
}
