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
#include "provider/framework/server/kind.h"
#include "provider/framework/server/messages.h"

namespace tf::server {

// A type the provider offers: its schema and the value types derived from it,
// computed once at start (requests decode and encode with them).
struct TypeSchemas {
  Schema schema{};
  Type type{};                               // schema.ValueType()
  std::optional<IdentitySchema> identity{};  // WithIdentity resources only
  Type identity_type{};                      // identity->ValueType(), if any

  const IdentitySchema* Identity() const {
    return identity.has_value() ? &*identity : nullptr;
  }
};

class ProviderServer {
 public:
  explicit ProviderServer(std::unique_ptr<Provider> provider);
  ProviderServer(const ProviderServer&) = delete;
  ProviderServer& operator=(const ProviderServer&) = delete;

  // Schemas, for the adapters that decode DynamicValues. Null when the type
  // name is not offered by the provider.
  const Schema& ProviderSchema() const { return provider_schema_; }
  const Type& ProviderType() const { return provider_type_; }
  const TypeSchemas* FindType(Kind kind, const std::string& type_name) const;
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
  template <typename T>
  struct Entry {
    std::function<std::unique_ptr<T>()> factory;
    TypeSchemas schemas;
  };
  template <typename T>
  using Entries = std::map<std::string, Entry<T>>;
  // A fresh object of a type and that type's schemas.
  template <typename T>
  struct Instance {
    std::unique_ptr<T> object;  // null: see NewInstance
    const TypeSchemas* schemas = nullptr;

    explicit operator bool() const { return object != nullptr; }
    T* operator->() const { return object.get(); }
    T& operator*() const { return *object; }
  };
  struct FunctionEntry {
    std::function<std::unique_ptr<Function>()> factory;
    FunctionDefinition definition;
  };

  Context MakeContext() const { return Context(stopped_); }
  // The configured provider data; nullopt before ConfigureProvider.
  std::optional<std::any> ProviderData() const;
  // Checks the schemas of the object `factory` makes and adds it to
  // `entries`; problems go to schema_diagnostics_.
  template <typename T>
  void Register(Kind kind, std::function<std::unique_ptr<T>()> factory,
                Entries<T>& entries);
  // A fresh object of `type_name`, configured when `configure`; a null
  // object (with an error diagnostic) when the type is unknown or
  // configuring it failed.
  template <typename T>
  Instance<T> NewInstance(Kind kind, const Entries<T>& entries,
                          const std::string& type_name, bool configure,
                          Diagnostics& diags) const;
  Instance<Resource> NewResource(const std::string& type_name,
                                 Diagnostics& diags,
                                 bool configure = true) const;
  Instance<DataSource> NewDataSource(const std::string& type_name,
                                     Diagnostics& diags,
                                     bool configure = true) const;
  Instance<EphemeralResource> NewEphemeralResource(const std::string& type_name,
                                                   Diagnostics& diags,
                                                   bool configure = true) const;
  // The ValidateXConfig RPCs: attribute validators, then the object's
  // WithValidateConfig (config_validation.h).
  Diagnostics ValidateTypeConfig(Kind kind, const std::string& type_name,
                                 const Value& config,
                                 bool write_only_allowed) const;
  // Hands the provider data to `object` through WithConfigure, when both
  // exist; false (with the diagnostics) when that failed.
  template <typename T>
  bool ConfigureObject(T& object, Diagnostics& diags) const;

  std::unique_ptr<Provider> provider_;
  Schema provider_schema_;
  Type provider_type_;  // provider_schema_.ValueType()
  Entries<Resource> resources_;
  Entries<DataSource> data_sources_;
  Entries<EphemeralResource> ephemeral_resources_;
  std::map<std::string, FunctionEntry> functions_;
  Diagnostics schema_diagnostics_;  // problems found in the schemas at start
  std::shared_ptr<std::atomic<bool>> stopped_;

  absl::Mutex configure_mu_;  // serialises Provider::Configure
  mutable absl::Mutex data_mu_;
  std::optional<std::any> provider_data_ ABSL_GUARDED_BY(data_mu_);
};

}  // namespace tf::server
