package rules

// targetRules are the rules of catalogue section 3.3.
var targetRules = []*Rule{}
