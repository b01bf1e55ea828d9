# Requires Terraform 1.8 or later.
variable "union_api_key" {
  type      = string
  sensitive = true
}

locals {
  key = provider::union::decode_api_key(var.union_api_key)
}

# The result is sensitive because the key is; the endpoint and client_id
# are not secrets.
output "key_endpoint" {
  value = nonsensitive(local.key.endpoint)
}

output "key_client_id" {
  value = nonsensitive(local.key.client_id)
}

# The client_id of a key this configuration manages.
resource "union_api_key" "ci" {
  name = "CI Pipeline"
}

output "ci_client_id_from_credentials" {
  value = nonsensitive(provider::union::decode_api_key(union_api_key.ci.encoded_credentials).client_id)
}
