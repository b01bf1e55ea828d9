// fake_backend.h: an in-memory ApiKeyBackend for unit tests, with hooks to
// inject failures.
//
//   auto fake = std::make_shared<FakeBackend>();
//   fake->fail_next_create = absl::UnavailableError("reset");
//   ApiKeyResource r(fake);
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "provider/union/api_key_backend.h"
#include "union/api_key.h"

namespace union_provider::testing {

class FakeBackend final : public ApiKeyBackend {
 public:
  std::map<std::string, unionc::ApiKey> keys;
  std::string org;
  bool serverless = false;
  // Failure injection: returned by the next call of that kind. For Create,
  // `create_commits_before_failing` makes the key exist anyway (an
  // ambiguous failure after the server committed), and
  // `create_commits_after_next_get` makes it exist only once the next Get
  // has answered (a create the server commits late, after the client gave
  // up on it and looked).
  std::optional<absl::Status> fail_next_create, fail_next_get,
      fail_next_update, fail_next_delete, fail_next_list;
  bool create_commits_before_failing = false;
  bool create_commits_after_next_get = false;
  // Returned, front first, by the Creates after fail_next_create (never
  // committing).
  std::deque<absl::Status> create_failures;
  // client_id_issued_at of the keys Create makes.
  absl::Time issued_at = absl::FromUnixSeconds(1764158400);
  // When set, keys Create makes get client_secret_expires_at = issued_at +
  // secret_ttl.
  std::optional<absl::Duration> secret_ttl;
  int max_create_attempts = 3;
  int creates = 0, gets = 0, updates = 0, deletes = 0;
  // The client_id_prefix of the last List.
  std::string last_list_prefix;

  std::optional<std::string> ClientIdFor(
      const std::string& name) const override {
    if (serverless) return std::nullopt;
    return unionc::NormalizeKeyName(name);
  }
  std::string Organization() const override { return org; }
  int MaxCreateAttempts() const override { return max_create_attempts; }
  absl::Duration CreateRetryDelay(int) const override {
    return absl::ZeroDuration();
  }

  absl::StatusOr<unionc::ApiKey> Create(const CreateKeyParams& p) override {
    ++creates;
    const std::string id =
        serverless ? "tenant-user-" + unionc::NormalizeKeyName(p.name)
                   : unionc::NormalizeKeyName(p.name);
    unionc::ApiKey k;
    k.organization = org;
    k.client_id = id;
    k.client_name = p.client_name.empty() ? id : p.client_name;
    // As union-client: no redirect URIs means the default one.
    k.redirect_uris = p.redirect_uris;
    if (k.redirect_uris.empty()) {
      k.redirect_uris = {std::string(unionc::kDefaultRedirectUri)};
    }
    k.grant_types = {"CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"};
    k.response_types = {"CODE"};
    k.token_endpoint_auth_method = "CLIENT_SECRET_BASIC";
    k.client_id_issued_at = issued_at;
    if (secret_ttl) k.client_secret_expires_at = issued_at + *secret_ttl;
    if (fail_next_create) {
      absl::Status s = *fail_next_create;
      fail_next_create.reset();
      if (create_commits_before_failing) keys[id] = k;
      if (create_commits_after_next_get) late_commit_ = k;
      return s;
    }
    if (!create_failures.empty()) {
      absl::Status s = create_failures.front();
      create_failures.pop_front();
      return s;
    }
    if (keys.count(id) != 0) {
      return absl::AlreadyExistsError("app " + id + " already exists");
    }
    keys[id] = k;
    unionc::ApiKey out = k;
    out.client_secret = "s3cr3t-" + id;
    out.encoded_credentials = "ZW5jb2RlZC0=" + id;
    return out;
  }

  absl::StatusOr<unionc::ApiKey> Get(const std::string& id) override {
    ++gets;
    absl::StatusOr<unionc::ApiKey> out = Lookup(id);
    if (late_commit_) {
      keys[late_commit_->client_id] = *late_commit_;
      late_commit_.reset();
    }
    return out;
  }

  absl::StatusOr<unionc::ApiKey> Update(const UpdateKeyParams& p) override {
    ++updates;
    if (fail_next_update) return Take(fail_next_update);
    auto it = keys.find(p.client_id);
    if (it == keys.end()) {
      return absl::NotFoundError("app " + p.client_id + " not found");
    }
    // As union-client: empty fields keep their value.
    if (!p.client_name.empty()) it->second.client_name = p.client_name;
    if (!p.redirect_uris.empty()) it->second.redirect_uris = p.redirect_uris;
    return it->second;
  }

  absl::Status Delete(const std::string& id) override {
    ++deletes;
    if (fail_next_delete) return Take(fail_next_delete);
    if (keys.erase(id) == 0) return absl::NotFoundError("app " + id + " not found");
    return absl::OkStatus();
  }

  absl::StatusOr<std::vector<unionc::ApiKey>> List(
      int64_t limit, const std::string& client_id_prefix) override {
    last_list_prefix = client_id_prefix;
    if (fail_next_list) return Take(fail_next_list);
    std::vector<unionc::ApiKey> out;
    for (const auto& [id, k] : keys) {
      if (limit > 0 && static_cast<int64_t>(out.size()) >= limit) break;
      if (id.compare(0, client_id_prefix.size(), client_id_prefix) != 0) {
        continue;
      }
      out.push_back(k);
    }
    return out;
  }

 private:
  absl::StatusOr<unionc::ApiKey> Lookup(const std::string& id) {
    if (fail_next_get) return Take(fail_next_get);
    auto it = keys.find(id);
    if (it == keys.end()) return absl::NotFoundError("app " + id + " not found");
    return it->second;
  }

  std::optional<unionc::ApiKey> late_commit_;

  static absl::Status Take(std::optional<absl::Status>& s) {
    absl::Status out = *s;
    s.reset();
    return out;
  }
};

}  // namespace union_provider::testing
