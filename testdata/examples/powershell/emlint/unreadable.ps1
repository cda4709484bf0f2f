# A key with no value: not PowerShell. The body is skipped with an info
# finding; the body after it is still linted.
$broken = @{
	displayName = "Broken"
	allowedTargetScope = "allMemberUsers"
	requestApprovalSettings = @{
		isApprovalRequiredForAdd = $true
		stages = @(
			@{
				primaryApprovers = @(
					@{ "@odata.type" = "#microsoft.graph.requestorManager"; managerLevel = }
				)
			}
		)
	}
}
New-MgEntitlementManagementAssignmentPolicy -BodyParameter $broken

$fine = @{
	requestType = "adminRemove"
	assignment = @{ id = "not-a-guid" }
}
New-MgEntitlementManagementAssignmentRequest -BodyParameter $fine
