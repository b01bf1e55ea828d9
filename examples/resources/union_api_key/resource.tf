# A key with the defaults: client_id "ci-pipeline", the reference redirect URI.
resource "union_api_key" "ci" {
  name = "CI Pipeline"
}

# A key with its own display name and redirect URIs (both updated in place).
resource "union_api_key" "webapp" {
  name          = "webapp"
  client_name   = "Web application"
  redirect_uris = ["https://app.example.com/callback"]
}

# The value to export as UNION_API_KEY, e.g. into a CI secret store.
output "ci_api_key" {
  value     = union_api_key.ci.encoded_credentials
  sensitive = true
}
