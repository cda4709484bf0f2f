package rules

// approvalRules are the rules of catalogue section 3.4.
var approvalRules = []*Rule{
	PrimaryApproversPresent,
	StageTimeoutRange,
	ApproverTypeAllowed,
	ManagerApproverExternalScope,
	SponsorApproverInternalScope,
	ManagerLevelRange,
	DynamicApproverFallback,
	DynamicApproverRepeated,
	UpdateApprovalWithoutAdd,
	RequestorJustificationLocation,
	V1ApproverJustificationNoop,
}
