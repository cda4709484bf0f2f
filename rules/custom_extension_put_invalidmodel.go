package rules

import (
	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var CustomExtensionPutInvalidModel = &Rule{
	ID:       "custom-extension-put-invalidmodel",
	Severity: finding.Info,
	Shapes:   []Shape{V1Policy},
	Doc:      "Adding custom extension stage settings through a v1.0 policy update has been reported to fail with InvalidModel",
	Help: `A v1.0 policy is updated with PUT, which replaces the whole policy. Users report
"400 InvalidModel" when the PUT body adds customExtensionStageSettings to an
existing policy (an open issue labelled "Service issue"). A policy body that
carries the policy's own "id" is such an update; creating a policy with stage
settings (POST, no id) is the documented path and is not reported, and neither
is an update that empties the list (the documented way to remove them).

If the PUT fails, create the policy with its stage settings instead (the docs
examples do so on create), and check the response rather than assume.

Bad (PUT body):  {"id": "87e1c7f7-...", ..., "customExtensionStageSettings": [{"stage": "assignmentRequestCreated", "customExtension": {"id": "..."}}]}

Evidence: microsoftgraph/msgraph-sdk-python issue #1258 ("InvalidModel when
updating Access Package Assignment Policy", including a 2025-07 comment about
customExtensionStageSettings); microsoft-graph-docs-contrib
api-reference/v1.0/api/accesspackageassignmentpolicy-update.md (update is PUT,
example body carries the id); beta create examples 4 and 5 (stage settings on
create). Info: the body alone cannot prove the call is a PUT,
and the issue may be fixed.`,
	Run: func(pass *Pass) {
		if !pass.IsUpdate() {
			return
		}
		if !hasItems(pass.RootGet("customExtensionStageSettings")) {
			return
		}
		pass.Report(pointer.Join("", "customExtensionStageSettings"), finding.Key,
			"this body has an `id`, so it is probably a PUT update: adding `customExtensionStageSettings` by PUT has been reported to fail with `InvalidModel`; if it does, create the policy with its stage settings instead")
	},
}
