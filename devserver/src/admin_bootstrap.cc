#include "devserver/src/admin_bootstrap.h"

#include <optional>

#include "absl/time/clock.h"
#include "cloudidl/identity/enums.pb.h"
#include "devserver/src/credentials_codec.h"
#include "devserver/src/secret_hash.h"
#include "support/status_macros.h"

namespace devserver {
namespace {

namespace pb = ::cloudidl::identity;

// The secret in `key_file` when it is a key for `client_id` matching `hash`.
std::optional<std::string> ReusableSecret(const std::string& key_file,
                                          const std::string& client_id,
                                          const std::string& hash) {
  if (key_file.empty()) return std::nullopt;
  absl::StatusOr<std::string> text = ReadKeyFile(key_file);
  if (!text.ok()) return std::nullopt;
  absl::StatusOr<EncodedCredentials> key = DecodeCredentials(*text);
  if (!key.ok() || key->client_id != client_id ||
      !VerifySecret(key->client_secret, hash)) {
    return std::nullopt;
  }
  return key->client_secret;
}

}  // namespace

absl::StatusOr<AdminKey> EnsureAdminKey(AppStore& store,
                                        const std::string& client_id,
                                        const std::string& endpoint,
                                        const std::string& key_file) {
  std::string secret;
  AdminKey::Origin origin;
  std::string organization;
  absl::StatusOr<ClientCredentials> existing = store.GetCredentials(client_id);
  if (existing.ok()) {
    organization = existing->organization;
    if (std::optional<std::string> kept =
            ReusableSecret(key_file, client_id, existing->secret_hash)) {
      secret = *std::move(kept);
      origin = AdminKey::Origin::kReused;
    } else {
      TFPU_ASSIGN_OR_RETURN(secret, GenerateClientSecret());
      TFPU_ASSIGN_OR_RETURN(const std::string hash, HashSecret(secret));
      TFPU_RETURN_IF_ERROR(store.SetSecretHash(client_id, hash));
      origin = AdminKey::Origin::kRotated;
    }
  } else if (absl::IsNotFound(existing.status())) {
    AppRecord app;
    app.client_id = client_id;
    app.client_name = client_id;
    app.grant_types = {pb::CLIENT_CREDENTIALS};
    app.token_endpoint_auth_method = pb::CLIENT_SECRET_BASIC;
    app.issued_at_unix_nanos = absl::ToUnixNanos(absl::Now());
    TFPU_ASSIGN_OR_RETURN(secret, GenerateClientSecret());
    TFPU_ASSIGN_OR_RETURN(const std::string hash, HashSecret(secret));
    TFPU_RETURN_IF_ERROR(store.Insert(app, hash));
    origin = AdminKey::Origin::kCreated;
  } else {
    return existing.status();
  }
  AdminKey admin{EncodeCredentials({endpoint, client_id, secret, organization}),
                 origin};
  if (!key_file.empty())
    TFPU_RETURN_IF_ERROR(WriteKeyFile(key_file, admin.encoded));
  return admin;
}

}  // namespace devserver
