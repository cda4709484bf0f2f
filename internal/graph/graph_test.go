package graph

import "testing"

func TestISOMinutes(t *testing.T) {
	for m, want := range map[int64]string{0: "PT0S", 1: "PT1M", 60: "PT1H", 90: "PT1H30M", 1440: "P1D", 11520: "P8D", 1441: "P1DT1M", 1500: "P1DT1H"} {
		if got := ISOMinutes(m); got != want {
			t.Errorf("ISOMinutes(%d) = %s, want %s", m, got, want)
		}
	}
	if got := ISODays(14); got != "P14D" {
		t.Errorf("ISODays(14) = %s", got)
	}
}

// Every beta scope maps to a v1.0 scope, and the reverse lookup (first
// match) never lands on the inexact AllExistingConnectedOrganizationSubjects.
func TestScopeTypes(t *testing.T) {
	first := map[string]string{}
	for _, m := range ScopeTypes {
		if m.Beta == "" || m.V1 == "" {
			t.Errorf("incomplete pair %+v", m)
		}
		if _, ok := first[m.V1]; !ok {
			first[m.V1] = m.Beta
		}
	}
	if first["allConfiguredConnectedOrganizationUsers"] != "AllConfiguredConnectedOrganizationSubjects" {
		t.Errorf("reverse lookup of allConfiguredConnectedOrganizationUsers = %s", first["allConfiguredConnectedOrganizationUsers"])
	}
}
