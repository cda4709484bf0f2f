package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

var ExpiryExtensionStageNeedsExpiry = &Rule{
	ID:       "expiry-extension-stage-needs-expiry",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A custom extension runs before expiry, but the policy's assignments never expire",
	Help: `A policy can run a custom extension (a Logic App) at the stages
assignmentFourteenDaysBeforeExpiration and assignmentOneDayBeforeExpiration,
14 days and one day before an assignment expires. On a policy whose
assignments never expire those moments never come and the extension never
runs. Usually an expiry was meant and is missing.

Never expiring means, in v1.0, expiration {"type": "noExpiration"}; in the
legacy beta shape, durationInDays 0 or absent and no expirationDateTime. The
stages of customExtensionStageSettings (both shapes) and of the deprecated
beta customExtensionHandlers are checked.

Bad:  "expiration": {"type": "noExpiration"},
      "customExtensionStageSettings": [{"stage": "assignmentOneDayBeforeExpiration", "customExtension": {"id": "..."}}]
Fix:  "expiration": {"type": "afterDuration", "duration": "P365D"}, ... (or run the extension at another stage)

Evidence: inferred from the stage definitions in
api-reference/v1.0/resources/customextensionstagesetting.md and
api-reference/v1.0/resources/accesspackageassignmentworkflowextension.md
(expiry stages run relative to the assignment's expiration) and
expirationpattern.md (noExpiration: access does not expire) in
microsoft-graph-docs-contrib.`,
	Run: func(pass *Pass) {
		why, never := lcNeverExpires(pass)
		if !never {
			return
		}
		for _, list := range []string{"customExtensionStageSettings", "customExtensionHandlers"} {
			i := 0
			pass.RootGet(list).ForEach(func(_, item gjson.Result) bool {
				stage := Get(item, "stage")
				if stage.Type == gjson.String && strings.HasSuffix(strings.ToLower(stage.Str), "beforeexpiration") {
					pass.Report(pointer.Join(pointer.Index(pointer.Join("", list), i), "stage"), finding.Value,
						"stage `%s` never comes: assignments of this policy never expire (%s); set an expiry, or run the extension at another stage",
						stage.Str, why)
				}
				i++
				return true
			})
		}
	},
}
