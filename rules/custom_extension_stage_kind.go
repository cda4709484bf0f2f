package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
	"github.com/tidwall/gjson"
)

// extensionTypeForStage says which custom extension type runs at a stage:
// request stages call an accessPackageAssignmentRequestWorkflowExtension,
// the expiry stages an accessPackageAssignmentWorkflowExtension.
var extensionTypeForStage = map[string]string{
	"assignmentrequestcreated":               "accessPackageAssignmentRequestWorkflowExtension",
	"assignmentrequestapproved":              "accessPackageAssignmentRequestWorkflowExtension",
	"assignmentrequestgranted":               "accessPackageAssignmentRequestWorkflowExtension",
	"assignmentrequestremoved":               "accessPackageAssignmentRequestWorkflowExtension",
	"assignmentfourteendaysbeforeexpiration": "accessPackageAssignmentWorkflowExtension",
	"assignmentonedaybeforeexpiration":       "accessPackageAssignmentWorkflowExtension",
}

var CustomExtensionStageKind = &Rule{
	ID:       "custom-extension-stage-kind",
	Severity: finding.Warning,
	Shapes:   Policies,
	Doc:      "A custom extension stage must use the extension type made for that stage",
	Help: `Two kinds of custom extension serve access package policies:
- accessPackageAssignmentRequestWorkflowExtension runs in the request workflow:
  stages assignmentRequestCreated, assignmentRequestApproved,
  assignmentRequestGranted and assignmentRequestRemoved;
- accessPackageAssignmentWorkflowExtension runs on existing assignments:
  stages assignmentFourteenDaysBeforeExpiration and assignmentOneDayBeforeExpiration.
A stage setting references its extension by id, usually without its type; the
rule only checks entries whose customExtension names an @odata.type. Another
kind of extension at a stage (including custom authentication or lifecycle
workflow task extensions) is reported. Warning: no service error text is on
record.

Bad:  {"stage": "assignmentOneDayBeforeExpiration",
       "customExtension": {"@odata.type": "#microsoft.graph.accessPackageAssignmentRequestWorkflowExtension", "id": "..."}}
Fix:  reference an accessPackageAssignmentWorkflowExtension for the expiry stages,
      or move the extension to a request stage.

Evidence: microsoft-graph-docs-contrib
api-reference/v1.0/resources/accesspackageassignmentrequestworkflowextension.md
(requested, approved, granted, expired/removed) and
api-reference/v1.0/resources/accesspackageassignmentworkflowextension.md
(fourteen days / one day before expiry); api-reference/v1.0/resources/customextensionstagesetting.md.`,
	Run: func(pass *Pass) {
		list := pass.RootGet("customExtensionStageSettings")
		if !list.IsArray() {
			return
		}
		for i, it := range list.Array() {
			stage := Get(it, "stage")
			want, known := extensionTypeForStage[strings.ToLower(stage.Str)]
			ext := Get(it, "customExtension")
			got := odataTypeName(ext)
			if stage.Type != gjson.String || !known || got == "" || strings.EqualFold(got, want) {
				continue
			}
			pass.Report(pointer.Join(pointer.Index(pointer.Join("", "customExtensionStageSettings"), i), "customExtension", "@odata.type"), finding.Value,
				"stage `%s` runs %s `%s`, but this extension is %s `%s`: use an extension of the right kind, or another stage",
				stage.Str, article(want), want, article(got), got)
		}
	},
}
