# A deployment script with hashtables, none of them a Graph body: emlint says nothing.
$settings = @{ ResourceGroup = "rg-audit"; Location = "westeurope" }
$tags = @{ owner = "audit"; costCenter = 4711 }
New-AzResourceGroup -Name $settings.ResourceGroup -Location $settings.Location -Tag $tags
Invoke-RestMethod -Method Get -Uri "https://graph.microsoft.com/v1.0/identityGovernance/entitlementManagement/accessPackages"
