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
// with `with_capabilities` false implements no With* interface at all.
#pragma once

#include <any>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/data_source.h"
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
};

class FakeProvider final : public Provider, public WithValidateConfig {
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

 private:
  FakeProviderScript script_;
};

}  // namespace tf::testing
