# The same policy with the mistakes people make when they write it by hand.
$params = @{
	displayName = "Audit team: internal members"
	allowedTargetScope = "allMemberUser"
	durationInDays = 90
	expiration = @{
		type = "afterDuration"
		duration = "90 days"
	}
	requestApprovalSettings = @{
		isApprovalRequiredForAdd = $true
		isApprovalRequiredForUpdate = $false
		stages = @(
			@{
				durationBeforeAutomaticDenial = "P7D"
				isApproverJustificationRequired = $true
				isEscalationEnabled = $false
				primaryApprovers = @{
					"@odata.type" = "#microsoft.graph.singleUser"
					userId = "46184453-e63b-4f20-86c2-c557ed5d5df9"
				}
			}
		)
	}
	accessPackage = @{ id = "string (identifier)" }
}

New-MgEntitlementManagementAssignmentPolicy -BodyParameter $params
