# An assignment policy managed with the msgraph provider (v1.0 by default).
resource "msgraph_resource" "audit_policy" {
  url           = "identityGovernance/entitlementManagement/assignmentPolicies"
  update_method = "PUT"
  body = {
    displayName        = "Audit team: internal members"
    description        = "Members ask, the audit leads approve"
    allowedTargetScope = "allMemberUsers"
    accessPackage      = { id = msgraph_resource.audit_package.id }
    expiration = {
      type     = "afterDuration"
      duration = "P90D"
    }
    requestorSettings = {
      enableTargetsToSelfAddAccess           = true
      enableTargetsToSelfUpdateAccess        = false
      enableTargetsToSelfRemoveAccess        = true
      allowCustomAssignmentSchedule          = false
      enableOnBehalfRequestorsToAddAccess    = false
      enableOnBehalfRequestorsToUpdateAccess = false
      enableOnBehalfRequestorsToRemoveAccess = false
      onBehalfRequestors                     = []
    }
    requestApprovalSettings = {
      isApprovalRequiredForAdd    = true
      isApprovalRequiredForUpdate = false
      stages = [
        {
          durationBeforeAutomaticDenial   = "P7D"
          isApproverJustificationRequired = false
          isEscalationEnabled             = false
          fallbackPrimaryApprovers        = []
          escalationApprovers             = []
          fallbackEscalationApprovers     = []
          primaryApprovers = [for g in var.approver_groups : {
            "@odata.type" = "#microsoft.graph.groupMembers"
            groupId       = g
          }]
        }
      ]
    }
  }
}
