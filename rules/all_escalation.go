package rules

// escalationRules are the rules of catalogue section 3.5.
var escalationRules = []*Rule{
	EscalationNeedsApprovers,
	EscalationApproversExplicitEmpty,
	EscalationNeedsTime,
	EscalationTimeWindow,
	EscalationWholeDays,
	EscalationSettingsWhenDisabled,
}
