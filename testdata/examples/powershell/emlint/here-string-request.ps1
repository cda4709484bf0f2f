# A request kept as JSON in a here-string and sent with Invoke-MgGraphRequest.
$policyId = "2264bf65-76ba-417b-a27d-54d291f0cbc8"
$json = @"
{
  "requestType": "AdminAdd",
  "assignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "$policyId",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  },
  "justification": "Joining the audit project"
}
"@
Invoke-MgGraphRequest -Method POST -Uri "v1.0/identityGovernance/entitlementManagement/assignmentRequests" -Body $json -ContentType "application/json"
