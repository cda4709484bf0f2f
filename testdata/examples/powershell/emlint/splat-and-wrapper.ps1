function New-AuditRequest {
	param([hashtable] $Body)
	# A wrapper: the call that sends the body is in here, the body is not.
	Invoke-MgGraphRequest -Method POST -Uri $script:RequestsUri -Body $Body
}

# Splatting: the keys are the cmdlet's parameter names.
$update = @{
	AccessPackageAssignmentPolicyId = "7c1e5f2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b"
	BodyParameter = @{
		id = "7c1e5f2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b"
		displayName = "Audit team"
		description = "Replaced with PUT"
		allowedTargetScope = "allMemberUsers"
		expiration = @{ type = "afterDuration"; duration = "P30D" }
		accessPackage = @{ id = "a914b616-e04e-476b-aa37-91038f0b165b" }
	}
}
Update-MgEntitlementManagementAssignmentPolicy @update

# A request body built here and sent through the wrapper: linted by its properties.
$request = @{
	requestType = "userAdd"
	assignment = @{
		assignmentPolicyId = "7c1e5f2a-3b4d-4e6f-8a9b-0c1d2e3f4a5b"
		accessPackageId = "a914b616-e04e-476b-aa37-91038f0b165b"
	}
	justification = $null
	answers = @(
		@{
			"@odata.type" = "#microsoft.graph.accessPackageAnswerString"
			value = "Finance"
			answeredQuestion = @{ "@odata.type" = "#microsoft.graph.accessPackageTextInputQuestion"; id = "q1" }
		}
	)
}
New-AuditRequest -Body $request

# Not an entitlement-management body: never reported.
$tags = @{ team = "audit"; questions = 3 }
