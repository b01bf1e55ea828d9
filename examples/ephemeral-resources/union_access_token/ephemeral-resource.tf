# Requires Terraform 1.10 or later.
# An access token minted for this run from the default provider's API key.
ephemeral "union_access_token" "t" {}

# A second provider configuration that calls Union with that token as is.
provider "union" {
  alias        = "by_token"
  endpoint     = "tenant.hosted.unionai.cloud"
  access_token = ephemeral.union_access_token.t.access_token
}

data "union_api_keys" "seen_by_token" {
  provider = union.by_token
}

# A token for another key (for example one from a secret store).
variable "deploy_api_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

ephemeral "union_access_token" "deploy" {
  api_key = var.deploy_api_key
}
