# Every key (pagination is followed), or the first `limit`.
data "union_api_keys" "all" {}

data "union_api_keys" "first_ten" {
  limit = 10
}

output "client_ids" {
  value = data.union_api_keys.all.keys[*].client_id
}
