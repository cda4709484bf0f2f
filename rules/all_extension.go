package rules

// extensionRules are the rules of catalogue section 3.8.
var extensionRules = []*Rule{
	CustomExtensionMax5,
	CustomExtensionStageKind,
	CustomExtensionPutInvalidModel,
}
