# One key by client_id, with every field except the secret.
data "union_api_key" "ci" {
  client_id = "ci-pipeline"
}

output "ci_redirect_uris" {
  value = data.union_api_key.ci.redirect_uris
}
