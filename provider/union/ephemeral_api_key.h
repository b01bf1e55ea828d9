// ephemeral_api_key.h: ephemeral "union_api_key": an API key that exists
// only while a Terraform run needs it.
//
//   ephemeral "union_api_key" "run" {}
//   provider "union" {
//     alias   = "run"
//     api_key = ephemeral.union_api_key.run.encoded_credentials
//   }
// Open creates a key named name_prefix + UniqueKeySuffix (names.h); Close
// deletes it
// (a key already gone counts as deleted). The client_id travels to Close in
// the private data, which Terraform keeps in memory only; nothing of the key
// reaches the plan or the state. See docs/ephemeral-resources/api_key.md.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/union/provider_data.h"

namespace union_provider {

inline constexpr char kDefaultEphemeralNamePrefix[] = "tf-ephemeral-";

class EphemeralApiKey final : public tf::EphemeralResource,
                              public WithBackend,
                              public tf::WithEphemeralClose {
 public:
  EphemeralApiKey() = default;
  // For tests: already configured with `backend`, and a fixed suffix source
  // (default: UniqueKeySuffix of the current time).
  explicit EphemeralApiKey(
      std::shared_ptr<ApiKeyBackend> backend,
      std::function<absl::StatusOr<std::string>()> suffix = nullptr)
      : WithBackend(std::move(backend)), suffix_(std::move(suffix)) {}

  std::string TypeName() const override { return "union_api_key"; }
  tf::Schema GetSchema() const override;

  void Open(const tf::Context& ctx, const tf::OpenEphemeralRequest& req,
            tf::OpenEphemeralResponse& resp) override;
  void Close(const tf::Context& ctx, const tf::CloseEphemeralRequest& req,
             tf::CloseEphemeralResponse& resp) override;

 private:
  std::function<absl::StatusOr<std::string>()> suffix_;
};

}  // namespace union_provider
