package migrate

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzMigrate checks that no input makes a migration panic, that a
// migration that succeeds writes valid JSON, and that it is deterministic.
func FuzzMigrate(f *testing.F) {
	examples, err := listBetaExamples()
	if err != nil {
		f.Fatal(err)
	}
	for _, ex := range examples {
		if b, err := os.ReadFile(ex.path); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"requestType": "UserAdd", "schedule": null, "accessPackageAssignment": {"schedule": null, "target": null}}`))
	f.Add([]byte(`{"accessPackageId": 1, "accessPackage": [], "requestorSettings": [], "requestApprovalSettings": {"approvalStages": [1, null, {"primaryApprovers": [null, 2, {}]}]}}`))
	f.Add([]byte(`{"accessPackageId": "a", "questions": [{"text": 3, "choices": [{"displayValue": {"localizedTexts": [1, {"text": null}]}}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, migrate := range []func([]byte) (Result, error){Policy, Request} {
			res, err := migrate(body)
			if err != nil {
				continue
			}
			if !json.Valid(res.Output) {
				t.Fatalf("invalid JSON output for %q:\n%s", body, res.Output)
			}
			again, _ := migrate(body)
			if !bytes.Equal(again.Output, res.Output) || len(again.Notes) != len(res.Notes) {
				t.Fatalf("not deterministic for %q", body)
			}
			loc := NewLocator(body)
			for _, n := range res.Notes {
				loc.Position(n.Pointer)
			}
		}
	})
}
