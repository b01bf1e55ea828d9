# Import an existing key by its client_id. Union returns a secret only when a
# key is created, so the imported key has null client_secret and
# encoded_credentials (a warning says so); re-create it to rotate:
#   terraform apply -replace=union_api_key.ci
terraform import union_api_key.ci ci-pipeline
