// ProviderServer: construction, schema lookup, provider data and the fresh
// resource/data source per request. The RPCs live in files named after them.
#include "provider/framework/server/provider_server.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/values.h"

namespace tf::server {
namespace {

void CheckSchema(const Schema& schema, const std::string& what,
                 Diagnostics& diags) {
  if (absl::Status s = schema.Validate(); !s.ok()) {
    diags.AddError("Invalid provider schema",
                   absl::StrCat("The schema of ", what,
                                " is invalid: ", std::string(s.message()),
                                ". This is a bug in the provider."));
  }
}

}  // namespace

ProviderServer::ProviderServer(std::unique_ptr<Provider> provider)
    : provider_(std::move(provider)),
      stopped_(std::make_shared<std::atomic<bool>>(false)) {
  provider_schema_ = provider_->GetSchema();
  CheckSchema(provider_schema_, "the provider", schema_diagnostics_);
  for (auto& factory : provider_->Resources()) {
    std::unique_ptr<Resource> r = factory();
    std::string name = r->TypeName();
    Schema schema = r->GetSchema();
    CheckSchema(schema, absl::StrCat("resource ", name), schema_diagnostics_);
    if (resources_.count(name) > 0) {
      schema_diagnostics_.AddError(
          "Duplicate resource type",
          absl::StrCat("The provider defines resource type ", name,
                       " twice. This is a bug in the provider."));
    }
    resources_[name] = ResourceEntry{std::move(factory), std::move(schema)};
  }
  for (auto& factory : provider_->DataSources()) {
    std::unique_ptr<DataSource> d = factory();
    std::string name = d->TypeName();
    Schema schema = d->GetSchema();
    CheckSchema(schema, absl::StrCat("data source ", name),
                schema_diagnostics_);
    if (HasWriteOnly(schema.block)) {
      schema_diagnostics_.AddError(
          "Invalid provider schema",
          absl::StrCat("Data source ", name,
                       " declares a write-only attribute; only managed "
                       "resources may. This is a bug in the provider."));
    }
    if (data_sources_.count(name) > 0) {
      schema_diagnostics_.AddError(
          "Duplicate data source type",
          absl::StrCat("The provider defines data source type ", name,
                       " twice. This is a bug in the provider."));
    }
    data_sources_[name] =
        DataSourceEntry{std::move(factory), std::move(schema)};
  }
}

const Schema* ProviderServer::ResourceSchema(
    const std::string& type_name) const {
  auto it = resources_.find(type_name);
  return it == resources_.end() ? nullptr : &it->second.schema;
}

const Schema* ProviderServer::DataSourceSchema(
    const std::string& type_name) const {
  auto it = data_sources_.find(type_name);
  return it == data_sources_.end() ? nullptr : &it->second.schema;
}

std::optional<std::any> ProviderServer::ProviderData() const {
  absl::MutexLock lock(&data_mu_);
  return provider_data_;
}

std::unique_ptr<Resource> ProviderServer::NewResource(
    const std::string& type_name, bool configure, Diagnostics& diags) const {
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    diags.AddError(
        "Resource Type Not Found",
        absl::StrCat("The provider does not support resource type \"",
                     type_name, "\"."));
    return nullptr;
  }
  std::unique_ptr<Resource> r = it->second.factory();
  if (configure) {
    Capabilities caps = DetectCapabilities(*r);
    std::optional<std::any> data = ProviderData();
    if (caps.configure != nullptr && data.has_value()) {
      Diagnostics d;
      caps.configure->Configure(*data, d);
      diags.Append(d);
      if (d.HasError()) return nullptr;
    }
  }
  return r;
}

std::unique_ptr<DataSource> ProviderServer::NewDataSource(
    const std::string& type_name, bool configure, Diagnostics& diags) const {
  auto it = data_sources_.find(type_name);
  if (it == data_sources_.end()) {
    diags.AddError(
        "Data Source Type Not Found",
        absl::StrCat("The provider does not support data source type \"",
                     type_name, "\"."));
    return nullptr;
  }
  std::unique_ptr<DataSource> d = it->second.factory();
  if (configure) {
    Capabilities caps = DetectCapabilities(*d);
    std::optional<std::any> data = ProviderData();
    if (caps.configure != nullptr && data.has_value()) {
      Diagnostics cd;
      caps.configure->Configure(*data, cd);
      diags.Append(cd);
      if (cd.HasError()) return nullptr;
    }
  }
  return d;
}

void ProviderServer::StopProvider() { stopped_->store(true); }

}  // namespace tf::server
