# Requires Terraform 1.10 or later.
# A key that exists only while this run needs it: created when Terraform
# opens it, deleted when the run is done. Nothing of it reaches the state or
# a saved plan.
ephemeral "union_api_key" "run" {
  name_prefix = "tf-run-"
}

# A second provider configuration that authenticates with the run's key.
provider "union" {
  alias   = "run"
  api_key = ephemeral.union_api_key.run.encoded_credentials
}

data "union_api_keys" "seen_by_run_key" {
  provider = union.run
}
