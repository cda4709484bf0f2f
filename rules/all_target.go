package rules

// targetRules are the rules of catalogue section 3.3.
var targetRules = []*Rule{
	BetaScopeRequestorsMatch,
	V1TargetScopeMatch,
	AttributeRuleOnlyInAuto,
	AutoPolicyShape,
	AutoGracePeriod,
	DirectPolicyDisabled,
	V1NobodyCanRequest,
	OboFlagsVsRequestors,
	ExternalScopeNoApproval,
	SelfApprovalDeadEnd,
}
