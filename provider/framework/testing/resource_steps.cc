// resource_steps.cc: a one-resource provider served by server::ProviderServer.
#include "provider/framework/testing/resource_steps.h"

#include <string>
#include <utility>

#include "provider/framework/server/provider_server.h"

namespace tf::testing {
namespace {

// Offers the one resource; never configured by these helpers.
class OneResourceProvider final : public Provider {
 public:
  explicit OneResourceProvider(ResourceFactory factory)
      : factory_(std::move(factory)) {}
  std::string TypeName() const override { return "testing"; }
  Schema GetSchema() const override { return {}; }
  void Configure(const Context&, const ConfigureProviderRequest&,
                 ConfigureProviderResponse&) override {}
  std::vector<ResourceFactory> Resources() override { return {factory_}; }
  std::vector<std::function<std::unique_ptr<DataSource>()>> DataSources()
      override {
    return {};
  }

 private:
  ResourceFactory factory_;
};

std::string TypeNameOf(const ResourceFactory& factory) {
  return factory()->TypeName();
}

}  // namespace

Value ProposedNewState(const Schema& schema, const Value& config,
                       const Value& prior) {
  if (config.IsNull() || prior.IsNull()) return config;
  Value proposed = config;
  for (const Attribute& a : schema.block.attributes) {
    if (IsComputed(a.presence) && config.Attr(a.name).IsNull()) {
      proposed = proposed.WithAttr(a.name, prior.Attr(a.name));
    }
  }
  return proposed;
}

PlannedChange PlanResourceChange(const ResourceFactory& factory,
                                 const Value& config, const Value& prior) {
  server::ProviderServer srv(std::make_unique<OneResourceProvider>(factory));
  const std::string type = TypeNameOf(factory);
  server::PlanResourceChangeResponse resp = srv.PlanResourceChange(
      {.type_name = type,
       .prior_state = prior,
       .proposed_new_state =
           ProposedNewState(
               srv.FindType(server::Kind::kResource, type)->schema, config,
               prior),
       .config = config});
  return {.plan = std::move(resp.planned_state),
          .requires_replace = std::move(resp.requires_replace),
          .diagnostics = std::move(resp.diagnostics)};
}

Diagnostics ValidateResourceConfig(const ResourceFactory& factory,
                                   const Value& config) {
  server::ProviderServer srv(std::make_unique<OneResourceProvider>(factory));
  return srv
      .ValidateResourceConfig(
          {.type_name = TypeNameOf(factory), .config = config})
      .diagnostics;
}

}  // namespace tf::testing
