package migrate

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedDiffEqual(t *testing.T) {
	if d := UnifiedDiff("a", "b", []byte("x\n"), []byte("x\n")); d != nil {
		t.Errorf("equal inputs: %q", d)
	}
}

func TestUnifiedDiffFormat(t *testing.T) {
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n"
	b := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n15\n16"
	want := `--- old.json
+++ new.json
@@ -1,6 +1,6 @@
 1
 2
-3
+three
 4
 5
 6
@@ -11,5 +11,5 @@
 11
 12
 13
-14
 15
+16
\ No newline at end of file
`
	if got := string(UnifiedDiff("old.json", "new.json", []byte(a), []byte(b))); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// Insertion into an empty file, and deletion of everything.
	if got := string(UnifiedDiff("a", "b", nil, []byte("x\ny\n"))); got != "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n" {
		t.Errorf("insert into empty: %q", got)
	}
	if got := string(UnifiedDiff("a", "b", []byte("x\n"), nil)); got != "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n" {
		t.Errorf("delete all: %q", got)
	}
}

// TestUnifiedDiffApplies checks that applying each diff to its old text
// gives the new one: for every example and its migration, and for random
// edits.
func TestUnifiedDiffApplies(t *testing.T) {
	var pairs [][2][]byte
	for _, ex := range betaExamples(t) {
		input, err := os.ReadFile(ex.path)
		if err != nil {
			t.Fatal(err)
		}
		res, err := migrateKind(ex.kind, input)
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, [2][]byte{input, res.Output})
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var a []string
		for range r.IntN(40) {
			a = append(a, strconv.Itoa(r.IntN(8)))
		}
		b := append([]string(nil), a...)
		for range r.IntN(6) {
			i := r.IntN(len(b) + 1)
			switch r.IntN(3) {
			case 0:
				b = append(b[:i], append([]string{"new" + strconv.Itoa(r.IntN(4))}, b[i:]...)...)
			case 1:
				if i < len(b) {
					b = append(b[:i], b[i+1:]...)
				}
			default:
				if i < len(b) {
					b[i] = "changed"
				}
			}
		}
		join := func(s []string) []byte {
			out := strings.Join(s, "\n")
			if len(s) > 0 && r.IntN(2) == 0 {
				out += "\n"
			}
			return []byte(out)
		}
		pairs = append(pairs, [2][]byte{join(a), join(b)})
	}
	for i, p := range pairs {
		d := UnifiedDiff("a", "b", p[0], p[1])
		got, err := applyDiff(p[0], d)
		if err != nil {
			t.Fatalf("pair %d: %v\n%s", i, err, d)
		}
		if !bytes.Equal(got, p[1]) {
			t.Fatalf("pair %d: applying the diff gives\n%q\nwant\n%q\ndiff:\n%s", i, got, p[1], d)
		}
	}
}

// applyDiff applies a unified diff made by UnifiedDiff, checking its
// context and hunk headers as patch would.
func applyDiff(old, diff []byte) ([]byte, error) {
	if diff == nil {
		return old, nil
	}
	oldLines := splitLines(old)
	lines := splitLines(diff)
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return nil, fmt.Errorf("no header")
	}
	var out []string
	pos := 0 // next old line to copy
	for i := 2; i < len(lines); {
		var as, al, bs, bl int
		h := strings.TrimSuffix(lines[i], "\n")
		if _, err := fmt.Sscanf(strings.NewReplacer(",", " ").Replace(fillRange(h)), "@@ -%d %d +%d %d @@", &as, &al, &bs, &bl); err != nil {
			return nil, fmt.Errorf("bad hunk header %q: %v", h, err)
		}
		start := as - 1
		if al == 0 {
			start = as
		}
		if start < pos {
			return nil, fmt.Errorf("hunk %q overlaps", h)
		}
		out = append(out, oldLines[pos:start]...)
		pos = start
		i++
		seenA, seenB := 0, 0
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			text := l[1:]
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if pos >= len(oldLines) || oldLines[pos] != text {
					return nil, fmt.Errorf("hunk %q: line %d does not match", h, pos+1)
				}
				pos++
				seenA++
				if l[0] == ' ' {
					out = append(out, text)
					seenB++
				}
			case '+':
				out = append(out, text)
				seenB++
			default:
				return nil, fmt.Errorf("bad line %q", l)
			}
			i++
		}
		if seenA != al || seenB != bl {
			return nil, fmt.Errorf("hunk %q: counts %d,%d", h, seenA, seenB)
		}
	}
	out = append(out, oldLines[pos:]...)
	return []byte(strings.Join(out, "")), nil
}

// fillRange writes "-3" as "-3,1" so that every range has a length.
func fillRange(h string) string {
	f := strings.Fields(h)
	for i, x := range f[1:3] {
		if !strings.Contains(x, ",") {
			f[i+1] = x + ",1"
		}
	}
	return strings.Join(f, " ")
}
