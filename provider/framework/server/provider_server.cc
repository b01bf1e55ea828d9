// ProviderServer: construction, schema lookup, provider data and the fresh
// resource/data source/ephemeral resource per request. The RPCs live in
// files named after them.
#include "provider/framework/server/provider_server.h"

#include <regex>
#include <set>
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

void CheckNoWriteOnly(const Schema& schema, const std::string& what,
                      Diagnostics& diags) {
  if (HasWriteOnly(schema.block)) {
    diags.AddError("Invalid provider schema",
                   absl::StrCat(what,
                                " declares a write-only attribute; only "
                                "managed resources may. This is a bug in the "
                                "provider."));
  }
}

// A function name is an HCL identifier without dashes; parameter names are
// non-empty and unique.
void CheckFunction(const std::string& name, const FunctionDefinition& def,
                   Diagnostics& diags) {
  static const std::regex kName("^[a-z_][a-z0-9_]*$");
  auto bad = [&](const std::string& why) {
    diags.AddError("Invalid provider function",
                   absl::StrCat("Function ", name, " is invalid: ", why,
                                ". This is a bug in the provider."));
  };
  if (!std::regex_match(name, kName)) {
    bad("its name must match ^[a-z_][a-z0-9_]*$");
  }
  std::set<std::string> seen;
  std::vector<const FunctionParameter*> params;
  for (const FunctionParameter& p : def.parameters) params.push_back(&p);
  if (def.variadic_parameter.has_value()) {
    params.push_back(&*def.variadic_parameter);
  }
  for (const FunctionParameter* p : params) {
    if (p->name.empty()) bad("a parameter has no name");
    if (!seen.insert(p->name).second) {
      bad(absl::StrCat("parameter ", p->name, " is declared twice"));
    }
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
    std::optional<IdentitySchema> identity;
    if (WithIdentity* wi = DetectCapabilities(*r).identity) {
      identity = wi->GetIdentitySchema();
      if (absl::Status s = identity->Validate(); !s.ok()) {
        schema_diagnostics_.AddError(
            "Invalid resource identity schema",
            absl::StrCat("The identity schema of resource ", name,
                         " is invalid: ", std::string(s.message()),
                         ". This is a bug in the provider."));
      }
    }
    if (resources_.count(name) > 0) {
      schema_diagnostics_.AddError(
          "Duplicate resource type",
          absl::StrCat("The provider defines resource type ", name,
                       " twice. This is a bug in the provider."));
    }
    resources_[name] = ResourceEntry{std::move(factory), std::move(schema),
                                     std::move(identity)};
  }
  for (auto& factory : provider_->DataSources()) {
    std::unique_ptr<DataSource> d = factory();
    std::string name = d->TypeName();
    Schema schema = d->GetSchema();
    CheckSchema(schema, absl::StrCat("data source ", name),
                schema_diagnostics_);
    CheckNoWriteOnly(schema, absl::StrCat("Data source ", name),
                     schema_diagnostics_);
    if (data_sources_.count(name) > 0) {
      schema_diagnostics_.AddError(
          "Duplicate data source type",
          absl::StrCat("The provider defines data source type ", name,
                       " twice. This is a bug in the provider."));
    }
    data_sources_[name] =
        DataSourceEntry{std::move(factory), std::move(schema)};
  }
  if (auto* with = dynamic_cast<WithEphemeralResources*>(provider_.get())) {
    for (auto& factory : with->EphemeralResources()) {
      std::unique_ptr<EphemeralResource> e = factory();
      std::string name = e->TypeName();
      Schema schema = e->GetSchema();
      CheckSchema(schema, absl::StrCat("ephemeral resource ", name),
                  schema_diagnostics_);
      CheckNoWriteOnly(schema, absl::StrCat("Ephemeral resource ", name),
                       schema_diagnostics_);
      if (ephemeral_resources_.count(name) > 0) {
        schema_diagnostics_.AddError(
            "Duplicate ephemeral resource type",
            absl::StrCat("The provider defines ephemeral resource type ", name,
                         " twice. This is a bug in the provider."));
      }
      ephemeral_resources_[name] =
          EphemeralEntry{std::move(factory), std::move(schema)};
    }
  }
  if (auto* with = dynamic_cast<WithFunctions*>(provider_.get())) {
    for (auto& factory : with->Functions()) {
      std::unique_ptr<Function> f = factory();
      std::string name = f->Name();
      FunctionDefinition def = f->Definition();
      CheckFunction(name, def, schema_diagnostics_);
      if (functions_.count(name) > 0) {
        schema_diagnostics_.AddError(
            "Duplicate provider function",
            absl::StrCat("The provider defines function ", name,
                         " twice. This is a bug in the provider."));
      }
      functions_[name] = FunctionEntry{std::move(factory), std::move(def)};
    }
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

const Schema* ProviderServer::EphemeralResourceSchema(
    const std::string& type_name) const {
  auto it = ephemeral_resources_.find(type_name);
  return it == ephemeral_resources_.end() ? nullptr : &it->second.schema;
}

const IdentitySchema* ProviderServer::ResourceIdentitySchema(
    const std::string& type_name) const {
  auto it = resources_.find(type_name);
  if (it == resources_.end() || !it->second.identity.has_value()) {
    return nullptr;
  }
  return &*it->second.identity;
}

const FunctionDefinition* ProviderServer::FunctionDefinitionFor(
    const std::string& name) const {
  auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : &it->second.definition;
}

std::optional<std::any> ProviderServer::ProviderData() const {
  absl::MutexLock lock(&data_mu_);
  return provider_data_;
}

template <typename T>
bool ProviderServer::ConfigureObject(T& object, Diagnostics& diags) const {
  Capabilities caps = DetectCapabilities(object);
  std::optional<std::any> data = ProviderData();
  if (caps.configure == nullptr || !data.has_value()) return true;
  Diagnostics d;
  caps.configure->Configure(*data, d);
  diags.Append(d);
  return !d.HasError();
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
  if (configure && !ConfigureObject(*r, diags)) return nullptr;
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
  if (configure && !ConfigureObject(*d, diags)) return nullptr;
  return d;
}

std::unique_ptr<EphemeralResource> ProviderServer::NewEphemeralResource(
    const std::string& type_name, bool configure, Diagnostics& diags) const {
  auto it = ephemeral_resources_.find(type_name);
  if (it == ephemeral_resources_.end()) {
    diags.AddError(
        "Ephemeral Resource Type Not Found",
        absl::StrCat("The provider does not support ephemeral resource type \"",
                     type_name, "\"."));
    return nullptr;
  }
  std::unique_ptr<EphemeralResource> e = it->second.factory();
  if (configure && !ConfigureObject(*e, diags)) return nullptr;
  return e;
}

void ProviderServer::StopProvider() { stopped_->store(true); }

}  // namespace tf::server
