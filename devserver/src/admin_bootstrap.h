// EnsureAdminKey: the admin app and the API key that reaches it this run.
//
//   absl::StatusOr<AdminKey> admin =
//       EnsureAdminKey(store, "union-devserver-admin", "127.0.0.1:8089",
//       key_file);
//   std::cout << "UNION_API_KEY=" << admin->encoded << "\n";
//
// First start: creates the admin app (org "") with a fresh secret. Later
// starts keep the same app (same client_id) and:
//   - reuse the secret held in `key_file` when it still matches the stored
//     hash, re-encoding it with this run's endpoint (port 0 safe);
//   - otherwise rotate: a fresh secret whose hash replaces the stored one.
// The key is written to `key_file` (mode 0600) when that is not empty.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "devserver/src/app_store.h"

namespace devserver {

struct AdminKey {
  std::string encoded;  // base64("endpoint:client_id:secret:None")
  enum class Origin { kCreated, kReused, kRotated } origin;
};

[[nodiscard]] absl::StatusOr<AdminKey> EnsureAdminKey(
    AppStore& store, const std::string& client_id, const std::string& endpoint,
    const std::string& key_file);

}  // namespace devserver
