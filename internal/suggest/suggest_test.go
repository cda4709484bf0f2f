package suggest

import "testing"

func TestClosest(t *testing.T) {
	props := []string{"displayName", "description", "accessPackage", "allowedTargetScope", "expiration"}
	for _, c := range []struct{ in, want string }{
		{"displayNmae", "displayName"}, // transposition
		{"DisplayName", "displayName"}, // casing
		{"desciption", "description"},  // deletion
		{"expirationn", "expiration"},  // insertion
		{"allowedTargetScopes", "allowedTargetScope"},
		{"durationInDays", ""}, // nothing close: no suggestion
		{"x", ""},
	} {
		if got := Closest(c.in, props); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "acb", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"héllo", "hello", 1},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
