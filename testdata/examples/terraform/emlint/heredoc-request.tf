# A request kept as JSON in a heredoc, sent as an action.
resource "msgraph_resource_action" "grant" {
  resource_url = "identityGovernance/entitlementManagement/assignmentRequests"
  method       = "POST"
  body         = jsondecode(<<-EOT
    {
      "requestType": "adminAdd",
      "assignment": {
        "targetId": "${var.user_id}",
        "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
        "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
      },
      "schedule": { "startDateTime": "tomorrow" }
    }
  EOT
  )
}

resource "msgraph_resource" "beta_request" {
  url         = "identityGovernance/entitlementManagement/accessPackageAssignmentRequests"
  api_version = "beta"
  body = <<EOT
{
  "requestType": "AdminAdd",
  "accessPackageAssignment": {
    "targetId": "46184453-e63b-4f20-86c2-c557ed5d5df9",
    "assignmentPolicyId": "2264bf65-76ba-417b-a27d-54d291f0cbc8",
    "accessPackageId": "a914b616-e04e-476b-aa37-91038f0b165b"
  }
}
EOT
}
