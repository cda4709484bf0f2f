package rules

import (
	"regexp"
	"strings"
	"testing"
)

// Every rule is complete and uniquely named: configuration, baselines and
// the README refer to rules by id.
func TestRegistry(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range All {
		switch {
		case !kebab.MatchString(r.ID):
			t.Errorf("%q: ids are kebab-case", r.ID)
		case seen[r.ID]:
			t.Errorf("%q: duplicate id", r.ID)
		case r.Severity == 0:
			t.Errorf("%s: no severity", r.ID)
		case len(r.Shapes) == 0:
			t.Errorf("%s: no shapes", r.ID)
		case r.Doc == "" || strings.Contains(r.Doc, "\n") || strings.HasSuffix(r.Doc, "."):
			t.Errorf("%s: Doc must be one line without a trailing period: %q", r.ID, r.Doc)
		case len(r.Help) < 200 || !strings.Contains(r.Help, "Evidence"):
			t.Errorf("%s: Help must explain the rule and name its evidence (a line starting with \"Evidence\")", r.ID)
		case r.Run == nil:
			t.Errorf("%s: no Run", r.ID)
		}
		seen[r.ID] = true
	}
}
