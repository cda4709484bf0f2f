package rules

// All lists every semantic rule, in the order `emlint rules` shows them.
var All = []*Rule{
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
}

// ByID returns the rule with the given id, or nil.
func ByID(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}
