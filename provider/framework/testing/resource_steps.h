// resource_steps.h: run a resource through the framework's own plan and
// validation, as Terraform's calls would, without a gRPC server.
//
//   auto make = [&] { return std::make_unique<MyResource>(fake_backend); };
//   PlannedChange p = PlanResourceChange(make, config, prior);
//   EXPECT_EQ(p.plan.Attr("id"), Value::Unknown(Type::String()));
// Both go through server::ProviderServer (PlanResourceChange and
// ValidateResourceConfig), so a test sees the defaults, the schema
// validators, the plan modifiers, the unknown marking, the resource's
// ModifyPlan, the RequiresReplace normalisation and the plan checks exactly
// as a provider binary applies them. The provider around the resource is
// never configured, so the resource keeps whatever its factory gave it.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/resource.h"
#include "provider/framework/types/path.h"
#include "provider/framework/types/value.h"

namespace tf::testing {

using ResourceFactory = std::function<std::unique_ptr<Resource>()>;

struct PlannedChange {
  Value plan{};
  std::vector<Path> requires_replace{};
  Diagnostics diagnostics{};
};

// Terraform's proposed new state for top-level attributes: `config`, with
// each computed attribute that is null in config taking its `prior` value
// (a null `prior`, on create, leaves it null). Nested blocks are `config`'s.
[[nodiscard]] Value ProposedNewState(const Schema& schema, const Value& config,
                                     const Value& prior);

// Plans `config` against `prior` (null: create; a null `config`: destroy).
[[nodiscard]] PlannedChange PlanResourceChange(const ResourceFactory& factory,
                                               const Value& config,
                                               const Value& prior);

// ValidateResourceConfig: the schema's validators, then the resource's
// WithValidateConfig.
[[nodiscard]] Diagnostics ValidateResourceConfig(const ResourceFactory& factory,
                                                 const Value& config);

}  // namespace tf::testing
