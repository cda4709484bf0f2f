# What a typed cmdlet forgives (declared names in any case, "true" for a
# boolean) and what it does not (keys of derived types are sent as written,
# a value it cannot convert is dropped).
$policy = @{
	DisplayName = "Contractors"
	AllowedTargetScope = "specificDirectoryUsers"
	SpecificAllowedTargets = @(
		@{
			"@odata.type" = "#microsoft.graph.groupMembers"
			GroupId = "0e3a5b1c-4d2f-4a8e-9b7c-1f2e3d4c5b6a"
		}
	)
	Expiration = @{ Type = "noExpiration" }
	RequestApprovalSettings = @{
		IsApprovalRequiredForAdd = "true"
		IsApprovalRequiredForUpdate = "no"
		Stages = @()
	}
	AccessPackage = @{ Id = "a914b616-e04e-476b-aa37-91038f0b165b" }
}
New-MgEntitlementManagementAssignmentPolicy -BodyParameter $policy
