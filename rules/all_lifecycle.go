package rules

// lifecycleRules are the rules of catalogue section 3.2.
var lifecycleRules = []*Rule{
	ExpirationFieldsMatchType,
	ExpirationDurationRange,
	ExpirationDateInFuture,
	BetaDurationXorDate,
	BetaSubdayUnrepresentable,
	ExtensionWithoutExpiry,
	ExpiryExtensionStageNeedsExpiry,
}
