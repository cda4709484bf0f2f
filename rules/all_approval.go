package rules

// approvalRules are the rules of catalogue section 3.4.
var approvalRules = []*Rule{}
