package rules

import (
	"strings"

	"github.com/emlint/emlint/internal/finding"
	"github.com/emlint/emlint/internal/pointer"
)

var PropertyNameCase = &Rule{
	ID:         "property-name-case",
	Severity:   finding.Error,
	Shapes:     AllShapes,
	Doc:        "A property name that differs from a declared one only in letter case",
	Supersedes: []string{"schema-unknown-property"},
	Help: `Graph matches the property names of a JSON body case-sensitively: a key
spelled AnsweredQuestion, Value or IsApprovalRequired is not answeredQuestion,
value or isApprovalRequired, and the service answers 400 InvalidModel ("The
model is invalid.") instead of guessing. This usually happens when a body is
built from a PowerShell hashtable or copied from SDK code: the typed
PowerShell cmdlets rename their parameters before sending, but a hashtable
passed as -BodyParameter (or Invoke-MgGraphRequest) goes out as written.

The rule names the declared spelling of every such key, at any depth: it
follows the declared type of each object (through the key's intended
property when the key itself is mis-cased, so that a PascalCase body is
reported key by key), and picks the concrete type of subject sets,
questions and answers from their @odata.type. The finding replaces the
schema's unknown-property finding for the same key.

Bad:  "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString",
                   "Value": "Sales", "AnsweredQuestion": {...}}]
Fix:  "answers": [{"@odata.type": "#microsoft.graph.accessPackageAnswerString",
                   "value": "Sales", "answeredQuestion": {...}}]

Evidence: service error E1 "The model is invalid." for PascalCase Value /
AnsweredQuestion in answers, fixed by lower-casing (msgraph-sdk-powershell
#1904, maintainers: the request body fields are case-sensitive; also
microsoft-graph-devx-api #1459), PascalCase question and approver keys
(msgraph-sdk-powershell #1628, microsoft-graph-docs #19230) and a beta
policy built with IsApprovalRequired / ApprovalStages (InvalidModel,
msgraph-sdk-powershell #1821). Declared names come from the Graph metadata
behind emlint's schemas (api-reference/v1.0/resources/*.md and
api-reference/beta/resources/*.md in microsoft-graph-docs-contrib).`,
	Run: func(pass *Pass) {
		tr := pass.tree()
		schWalk(pass, true, func(t *schType, obj int32) {
			for m := range tr.children(obj) {
				key := tr.nodes[m].Key(tr.src)
				if _, ok := t.props[key]; ok {
					continue
				}
				if want, ok := t.folded[strings.ToLower(key)]; ok {
					pass.ReportFix(pass.rule.Severity, pointer.Join(pass.pointerOf(obj), key), finding.Key,
						&finding.Fix{Description: "rename to " + want, Op: finding.FixRename, Key: want},
						"`%s` must be spelled `%s`: Graph matches property names case-sensitively and rejects the body with InvalidModel (\"The model is invalid.\")",
						key, want)
				}
			}
		})
	},
}
