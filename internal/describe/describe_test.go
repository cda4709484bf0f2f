package describe

import (
	"encoding/json"
	"strings"
	"testing"
)

func jsonNumber(s string) json.Number { return json.Number(s) }

func TestDuration(t *testing.T) {
	for in, want := range map[string]string{
		"P90D": "90 days", "P1D": "1 day", "PT8H": "8 hours", "P1DT12H": "1 day 12 hours", "P2W": "2 weeks",
		"P1Y2M": "1 year 2 months", "PT30M": "30 minutes", "PT0S": "0 seconds", "P": "P", "90 days": "90 days", "P1X": "P1X",
	} {
		if got := duration(in); got != want {
			t.Errorf("duration(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExpiry(t *testing.T) {
	for _, c := range []struct {
		in   obj
		want string
	}{
		{obj{"type": "afterDuration", "duration": "P180D"}, "after 180 days"},
		{obj{"type": "afterDateTime", "endDateTime": "2027-03-31T00:00:00Z"}, "on 2027-03-31"},
		{obj{"type": "noExpiration"}, "never"},
		{nil, "not set (Graph's default applies)"},
		{obj{"duration": "PT8H"}, "after 8 hours"},
	} {
		if got := expiry(c.in); got != c.want {
			t.Errorf("expiry(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSubject(t *testing.T) {
	for _, c := range []struct {
		in   obj
		want string
	}{
		{obj{"@odata.type": "#microsoft.graph.singleUser", "userId": "u1", "description": "Ana"}, "user u1 (Ana)"},
		{obj{"@odata.type": "#microsoft.graph.groupMembers", "groupId": "g1"}, "members of group g1"},
		{obj{"@odata.type": "#microsoft.graph.requestorManager", "managerLevel": jsonNumber("2")}, "the requestor's manager's manager"},
		{obj{"@odata.type": "microsoft.graph.externalSponsors"}, "the requestor's external sponsors"},
		{obj{"userId": "u2"}, "an untyped subject u2"},
	} {
		if got := subject(c.in).Words; got != c.want {
			t.Errorf("subject(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A label with quotes, angle brackets, a backtick or a hash cannot break
// the Mermaid chart.
func TestMermaidText(t *testing.T) {
	got := mermaidText("a \"b\" <c> `d` #e<br/>f")
	if want := "a #quot;b#quot; #lt;c#gt; d #35;e<br/>f"; got != want {
		t.Errorf("mermaidText = %q, want %q", got, want)
	}
	if got := short("user 3c1e5f7a-9b2d-4e6f-8a0c-1b3d5f7a9c2e"); got != "user 3c1e5f7a…" {
		t.Errorf("short = %q", got)
	}
	if got := cellMD("a | b\n<c>"); strings.ContainsAny(got, "\n<>") || !strings.Contains(got, `\|`) {
		t.Errorf("cellMD = %q", got)
	}
}
