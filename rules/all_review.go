package rules

// reviewRules are the rules of catalogue section 3.6.
var reviewRules = []*Rule{
	BetaReviewRequiredFields,
	BetaReviewerTypeMatch,
	V1ReviewConsistency,
	ReviewDurationLtRecurrence,
}
