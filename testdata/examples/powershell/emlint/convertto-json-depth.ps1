# Raw calls: the body is JSON text made by ConvertTo-Json. Without -Depth it
# keeps two levels; the approval stages become "System.Collections.Hashtable".
$graph = "https://graph.microsoft.com/v1.0"
$uri = "$graph/identityGovernance/entitlementManagement/assignmentPolicies"

$body = @{
	displayName = "Finance approvers"
	description = "Two-level approval"
	allowedTargetScope = "allMemberUsers"
	expiration = @{ type = "noExpiration" }
	accessPackage = @{ id = "a914b616-e04e-476b-aa37-91038f0b165b" }
	requestApprovalSettings = @{
		isApprovalRequiredForAdd = $true
		isApprovalRequiredForUpdate = $false
		stages = @(
			@{
				durationBeforeAutomaticDenial = "P14D"
				isApproverJustificationRequired = $false
				isEscalationEnabled = $false
				primaryApprovers = @(
					@{ "@odata.type" = "#microsoft.graph.requestorManager"; managerLevel = 1 }
				)
				fallbackPrimaryApprovers = @(
					@{ "@odata.type" = "#microsoft.graph.singleUser"; userId = "46184453-e63b-4f20-86c2-c557ed5d5df9" }
				)
				escalationApprovers = @()
				fallbackEscalationApprovers = @()
			}
		)
	}
}

Invoke-MgGraphRequest -Method POST -Uri $uri -Body ($body | ConvertTo-Json)

# The same with enough depth: no finding here.
Invoke-RestMethod -Method Post -Uri $uri -Headers $headers -ContentType "application/json" -Body ($body | ConvertTo-Json -Depth 10)
