// api_key_resource.h: the `union_api_key` resource: one Union API key.
//
//   resource "union_api_key" "ci" {
//     name          = "CI Pipeline"          # client_id "ci-pipeline"
//     redirect_uris = ["http://localhost:8080/authorization-code/callback"]
//   }
// client_id is derived from name (names.h) and shown in the plan. The secret
// and the encoded credentials exist only in the Create answer, so they are
// kept from state on every later read; an imported key has neither (a
// warning says so). See docs/resources/api_key.md and
// docs/design/ambiguous-create.md.
#pragma once

#include <optional>
#include <string>

#include "provider/framework/sdk/identity.h"
#include "provider/framework/sdk/resource.h"
#include "provider/union/provider_data.h"

namespace union_provider {

class ApiKeyResource final : public tf::Resource,
                             public WithBackend,
                             public tf::WithValidateConfig,
                             public tf::WithModifyPlan,
                             public tf::WithImportState,
                             public tf::WithIdentity {
 public:
  using WithBackend::WithBackend;

  std::string TypeName() const override { return "union_api_key"; }
  tf::Schema GetSchema() const override;

  void ValidateConfig(const tf::Context& ctx,
                      const tf::ValidateConfigRequest& req,
                      tf::ValidateConfigResponse& resp) override;
  void ModifyPlan(const tf::Context& ctx, const tf::ModifyPlanRequest& req,
                  tf::ModifyPlanResponse& resp) override;

  void Create(const tf::Context& ctx, const tf::CreateRequest& req,
              tf::CreateResponse& resp) override;
  void Read(const tf::Context& ctx, const tf::ReadRequest& req,
            tf::ReadResponse& resp) override;
  void Update(const tf::Context& ctx, const tf::UpdateRequest& req,
              tf::UpdateResponse& resp) override;
  void Delete(const tf::Context& ctx, const tf::DeleteRequest& req,
              tf::DeleteResponse& resp) override;
  void ImportState(const tf::Context& ctx, const tf::ImportStateRequest& req,
                   tf::ImportStateResponse& resp) override;
  // {client_id, organization} (api_key_identity.h), set by Create, Read,
  // Update and ImportState after the key's own work (CreateApiKey, ReadKey,
  // UpdateKey, ImportKey).
  tf::IdentitySchema GetIdentitySchema() const override;

 private:
  void ReadKey(const tf::Context& ctx, const tf::ReadRequest& req,
               tf::ReadResponse& resp);
  void UpdateKey(const tf::Context& ctx, const tf::UpdateRequest& req,
                 tf::UpdateResponse& resp);
  void ImportKey(const tf::Context& ctx, const tf::ImportStateRequest& req,
                 tf::ImportStateResponse& resp);
  // The client_id a key named `name` gets: from the backend when configured
  // (nullopt when only the server can tell), otherwise the normalisation.
  std::optional<std::string> ClientIdFor(const std::string& name) const;
  // The configured backend's organization ("" when not configured), for the
  // identity.
  std::string Organization() const;
};

}  // namespace union_provider
