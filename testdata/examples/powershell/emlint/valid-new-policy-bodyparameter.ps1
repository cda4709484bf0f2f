# Creates the audit team's access package policy (v1.0), the way the Graph
# PowerShell SDK's help writes it: a hashtable given to -BodyParameter.
Import-Module Microsoft.Graph.Identity.Governance
Connect-MgGraph -Scopes "EntitlementManagement.ReadWrite.All"

$accessPackageId = "a914b616-e04e-476b-aa37-91038f0b165b"
$approverGroupId = "6f7a8e1d-3c0b-4e55-9f5e-2d1c0b7a9e44"

$params = @{
	displayName = "Audit team: internal members"
	description = "Members ask, the audit leads approve"
	allowedTargetScope = "allMemberUsers"
	expiration = @{
		type = "afterDuration"
		duration = "P90D"
	}
	requestorSettings = @{
		enableTargetsToSelfAddAccess = $true
		enableTargetsToSelfUpdateAccess = $false
		enableTargetsToSelfRemoveAccess = $true
		allowCustomAssignmentSchedule = $false
		enableOnBehalfRequestorsToAddAccess = $false
		enableOnBehalfRequestorsToUpdateAccess = $false
		enableOnBehalfRequestorsToRemoveAccess = $false
		onBehalfRequestors = @()
	}
	requestApprovalSettings = @{
		isApprovalRequiredForAdd = $true
		isApprovalRequiredForUpdate = $false
		stages = @(
			@{
				durationBeforeAutomaticDenial = "P7D"
				isApproverJustificationRequired = $false
				isEscalationEnabled = $false
				fallbackPrimaryApprovers = @()
				escalationApprovers = @()
				fallbackEscalationApprovers = @()
				primaryApprovers = @(
					@{
						"@odata.type" = "#microsoft.graph.groupMembers"
						groupId = $approverGroupId
					}
				)
			}
		)
	}
	accessPackage = @{
		id = $accessPackageId
	}
}

New-MgEntitlementManagementAssignmentPolicy -BodyParameter $params
