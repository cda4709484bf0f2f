package rules

// All lists every semantic rule, in the order `emlint rules` shows them:
// the core rules, then the catalogue sections, each kept in its own list
// (all_*.go) so that a section's rules stay together.
var All = concat(
	[]*Rule{
		CrossVersionProperty,
		ApprovalRequiredNeedsStages,
		StagesWithoutApproval,
		ApprovalStageMax3,
		BetaApprovalMode,
		RequestTypeAllowed,
		RequestTypeCasing,
		RequestAssignmentKey,
		RequestAddRequired,
		RequestUserAddFields,
		RequestRemoveUpdateNeedsID,
		IDFormat,
		ODataTypePrefix,
	},
	generalRules,
	lifecycleRules,
	targetRules,
	approvalRules,
	escalationRules,
	reviewRules,
	questionRules,
	extensionRules,
	requestRules,
)

// ByID returns the rule with the given id, or nil.
func ByID(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func concat(lists ...[]*Rule) []*Rule {
	var out []*Rule
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
