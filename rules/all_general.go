package rules

// generalRules are the rules of catalogue section 3.1.
var generalRules = []*Rule{
	PropertyNameCase,
	ReadOnlyInBody,
	V1PolicyRequiredProps,
	BetaPutNeedsAccessPackageID,
	UpdateIsFullPut,
	BetaLegacyEndpointDeprecated,
	DeprecatedCustomExtensionHandlers,
}
