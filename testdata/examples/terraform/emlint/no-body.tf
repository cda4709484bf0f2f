# Groups and catalogs: not bodies emlint lints.
resource "msgraph_resource" "group" {
  url = "groups"
  body = {
    displayName     = "Audit team"
    mailEnabled     = false
    mailNickname    = "audit"
    securityEnabled = true
  }
}

resource "msgraph_resource" "catalog" {
  url  = "identityGovernance/entitlementManagement/catalogs"
  body = { displayName = "Audit" }
}
