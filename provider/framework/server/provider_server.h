// provider_server.h: the protocol-free provider server. It holds the one
// Provider instance, the schemas, the configured provider data and the stop
// flag, and answers every RPC with Terraform's semantics (plan steps, apply
// conformance checks, import, upgrade, validation). One method per RPC, each
// defined in the file named after it (plan_resource_change.cc, ...).
//
//   server::ProviderServer srv(std::make_unique<MyProvider>());
//   server::ApplyResourceChangeResponse r = srv.ApplyResourceChange(req);
//
// Thread safety: every method may be called concurrently. Configure calls
// are serialised and may repeat (debug mode); the provider data is guarded
// by a mutex and copied out per request. A fresh Resource/DataSource is made
// per request. Domain errors are diagnostics, never crashes or statuses.
#pragma once

#include <any>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/sdk/data_source.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/framework/sdk/function.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/sdk/provider.h"
#include "provider/framework/sdk/resource.h"
#include "provider/framework/server/messages.h"

namespace tf::server {

class ProviderServer {
 public:
  explicit ProviderServer(std::unique_ptr<Provider> provider);
  ProviderServer(const ProviderServer&) = delete;
  ProviderServer& operator=(const ProviderServer&) = delete;

  // Schemas, for the adapters that decode DynamicValues. Null when the type
  // name is not offered by the provider.
  const Schema& ProviderSchema() const { return provider_schema_; }
  const Schema* ResourceSchema(const std::string& type_name) const;
  const Schema* DataSourceSchema(const std::string& type_name) const;
  const Schema* EphemeralResourceSchema(const std::string& type_name) const;
  // Null when the resource type has no identity (or is unknown).
  const IdentitySchema* ResourceIdentitySchema(
      const std::string& type_name) const;
  // Null when the provider has no function of that name.
  const FunctionDefinition* FunctionDefinitionFor(
      const std::string& name) const;

  GetProviderSchemaResponse GetProviderSchema() const;
  ValidateProviderConfigResponse ValidateProviderConfig(
      const ValidateProviderConfigRequest& req) const;
  ValidateResourceConfigResponse ValidateResourceConfig(
      const ValidateResourceConfigRequest& req) const;
  ValidateDataResourceConfigResponse ValidateDataResourceConfig(
      const ValidateDataResourceConfigRequest& req) const;
  ConfigureProviderResponse ConfigureProvider(
      const ConfigureProviderRequest& req);
  UpgradeResourceStateResponse UpgradeResourceState(
      const UpgradeResourceStateRequest& req) const;
  ReadResourceResponse ReadResource(const ReadResourceRequest& req) const;
  PlanResourceChangeResponse PlanResourceChange(
      const PlanResourceChangeRequest& req) const;
  ApplyResourceChangeResponse ApplyResourceChange(
      const ApplyResourceChangeRequest& req) const;
  ImportResourceStateResponse ImportResourceState(
      const ImportResourceStateRequest& req) const;
  ReadDataSourceResponse ReadDataSource(const ReadDataSourceRequest& req) const;
  GetResourceIdentitySchemasResponse GetResourceIdentitySchemas() const;
  UpgradeResourceIdentityResponse UpgradeResourceIdentity(
      const UpgradeResourceIdentityRequest& req) const;
  GetFunctionsResponse GetFunctions() const;
  CallFunctionResponse CallFunction(const CallFunctionRequest& req) const;
  ValidateEphemeralResourceConfigResponse ValidateEphemeralResourceConfig(
      const ValidateEphemeralResourceConfigRequest& req) const;
  OpenEphemeralResourceResponse OpenEphemeralResource(
      const OpenEphemeralResourceRequest& req) const;
  RenewEphemeralResourceResponse RenewEphemeralResource(
      const RenewEphemeralResourceRequest& req) const;
  CloseEphemeralResourceResponse CloseEphemeralResource(
      const CloseEphemeralResourceRequest& req) const;
  // StopProvider: every Context handed out from now on reports Stopped().
  void StopProvider();

 private:
  struct ResourceEntry {
    std::function<std::unique_ptr<Resource>()> factory;
    Schema schema;
    std::optional<IdentitySchema> identity;  // WithIdentity resources only
  };
  struct DataSourceEntry {
    std::function<std::unique_ptr<DataSource>()> factory;
    Schema schema;
  };
  struct EphemeralEntry {
    std::function<std::unique_ptr<EphemeralResource>()> factory;
    Schema schema;
  };
  struct FunctionEntry {
    std::function<std::unique_ptr<Function>()> factory;
    FunctionDefinition definition;
  };

  Context MakeContext() const { return Context(stopped_); }
  // The configured provider data; nullopt before ConfigureProvider.
  std::optional<std::any> ProviderData() const;
  // A fresh, configured resource of `type_name`; null (with an error
  // diagnostic) when the type is unknown or configuring it failed.
  std::unique_ptr<Resource> NewResource(const std::string& type_name,
                                        bool configure,
                                        Diagnostics& diags) const;
  std::unique_ptr<DataSource> NewDataSource(const std::string& type_name,
                                            bool configure,
                                            Diagnostics& diags) const;
  std::unique_ptr<EphemeralResource> NewEphemeralResource(
      const std::string& type_name, bool configure, Diagnostics& diags) const;
  // Hands the provider data to `object` through WithConfigure, when both
  // exist; false (with the diagnostics) when that failed.
  template <typename T>
  bool ConfigureObject(T& object, Diagnostics& diags) const;

  std::unique_ptr<Provider> provider_;
  Schema provider_schema_;
  std::map<std::string, ResourceEntry> resources_;
  std::map<std::string, DataSourceEntry> data_sources_;
  std::map<std::string, EphemeralEntry> ephemeral_resources_;
  std::map<std::string, FunctionEntry> functions_;
  Diagnostics schema_diagnostics_;  // problems found in the schemas at start
  std::shared_ptr<std::atomic<bool>> stopped_;

  absl::Mutex configure_mu_;  // serialises Provider::Configure
  mutable absl::Mutex data_mu_;
  std::optional<std::any> provider_data_ ABSL_GUARDED_BY(data_mu_);
};

}  // namespace tf::server
