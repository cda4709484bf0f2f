package rules

// requestRules are the rules of catalogue section 3.9.
var requestRules = []*Rule{}
