package catalog

import (
	"strings"
	"testing"
)

// Every rule's help says why it matters, shows a bad body and its fix,
// names its evidence and how to silence it: not its one-line doc again.
func TestEveryRuleHasHelp(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range All() {
		if seen[e.ID] {
			t.Errorf("%s: listed twice", e.ID)
		}
		seen[e.ID] = true
		body := strings.TrimSpace(strings.Split(e.Help, "To silence it:")[0])
		switch {
		case len(body) < 300:
			t.Errorf("%s: help is %d characters before its silencing note, want at least 300", e.ID, len(body))
		case strings.Contains(body, e.Doc) && len(body) < len(e.Doc)+200:
			t.Errorf("%s: help is little more than its doc line", e.ID)
		case !strings.Contains(body, "Evidence"):
			t.Errorf("%s: help names no evidence", e.ID)
		case !strings.Contains(e.Help, "To silence it:") || !strings.Contains(e.Help, e.ID+": off"):
			t.Errorf("%s: help does not say how to silence it", e.ID)
		}
	}
	if len(seen) < 100 {
		t.Errorf("only %d rules in the catalogue", len(seen))
	}
}
