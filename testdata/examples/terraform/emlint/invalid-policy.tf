# The provider's default update method is PATCH, which Graph does not serve
# for policies; and a beta property in a v1.0 body.
resource "msgraph_resource" "contractors" {
  url = "identityGovernance/entitlementManagement/assignmentPolicies"
  body = jsonencode({
    displayName        = "Contractors"
    allowedTargetScope = "specificDirectoryUsers"
    durationInDays     = 30
    accessPackage      = { id = var.access_package_id }
    specificAllowedTargets = var.open_to_all ? [] : [{
      "@odata.type" = "#microsoft.graph.groupMembers"
      groupid       = var.contractors_group_id
    }]
    expiration = { type = "afterDuration", duration = "P30D" }
  })
}

resource "msgraph_update_resource" "rename" {
  url  = "identityGovernance/entitlementManagement/assignmentPolicies/${msgraph_resource.contractors.id}"
  body = { displayName = "Contractors (renamed)" }
}
