terraform {
  required_providers {
    union = {
      source  = "unionai/union"
      version = "0.1.0"
    }
  }
}

# Credentials from the environment (UNION_API_KEY, then FLYTE_API_KEY, then
# UNIONAI_API_KEY); the endpoint from UNION_ENDPOINT or the key itself.
provider "union" {}

# Everything explicit, against a local union-devserver.
provider "union" {
  alias           = "local"
  endpoint        = "127.0.0.1:8089"
  api_key         = var.union_api_key
  insecure        = true
  request_timeout = "10s"
  max_retries     = 2
}

variable "union_api_key" {
  type      = string
  sensitive = true
  default   = null
}
