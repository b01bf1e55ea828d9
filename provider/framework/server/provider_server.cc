// ProviderServer: construction, schema lookup, provider data and the fresh
// resource/data source/ephemeral resource per request. The RPCs live in
// files named after them.
#include "provider/framework/server/provider_server.h"

#include <regex>
#include <set>
#include <utility>

#include "absl/strings/str_cat.h"
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/config_validation.h"
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

template <typename T>
void ProviderServer::Register(Kind kind,
                              std::function<std::unique_ptr<T>()> factory,
                              Entries<T>& entries) {
  const KindNames& names = NamesOf(kind);
  std::unique_ptr<T> object = factory();
  std::string name = object->TypeName();
  TypeSchemas schemas{.schema = object->GetSchema()};
  schemas.type = schemas.schema.ValueType();
  CheckSchema(schemas.schema, absl::StrCat(names.noun, " ", name),
              schema_diagnostics_);
  if (kind != Kind::kResource) {
    CheckNoWriteOnly(schemas.schema, absl::StrCat(names.sentence, " ", name),
                     schema_diagnostics_);
  } else if (WithIdentity* wi = DetectCapabilities(*object).identity) {
    schemas.identity = wi->GetIdentitySchema();
    schemas.identity_type = schemas.identity->ValueType();
    if (absl::Status s = schemas.identity->Validate(); !s.ok()) {
      schema_diagnostics_.AddError(
          "Invalid resource identity schema",
          absl::StrCat("The identity schema of resource ", name,
                       " is invalid: ", std::string(s.message()),
                       ". This is a bug in the provider."));
    }
  }
  if (entries.count(name) > 0) {
    schema_diagnostics_.AddError(
        absl::StrCat("Duplicate ", names.noun, " type"),
        absl::StrCat("The provider defines ", names.noun, " type ", name,
                     " twice. This is a bug in the provider."));
  }
  entries[name] = Entry<T>{std::move(factory), std::move(schemas)};
}

ProviderServer::ProviderServer(std::unique_ptr<Provider> provider)
    : provider_(std::move(provider)),
      stopped_(std::make_shared<std::atomic<bool>>(false)) {
  provider_schema_ = provider_->GetSchema();
  provider_type_ = provider_schema_.ValueType();
  CheckSchema(provider_schema_, "the provider", schema_diagnostics_);
  for (auto& factory : provider_->Resources()) {
    Register(Kind::kResource, std::move(factory), resources_);
  }
  for (auto& factory : provider_->DataSources()) {
    Register(Kind::kDataSource, std::move(factory), data_sources_);
  }
  if (auto* with = dynamic_cast<WithEphemeralResources*>(provider_.get())) {
    for (auto& factory : with->EphemeralResources()) {
      Register(Kind::kEphemeralResource, std::move(factory),
               ephemeral_resources_);
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

const TypeSchemas* ProviderServer::FindType(
    Kind kind, const std::string& type_name) const {
  auto find = [&](const auto& entries) -> const TypeSchemas* {
    auto it = entries.find(type_name);
    return it == entries.end() ? nullptr : &it->second.schemas;
  };
  switch (kind) {
    case Kind::kResource:
      return find(resources_);
    case Kind::kDataSource:
      return find(data_sources_);
    case Kind::kEphemeralResource:
      return find(ephemeral_resources_);
  }
  return nullptr;
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

template <typename T>
ProviderServer::Instance<T> ProviderServer::NewInstance(
    Kind kind, const Entries<T>& entries, const std::string& type_name,
    bool configure, Diagnostics& diags) const {
  auto it = entries.find(type_name);
  if (it == entries.end()) {
    AddTypeNotFound(kind, type_name, diags);
    return {};
  }
  Instance<T> instance{it->second.factory(), &it->second.schemas};
  if (configure && !ConfigureObject(*instance.object, diags)) {
    instance.object = nullptr;
  }
  return instance;
}

ProviderServer::Instance<Resource> ProviderServer::NewResource(
    const std::string& type_name, Diagnostics& diags, bool configure) const {
  return NewInstance(Kind::kResource, resources_, type_name, configure, diags);
}

ProviderServer::Instance<DataSource> ProviderServer::NewDataSource(
    const std::string& type_name, Diagnostics& diags, bool configure) const {
  return NewInstance(Kind::kDataSource, data_sources_, type_name, configure,
                     diags);
}

ProviderServer::Instance<EphemeralResource>
ProviderServer::NewEphemeralResource(const std::string& type_name,
                                     Diagnostics& diags, bool configure) const {
  return NewInstance(Kind::kEphemeralResource, ephemeral_resources_, type_name,
                     configure, diags);
}

Diagnostics ProviderServer::ValidateTypeConfig(Kind kind,
                                               const std::string& type_name,
                                               const Value& config,
                                               bool write_only_allowed) const {
  Diagnostics diags;
  auto validate = [&](const auto& instance) {
    if (instance.object == nullptr) return;
    ValidateConfig(MakeContext(), *instance.object,
                   instance.schemas->schema.block, config, write_only_allowed,
                   diags);
  };
  switch (kind) {
    case Kind::kResource:
      validate(NewResource(type_name, diags, /*configure=*/false));
      break;
    case Kind::kDataSource:
      validate(NewDataSource(type_name, diags, /*configure=*/false));
      break;
    case Kind::kEphemeralResource:
      validate(NewEphemeralResource(type_name, diags, /*configure=*/false));
      break;
  }
  return diags;
}

void ProviderServer::StopProvider() { stopped_->store(true); }

}  // namespace tf::server
