# Every key (pagination is followed), the first `limit`, or those whose
# client_id starts with `client_id_prefix`.
data "union_api_keys" "all" {}

data "union_api_keys" "first_ten" {
  limit = 10
}

# The keys made with name_prefix = "deploy-" (e.g. during a rotation).
data "union_api_keys" "deploy" {
  client_id_prefix = "deploy-"
}

output "client_ids" {
  value = data.union_api_keys.all.keys[*].client_id
}
