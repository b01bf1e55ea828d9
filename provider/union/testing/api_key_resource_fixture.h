// api_key_resource_fixture.h: the union_api_key resource against a
// FakeBackend, planned and validated by the framework's own steps
// (tf::testing::PlanResourceChange / ValidateResourceConfig), for the
// resource's test files.
#pragma once

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/framework/testing/resource_steps.h"
#include "provider/union/api_key_resource.h"
#include "provider/union/testing/fake_backend.h"

namespace union_provider::testing {

class ApiKeyResourceTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeBackend> fake_ = std::make_shared<FakeBackend>();
  ApiKeyResource r_{fake_};
  tf::Schema schema_ = r_.GetSchema();
  tf::testing::ResourceFactory factory_ = [fake = fake_] {
    return std::make_unique<ApiKeyResource>(fake);
  };

  tf::Value Config(const std::string& name) {
    return tf::NullAttributes(schema_.ValueType())
        .WithAttr("name", tf::Value::String(name));
  }

  tf::Value PrefixConfig(const std::string& prefix) {
    return tf::NullAttributes(schema_.ValueType())
        .WithAttr("name_prefix", tf::Value::String(prefix));
  }

  tf::Value NoState() { return tf::Value::Null(schema_.ValueType()); }

  // ValidateResourceConfig: the schema's validators and ValidateConfig.
  tf::Diagnostics Validate(const tf::Value& config) {
    return tf::testing::ValidateResourceConfig(factory_, config);
  }

  // PlanResourceChange, as the framework runs it.
  tf::testing::PlannedChange Plan(const tf::Value& config,
                                  const tf::Value& prior) {
    return tf::testing::PlanResourceChange(factory_, config, prior);
  }

  // Plans `config` as a create and runs Create; the response as the
  // resource left it (state pre-filled with the plan, as the framework does).
  // The plan goes to `plan_out` when it is not null.
  tf::CreateResponse CreateAfterPlan(const tf::Value& config,
                                     tf::Value* plan_out = nullptr) {
    tf::testing::PlannedChange p = Plan(config, NoState());
    EXPECT_FALSE(p.diagnostics.HasError());
    tf::CreateResponse cr;
    cr.state = p.plan;
    r_.Create(tf::Context(), {.config = config, .plan = p.plan}, cr);
    if (plan_out != nullptr) *plan_out = p.plan;
    return cr;
  }

  // Plans and creates `config`; the new state, expecting no error.
  tf::Value Apply(const tf::Value& config) {
    tf::Value plan;
    tf::CreateResponse resp = CreateAfterPlan(config, &plan);
    EXPECT_FALSE(resp.diagnostics.HasError())
        << resp.diagnostics.items()[0].summary << ": "
        << resp.diagnostics.items()[0].detail;
    return resp.state;
  }

  tf::ReadResponse Read(const tf::Value& state) {
    tf::ReadResponse resp;
    resp.state = state;
    r_.Read(tf::Context(), {.state = state}, resp);
    return resp;
  }
};

}  // namespace union_provider::testing
