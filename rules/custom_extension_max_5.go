package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// maxExtensionsPerPolicy is the documented entitlement management limit.
const maxExtensionsPerPolicy = 5

var CustomExtensionMax5 = &Rule{
	ID:       "custom-extension-max-5",
	Severity: finding.Error,
	Shapes:   Policies,
	Doc:      "A policy can use at most five custom extensions",
	Help: `Entitlement management allows at most 5 custom extensions per policy. A policy
names its extensions in customExtensionStageSettings (and, in the deprecated beta
feature, customExtensionHandlers), each entry pairing a stage with
{"customExtension": {"id": ...}}. The rule counts distinct extension ids across
both lists: the same extension used at several stages counts once, since the
limit is on extensions, not on stages.

Bad:  "customExtensionStageSettings": six entries naming six different extensions
Fix:  drop extensions, or have one extension (one Logic App) handle several stages.

The finding points at the entry that introduces the sixth extension.

Evidence: MicrosoftDocs/entra-docs docs/id-governance/governance-service-limits.md
("Custom extensions per policy: 5"); microsoft-graph-docs-contrib
api-reference/v1.0/resources/customextensionstagesetting.md. No service error
text is on record; the grade rests on the documented limit.`,
	Run: func(pass *Pass) {
		seen := map[string]bool{}
		for _, key := range []string{"customExtensionStageSettings", "customExtensionHandlers"} {
			list := pass.RootGet(key)
			if !list.IsArray() {
				continue
			}
			for i, it := range list.Array() {
				id := Get(Get(it, "customExtension"), "id")
				if id.Type != gjson.String || id.Str == "" || seen[id.Str] {
					continue
				}
				seen[id.Str] = true
				if len(seen) == maxExtensionsPerPolicy+1 {
					pass.Report(pointer.Join(pointer.Index(pointer.Join("", key), i), "customExtension"), finding.Value,
						"this is the policy's %dth distinct custom extension, but a policy can use at most %d: remove extensions or reuse one for several stages",
						maxExtensionsPerPolicy+1, maxExtensionsPerPolicy)
				}
			}
		}
	},
}
