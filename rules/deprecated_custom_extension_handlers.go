package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var DeprecatedCustomExtensionHandlers = &Rule{
	ID:       "deprecated-custom-extension-handlers",
	Severity: finding.Warning,
	Shapes:   []Shape{BetaPolicy},
	Doc:      "customExtensionHandlers is deprecated: use customExtensionStageSettings",
	Help: `The legacy beta policy can run custom extensions through customExtensionHandlers,
each pointing at a customAccessPackageWorkflowExtension. Both types are
deprecated (the metadata announces their removal for 2023-12-31, and the docs
page is titled "customExtensionHandler resource type (deprecated)"). Their
replacement is customExtensionStageSettings, whose items name a stage and
reference an accessPackageAssignmentRequestWorkflowExtension (request stages)
or accessPackageAssignmentWorkflowExtension (expiry stages).

Bad:  "customExtensionHandlers": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "..."}}]
Fix:  "customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "..."}}]

An empty collection is not reported: sending "customExtensionHandlers": [] is
the documented way to remove old handlers from a policy. In a v1.0 body the
property does not exist at all (cross-version-property reports it).

Evidence: api-reference/beta/resources/customextensionhandler.md ("(deprecated)";
to delete handlers, update the policy with an empty collection) and
api-reference/beta/api/accesspackageassignmentpolicy-update.md example 2 in
microsoft-graph-docs-contrib; Core.Revisions annotations in the beta metadata
(msgraph-metadata schemas/beta-USNat.csdl).`,
	Run: func(pass *Pass) {
		v := pass.RootGet("customExtensionHandlers")
		if !v.IsArray() || len(v.Array()) == 0 {
			return
		}
		pass.Report(pointer.Join("", "customExtensionHandlers"), finding.Key,
			"`customExtensionHandlers` is deprecated: use `customExtensionStageSettings` instead (items with the same `stage` and a `customExtension` reference)")
	},
}
