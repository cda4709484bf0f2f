package rules

// requestRules are the rules of catalogue section 3.9 not already among the
// core rules listed in all.go.
var requestRules = []*Rule{
	RequestScheduleConsistency,
	RequestAnswersShape,
	RequestAnswersOnRemove,
	RequestBypassApproval,
}
