# Bring an existing Union API key under Terraform with an import block
# (Terraform 1.5+): `terraform plan` shows the import, `terraform apply`
# records it. Union returns a key's secret only when it is created, so the
# imported key has null client_secret and encoded_credentials (a warning
# says so). To get usable credentials, rotate it:
#   terraform apply -replace=union_api_key.ci
import {
  to = union_api_key.ci
  id = "ci-pipeline"
}

# The configuration the key is imported into: `name` is the client_id (any
# name that normalises to it works).
resource "union_api_key" "ci" {
  name = "ci-pipeline"
}
