package checker

import "strings"

// decimal is a JSON number literal as sign, significant digits (no leading
// or trailing zeros) and the power of ten of the digit string's end:
// 1.50e3 is {false, "15", 2}. Zero has no digits.
type decimal struct {
	neg    bool
	digits string
	exp    int64
	// exact says math/big's Rat.SetString reads the literal: it refuses a
	// non-zero number whose power of ten is beyond ±10^6 (1e9999999), and
	// the reference validator then deems the number no integer.
	exact bool
}

// parseDecimal reads a literal the parser has accepted as a JSON number.
func parseDecimal(s string) decimal {
	var d decimal
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	}
	mant, exp, _ := strings.Cut(strings.ToLower(s), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	var e int64
	if exp != "" {
		sign := int64(1)
		switch exp[0] {
		case '-':
			sign, exp = -1, exp[1:]
		case '+':
			exp = exp[1:]
		}
		for _, ch := range exp {
			// An exponent beyond ±10^15 saturates: no bound in a schema is
			// near it, and Rat.SetString refuses it anyway.
			if e < 1e15 {
				e = e*10 + int64(ch-'0')
			}
		}
		e *= sign
	}
	all := strings.TrimLeft(intPart+frac, "0")
	trimmed := strings.TrimRight(all, "0")
	if trimmed == "" {
		return decimal{exact: true} // zero, whatever its sign and exponent
	}
	d.digits = trimmed
	d.exp = e - int64(len(frac)) + int64(len(all)-len(trimmed))
	exp5 := e - int64(len(frac))
	d.exact = exp5 >= -1e6 && exp5 <= 1e6
	return d
}

// Integral reports whether the JSON number literal s has an integral value,
// as the reference validator decides it (with math/big, which gives up on
// 1e9999999: not an integer).
func Integral(s string) bool {
	d := parseDecimal(s)
	return d.exact && d.exp >= 0
}

// Compare compares the JSON number literals a and b by value: -1, 0 or +1.
func Compare(a, b string) int {
	x, y := parseDecimal(a), parseDecimal(b)
	switch {
	case x.digits == "" && y.digits == "":
		return 0
	case x.digits == "":
		if y.neg {
			return 1
		}
		return -1
	case y.digits == "":
		if x.neg {
			return -1
		}
		return 1
	case x.neg != y.neg:
		if x.neg {
			return -1
		}
		return 1
	}
	c := compareMagnitude(x, y)
	if x.neg {
		return -c
	}
	return c
}

// compareMagnitude compares two non-zero decimals' absolute values.
func compareMagnitude(x, y decimal) int {
	// The order of magnitude: the power of ten of the leading digit.
	mx, my := x.exp+int64(len(x.digits)), y.exp+int64(len(y.digits))
	if mx != my {
		if mx < my {
			return -1
		}
		return 1
	}
	// Same magnitude: compare the digits left-aligned.
	for i := 0; i < max(len(x.digits), len(y.digits)); i++ {
		a, b := byte('0'), byte('0')
		if i < len(x.digits) {
			a = x.digits[i]
		}
		if i < len(y.digits) {
			b = y.digits[i]
		}
		if a != b {
			if a < b {
				return -1
			}
			return 1
		}
	}
	return 0
}
