# Quick start: two API keys, their credentials as a sensitive output, and a
# data source read. Runs against a local union-devserver (scripts/demo does
# it all) or a real Union endpoint.
#
#   export UNION_API_KEY=<an admin API key>     # or -var api_key=...
#   export UNION_ENDPOINT=127.0.0.1:8089         # or -var endpoint=...
#   terraform init && terraform apply

terraform {
  required_providers {
    union = {
      source  = "unionai/union"
      version = "0.1.0"
    }
  }
}

variable "endpoint" {
  description = "Union endpoint (host:port); null = UNION_ENDPOINT or the key's endpoint."
  type        = string
  default     = null
}

variable "api_key" {
  description = "Encoded Union API key; null = UNION_API_KEY."
  type        = string
  default     = null
  sensitive   = true
}

variable "insecure" {
  description = "Plaintext gRPC, for the local dev server only."
  type        = bool
  default     = true
}

provider "union" {
  endpoint        = var.endpoint
  api_key         = var.api_key
  insecure        = var.insecure
  request_timeout = "30s"
}

# A key for a CI pipeline: client_id "ci-pipeline" (derived from the name).
resource "union_api_key" "ci" {
  name = "CI Pipeline"
}

# A key for a web application with its own redirect URI and display name.
resource "union_api_key" "webapp" {
  name          = "webapp"
  client_name   = "Web application"
  redirect_uris = ["http://localhost:3000/callback"]
}

# Read a key back through the data source.
data "union_api_key" "ci" {
  client_id = union_api_key.ci.client_id
}

# List every key (follows pagination). depends_on makes it read after the
# keys above are created, so the list includes them.
data "union_api_keys" "all" {
  depends_on = [union_api_key.ci, union_api_key.webapp]
}

output "ci_client_id" {
  value = union_api_key.ci.client_id
}

# What a CI job exports as UNION_API_KEY. Read it with:
#   terraform output -raw ci_api_key
output "ci_api_key" {
  value     = union_api_key.ci.encoded_credentials
  sensitive = true
}

output "ci_grant_types" {
  value = data.union_api_key.ci.grant_types
}

output "all_client_ids" {
  value = data.union_api_keys.all.keys[*].client_id
}
