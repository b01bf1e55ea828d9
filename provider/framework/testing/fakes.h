// fakes.h: scripted fakes of the framework interfaces (Resource,
// DataSource, Provider and the capability mixins) for tests.
//
//   auto script = std::make_shared<FakeResourceScript>();
//   script->schema = ThingSchema();
//   script->create = [](const CreateRequest&, CreateResponse& resp) {
//     resp.state = resp.state.WithAttr("id", Value::String("id-1"));
//   };
//   FakeProvider::Script p;
//   p.resources = {script};
//   server::ProviderServer srv(std::make_unique<FakeProvider>(p));
// An unset hook does nothing (the pre-filled response stands). A resource
// with `with_capabilities` false implements no With* interface at all; one
// with an `identity_schema` implements WithIdentity and WithUpgradeIdentity
// (plus WithConfigure and WithImportState). FakeFunction and
// FakeEphemeralResource script functions and ephemeral resources likewise.
#pragma once

#include <any>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/data_source.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/framework/sdk/function.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/sdk/provider.h"
#include "provider/framework/sdk/resource.h"

namespace tf::testing {

struct FakeResourceScript {
  std::string type_name = "fake_thing";
  Schema schema{};
  bool with_capabilities = true;  // implement every With* interface
  std::function<void(const CreateRequest&, CreateResponse&)> create{};
  std::function<void(const ReadRequest&, ReadResponse&)> read{};
  std::function<void(const UpdateRequest&, UpdateResponse&)> update{};
  std::function<void(const DeleteRequest&, DeleteResponse&)> del{};
  std::function<void(const ImportStateRequest&, ImportStateResponse&)>
      import_state{};
  std::function<void(const ModifyPlanRequest&, ModifyPlanResponse&)>
      modify_plan{};
  std::function<void(const ValidateConfigRequest&, ValidateConfigResponse&)>
      validate_config{};
  std::function<void(const std::any&, Diagnostics&)> configure{};
  std::optional<IdentitySchema> identity_schema{};
  std::function<void(const UpgradeIdentityRequest&, UpgradeIdentityResponse&)>
      upgrade_identity{};
};

// A resource that only implements Resource.
class FakeResource : public Resource {
 public:
  explicit FakeResource(std::shared_ptr<const FakeResourceScript> script)
      : script_(std::move(script)) {}
  std::string TypeName() const override { return script_->type_name; }
  Schema GetSchema() const override { return script_->schema; }
  void Create(const Context&, const CreateRequest& req,
              CreateResponse& resp) override {
    if (script_->create) script_->create(req, resp);
  }
  void Read(const Context&, const ReadRequest& req,
            ReadResponse& resp) override {
    if (script_->read) script_->read(req, resp);
  }
  void Update(const Context&, const UpdateRequest& req,
              UpdateResponse& resp) override {
    if (script_->update) script_->update(req, resp);
  }
  void Delete(const Context&, const DeleteRequest& req,
              DeleteResponse& resp) override {
    if (script_->del) script_->del(req, resp);
  }

 protected:
  std::shared_ptr<const FakeResourceScript> script_;
};

// A resource implementing every capability, each delegating to its hook.
class FakeResourceWithCapabilities final : public FakeResource,
                                           public WithConfigure,
                                           public WithValidateConfig,
                                           public WithImportState,
                                           public WithModifyPlan {
 public:
  using FakeResource::FakeResource;
  void Configure(const std::any& data, Diagnostics& diags) override {
    if (script_->configure) script_->configure(data, diags);
  }
  void ValidateConfig(const Context&, const ValidateConfigRequest& req,
                      ValidateConfigResponse& resp) override {
    if (script_->validate_config) script_->validate_config(req, resp);
  }
  void ImportState(const Context&, const ImportStateRequest& req,
                   ImportStateResponse& resp) override {
    if (script_->import_state) script_->import_state(req, resp);
  }
  void ModifyPlan(const Context&, const ModifyPlanRequest& req,
                  ModifyPlanResponse& resp) override {
    if (script_->modify_plan) script_->modify_plan(req, resp);
  }
};

// A resource with an identity (script->identity_schema set).
class FakeIdentityResource final : public FakeResource,
                                   public WithConfigure,
                                   public WithImportState,
                                   public WithIdentity,
                                   public WithUpgradeIdentity {
 public:
  using FakeResource::FakeResource;
  void Configure(const std::any& data, Diagnostics& diags) override {
    if (script_->configure) script_->configure(data, diags);
  }
  void ImportState(const Context&, const ImportStateRequest& req,
                   ImportStateResponse& resp) override {
    if (script_->import_state) script_->import_state(req, resp);
  }
  IdentitySchema GetIdentitySchema() const override {
    return *script_->identity_schema;
  }
  void UpgradeIdentity(const Context&, const UpgradeIdentityRequest& req,
                       UpgradeIdentityResponse& resp) override {
    if (script_->upgrade_identity) script_->upgrade_identity(req, resp);
  }
};

// A factory for the provider's Resources() list.
std::function<std::unique_ptr<Resource>()> FakeResourceFactory(
    std::shared_ptr<const FakeResourceScript> script);

struct FakeDataSourceScript {
  std::string type_name = "fake_lookup";
  Schema schema{};
  std::function<void(const DataSourceReadRequest&, DataSourceReadResponse&)>
      read{};
  std::function<void(const std::any&, Diagnostics&)> configure{};
};

class FakeDataSource final : public DataSource, public WithConfigure {
 public:
  explicit FakeDataSource(std::shared_ptr<const FakeDataSourceScript> script)
      : script_(std::move(script)) {}
  std::string TypeName() const override { return script_->type_name; }
  Schema GetSchema() const override { return script_->schema; }
  void Read(const Context&, const DataSourceReadRequest& req,
            DataSourceReadResponse& resp) override {
    if (script_->read) script_->read(req, resp);
  }
  void Configure(const std::any& data, Diagnostics& diags) override {
    if (script_->configure) script_->configure(data, diags);
  }

 private:
  std::shared_ptr<const FakeDataSourceScript> script_;
};

struct FakeFunctionScript {
  std::string name = "fake_fn";
  FunctionDefinition definition{};
  std::function<void(const FunctionRunRequest&, FunctionRunResponse&)> run{};
};

class FakeFunction final : public Function {
 public:
  explicit FakeFunction(std::shared_ptr<const FakeFunctionScript> script)
      : script_(std::move(script)) {}
  std::string Name() const override { return script_->name; }
  FunctionDefinition Definition() const override { return script_->definition; }
  void Run(const Context&, const FunctionRunRequest& req,
           FunctionRunResponse& resp) override {
    if (script_->run) script_->run(req, resp);
  }

 private:
  std::shared_ptr<const FakeFunctionScript> script_;
};

struct FakeEphemeralScript {
  std::string type_name = "fake_secret";
  Schema schema{};
  bool with_lifecycle = true;  // implement WithEphemeralRenew/Close
  std::function<void(const OpenEphemeralRequest&, OpenEphemeralResponse&)>
      open{};
  std::function<void(const RenewEphemeralRequest&, RenewEphemeralResponse&)>
      renew{};
  std::function<void(const CloseEphemeralRequest&, CloseEphemeralResponse&)>
      close{};
  std::function<void(const ValidateConfigRequest&, ValidateConfigResponse&)>
      validate_config{};
  std::function<void(const std::any&, Diagnostics&)> configure{};
};

// Implements EphemeralResource, WithConfigure and WithValidateConfig.
class FakeEphemeralResource : public EphemeralResource,
                              public WithConfigure,
                              public WithValidateConfig {
 public:
  explicit FakeEphemeralResource(
      std::shared_ptr<const FakeEphemeralScript> script)
      : script_(std::move(script)) {}
  std::string TypeName() const override { return script_->type_name; }
  Schema GetSchema() const override { return script_->schema; }
  void Open(const Context&, const OpenEphemeralRequest& req,
            OpenEphemeralResponse& resp) override {
    if (script_->open) script_->open(req, resp);
  }
  void Configure(const std::any& data, Diagnostics& diags) override {
    if (script_->configure) script_->configure(data, diags);
  }
  void ValidateConfig(const Context&, const ValidateConfigRequest& req,
                      ValidateConfigResponse& resp) override {
    if (script_->validate_config) script_->validate_config(req, resp);
  }

 protected:
  std::shared_ptr<const FakeEphemeralScript> script_;
};

// Also implements WithEphemeralRenew and WithEphemeralClose.
class FakeEphemeralResourceWithLifecycle final : public FakeEphemeralResource,
                                                 public WithEphemeralRenew,
                                                 public WithEphemeralClose {
 public:
  using FakeEphemeralResource::FakeEphemeralResource;
  void Renew(const Context&, const RenewEphemeralRequest& req,
             RenewEphemeralResponse& resp) override {
    if (script_->renew) script_->renew(req, resp);
  }
  void Close(const Context&, const CloseEphemeralRequest& req,
             CloseEphemeralResponse& resp) override {
    if (script_->close) script_->close(req, resp);
  }
};

struct FakeProviderScript {
  std::string type_name = "fake";
  Schema schema{};
  std::function<void(const ConfigureProviderRequest&,
                     ConfigureProviderResponse&)>
      configure{};
  std::function<void(const ValidateConfigRequest&, ValidateConfigResponse&)>
      validate_config{};
  std::vector<std::shared_ptr<const FakeResourceScript>> resources{};
  std::vector<std::shared_ptr<const FakeDataSourceScript>> data_sources{};
  std::vector<std::shared_ptr<const FakeFunctionScript>> functions{};
  std::vector<std::shared_ptr<const FakeEphemeralScript>> ephemeral_resources{};
};

class FakeProvider final : public Provider,
                           public WithValidateConfig,
                           public WithFunctions,
                           public WithEphemeralResources {
 public:
  explicit FakeProvider(FakeProviderScript script)
      : script_(std::move(script)) {}
  std::string TypeName() const override { return script_.type_name; }
  Schema GetSchema() const override { return script_.schema; }
  void Configure(const Context&, const ConfigureProviderRequest& req,
                 ConfigureProviderResponse& resp) override {
    if (script_.configure) script_.configure(req, resp);
  }
  void ValidateConfig(const Context&, const ValidateConfigRequest& req,
                      ValidateConfigResponse& resp) override {
    if (script_.validate_config) script_.validate_config(req, resp);
  }
  std::vector<std::function<std::unique_ptr<Resource>()>> Resources() override;
  std::vector<std::function<std::unique_ptr<DataSource>()>> DataSources()
      override;
  std::vector<std::function<std::unique_ptr<Function>()>> Functions() override;
  std::vector<std::function<std::unique_ptr<EphemeralResource>()>>
  EphemeralResources() override;

 private:
  FakeProviderScript script_;
};

}  // namespace tf::testing
