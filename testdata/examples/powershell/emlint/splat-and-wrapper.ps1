function New-AuditRequest {
	param([hashtable] $Body)
	# A wrapper: the call that sends the body is in here, the body is not.
	Invoke-MgGraphRequest -Method POST -Uri $script:RequestsUri -Body $Body
}

# Splatting: the keys are the cmdlet's parameter names.
$update = @{
	AccessPackageAssignmentPolicyId = "2264bf65-76ba-417b-a27d-54d291f0cbc8"
	BodyParameter = @{
		id = "2264bf65-76ba-417b-a27d-54d291f0cbc8"
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
		assignmentPolicyId = "2264bf65-76ba-417b-a27d-54d291f0cbc8"
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
