# Requires Terraform 1.8 or later.
variable "client_secret" {
  type      = string
  sensitive = true
}

# The same value as a union_api_key's encoded_credentials; an empty
# organization is encoded as "None".
output "api_key" {
  value = provider::union::encode_api_key(
    "tenant.hosted.unionai.cloud", "ci-pipeline", var.client_secret, "",
  )
  sensitive = true
}
