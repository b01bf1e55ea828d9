# Zero-downtime rotation of a Union API key: a new key is created (with a
# new, unique client_id) before the old one is deleted, and everything that
# uses the key's credentials moves to the new one in the same apply. Runs
# against a local union-devserver like examples/quickstart (scripts/demo
# starts one) or a real Union endpoint.
#
#   export UNION_API_KEY=<an admin API key>     # or -var api_key=...
#   export UNION_ENDPOINT=127.0.0.1:8089         # or -var endpoint=...
#   terraform init && terraform apply
#   terraform apply -var generation=2            # rotate
#
# See docs/guides/rotating-api-keys.md.

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

variable "generation" {
  description = "Change it (1, 2, 3, ...) to rotate the key."
  type        = string
  default     = "1"
}

provider "union" {
  endpoint = var.endpoint
  api_key  = var.api_key
  insecure = var.insecure
}

# client_id: "deploy-" + the UTC creation time + 10 random characters.
resource "union_api_key" "deploy" {
  name_prefix         = "deploy-"
  rotate_when_changed = { generation = var.generation }

  lifecycle {
    create_before_destroy = true
  }
}

# A stand-in for whatever consumes the key (a CI secret, a Kubernetes
# secret, ...): it is updated with the new key before the old key is deleted.
resource "terraform_data" "consumer" {
  input = union_api_key.deploy.client_id
}

output "client_id" {
  value = union_api_key.deploy.client_id
}

# What a consumer exports as UNION_API_KEY:
#   terraform output -raw api_key
output "api_key" {
  value     = union_api_key.deploy.encoded_credentials
  sensitive = true
}
