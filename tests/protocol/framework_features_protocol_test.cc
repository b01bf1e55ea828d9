// framework_features_protocol_test: tf_framework_testbin (a provider built
// on tf::Serve) driven over gRPC with AutoMTLS like the CLI drives it:
// functions, ephemeral resources and resource identity, field by field.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "provider/framework/proto6/wire_expect.h"
#include "provider/framework/types/msgpack.h"
#include "tests/protocol/plugin_harness.h"
#include "tests/protocol/provider_rpc.h"
#include "tfplugin6.grpc.pb.h"

namespace tfpu::testing {
namespace {

using tf::Type;
using tf::Value;
using tf::proto6::ExpectIdentitySchema;
using tf::proto6::ExpectParameter;

constexpr auto Dv = EncodeDynamic;
constexpr auto Dec = DecodeDynamic;

const Type kSecretType =
    Type::Object({{"name", Type::String()}, {"value", Type::String()}});
const Type kItemType =
    Type::Object({{"name", Type::String()}, {"id", Type::String()}});
const Type kKeyType = Type::Object({{"key", Type::String()}});

Value Item(Value name, Value id) {
  return Value::Object({{"name", std::move(name)}, {"id", std::move(id)}});
}
Value Key(const std::string& k) {
  return Value::Object({{"key", Value::String(k)}});
}

using Stub = tfplugin6::Provider::Stub;

class FrameworkFeaturesTest : public ProviderProcessTest {
 protected:
  void SetUp() override { Connect(harness_.StartFramework(harness_.CliEnv())); }

  // Plans the create of a `type_name` item from `config`, expecting no
  // diagnostics and no planned identity (it stays null until Create), then
  // applies that plan, expecting no diagnostics; the apply answer.
  tfplugin6::ApplyResourceChange::Response PlanAndApplyCreate(
      const std::string& type_name, const Value& config) {
    const Value null = Value::Null(kItemType);
    tfplugin6::PlanResourceChange::Request preq;
    preq.set_type_name(type_name);
    *preq.mutable_prior_state() = Dv(null, kItemType);
    *preq.mutable_proposed_new_state() = Dv(config, kItemType);
    *preq.mutable_config() = Dv(config, kItemType);
    auto presp = Rpc(&Stub::PlanResourceChange, preq);
    EXPECT_EQ(presp.diagnostics_size(), 0);
    EXPECT_FALSE(presp.has_planned_identity());

    tfplugin6::ApplyResourceChange::Request areq;
    areq.set_type_name(type_name);
    *areq.mutable_prior_state() = Dv(null, kItemType);
    *areq.mutable_planned_state() = presp.planned_state();
    *areq.mutable_config() = Dv(config, kItemType);
    auto aresp = Rpc(&Stub::ApplyResourceChange, areq);
    EXPECT_EQ(aresp.diagnostics_size(), 0);
    return aresp;
  }

  // Imports a `type_name` by `id`, expecting no diagnostics; the answer.
  tfplugin6::ImportResourceState::Response ImportById(
      const std::string& type_name, const std::string& id) {
    tfplugin6::ImportResourceState::Request req;
    req.set_type_name(type_name);
    req.set_id(id);
    auto resp = Rpc(&Stub::ImportResourceState, req);
    EXPECT_EQ(resp.diagnostics_size(), 0);
    return resp;
  }
};

TEST_F(FrameworkFeaturesTest, MetadataAndProviderSchemaListTheNewKinds) {
  auto meta = Rpc(&Stub::GetMetadata, {});
  ASSERT_EQ(meta.functions_size(), 1);
  EXPECT_EQ(meta.functions(0).name(), "join");
  ASSERT_EQ(meta.ephemeral_resources_size(), 1);
  EXPECT_EQ(meta.ephemeral_resources(0).type_name(), "fwtest_secret");
  EXPECT_EQ(meta.resources_size(), 2);
  EXPECT_TRUE(meta.server_capabilities().plan_destroy());
  EXPECT_FALSE(meta.server_capabilities().get_provider_schema_optional());
  EXPECT_FALSE(meta.server_capabilities().move_resource_state());
  EXPECT_FALSE(meta.server_capabilities().generate_resource_config());
  EXPECT_EQ(meta.diagnostics_size(), 0);

  auto schema = Rpc(&Stub::GetProviderSchema, {});
  EXPECT_EQ(schema.diagnostics_size(), 0);
  ASSERT_EQ(schema.functions().count("join"), 1u);
  EXPECT_EQ(schema.functions().at("join").summary(), "Joins strings");
  ASSERT_EQ(schema.ephemeral_resource_schemas().count("fwtest_secret"), 1u);
  const auto& block =
      schema.ephemeral_resource_schemas().at("fwtest_secret").block();
  ASSERT_EQ(block.attributes_size(), 2);
  EXPECT_EQ(block.attributes(0).name(), "name");
  EXPECT_TRUE(block.attributes(0).required());
  EXPECT_EQ(block.attributes(1).name(), "value");
  EXPECT_TRUE(block.attributes(1).computed());
  EXPECT_TRUE(block.attributes(1).sensitive());
}

TEST_F(FrameworkFeaturesTest, GetFunctionsFieldByField) {
  auto resp = Rpc(&Stub::GetFunctions, {});
  EXPECT_EQ(resp.diagnostics_size(), 0);
  ASSERT_EQ(resp.functions_size(), 1);
  const tfplugin6::Function& f = resp.functions().at("join");
  ASSERT_EQ(f.parameters_size(), 1);
  ExpectParameter(f.parameters(0),
                  {.name = "sep", .description = "Separator."});
  ASSERT_TRUE(f.has_variadic_parameter());
  ExpectParameter(f.variadic_parameter(),
                  {.name = "parts", .allow_null_value = true});
  EXPECT_EQ(f.return_().type(), "\"string\"");
  EXPECT_EQ(f.description(),
            "Joins `parts` with `sep`; null parts are skipped.");
  EXPECT_EQ(f.description_kind(), tfplugin6::MARKDOWN);
  EXPECT_EQ(f.deprecation_message(), "");
}

TEST_F(FrameworkFeaturesTest, CallFunction) {
  const Type s = Type::String();
  auto ok = Call("join", {Dv(Value::String(","), s), Dv(Value::String("a"), s),
                          Dv(Value::Null(s), s), Dv(Value::String("b"), s)});
  EXPECT_FALSE(ok.has_error()) << ok.error().text();
  EXPECT_EQ(Dec(ok.result(), s), Value::String("a,b"));

  auto bad =
      Call("join", {Dv(Value::String(""), s), Dv(Value::String("a"), s)});
  ASSERT_TRUE(bad.has_error());
  EXPECT_EQ(bad.error().text(), "sep must not be empty");
  ASSERT_TRUE(bad.error().has_function_argument());
  EXPECT_EQ(bad.error().function_argument(), 0);
  EXPECT_FALSE(bad.has_result());

  auto null_sep = Call("join", {Dv(Value::Null(s), s)});
  ASSERT_TRUE(null_sep.has_error());
  EXPECT_EQ(null_sep.error().function_argument(), 0);
  EXPECT_THAT(null_sep.error().text(), ::testing::HasSubstr("\"sep\""));

  auto none = Call("join", {});
  ASSERT_TRUE(none.has_error());
  EXPECT_FALSE(none.error().has_function_argument());

  auto unknown =
      Call("join", {Dv(Value::String(","), s), Dv(Value::Unknown(s), s)});
  EXPECT_FALSE(unknown.has_error());
  EXPECT_FALSE(Dec(unknown.result(), s).IsKnown());

  tfplugin6::CallFunction::Request missing;
  missing.set_name("nope");
  auto nope = Rpc(&Stub::CallFunction, missing);
  ASSERT_TRUE(nope.has_error());
  EXPECT_THAT(nope.error().text(), ::testing::HasSubstr("\"nope\""));
}

TEST_F(FrameworkFeaturesTest, EphemeralResourceLifecycle) {
  tfplugin6::ValidateEphemeralResourceConfig::Request vreq;
  vreq.set_type_name("fwtest_secret");
  *vreq.mutable_config() =
      Dv(Value::Object({{"name", Value::String("much-too-long")},
                        {"value", Value::Null(Type::String())}}),
         kSecretType);
  auto vresp = Rpc(&Stub::ValidateEphemeralResourceConfig, vreq);
  ASSERT_EQ(vresp.diagnostics_size(), 1);
  EXPECT_EQ(vresp.diagnostics(0).severity(), tfplugin6::Diagnostic::ERROR);
  ASSERT_EQ(vresp.diagnostics(0).attribute().steps_size(), 1);
  EXPECT_EQ(vresp.diagnostics(0).attribute().steps(0).attribute_name(), "name");

  tfplugin6::OpenEphemeralResource::Request oreq;
  oreq.set_type_name("fwtest_secret");
  *oreq.mutable_config() =
      Dv(Value::Object({{"name", Value::String("db")},
                        {"value", Value::Null(Type::String())}}),
         kSecretType);
  oreq.mutable_client_capabilities()->set_deferral_allowed(true);
  auto oresp = Rpc(&Stub::OpenEphemeralResource, oreq);
  EXPECT_EQ(oresp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(oresp.result(), kSecretType),
            Value::Object({{"name", Value::String("db")},
                           {"value", Value::String("v-db")}}));
  ASSERT_TRUE(oresp.has_private_());
  EXPECT_EQ(oresp.private_(), "p-db");
  ASSERT_TRUE(oresp.has_renew_at());
  EXPECT_EQ(oresp.renew_at().seconds(), 4'102'444'800);
  EXPECT_EQ(oresp.renew_at().nanos(), 0);
  EXPECT_FALSE(oresp.has_deferred());

  tfplugin6::RenewEphemeralResource::Request rreq;
  rreq.set_type_name("fwtest_secret");
  rreq.set_private_(oresp.private_());
  auto rresp = Rpc(&Stub::RenewEphemeralResource, rreq);
  EXPECT_EQ(rresp.diagnostics_size(), 0);
  EXPECT_EQ(rresp.private_(), "p-db+r");
  EXPECT_EQ(rresp.renew_at().seconds(), 4'102'444'800);

  tfplugin6::CloseEphemeralResource::Request creq;
  creq.set_type_name("fwtest_secret");
  creq.set_private_(rresp.private_());
  auto cresp = Rpc(&Stub::CloseEphemeralResource, creq);
  EXPECT_EQ(cresp.diagnostics_size(), 0);

  creq.set_private_("forged");
  cresp = Rpc(&Stub::CloseEphemeralResource, creq);
  ASSERT_EQ(cresp.diagnostics_size(), 1);
  EXPECT_EQ(cresp.diagnostics(0).summary(), "Unknown lease");
}

TEST_F(FrameworkFeaturesTest, ResourceIdentitySchemas) {
  auto resp = Rpc(&Stub::GetResourceIdentitySchemas, {});
  EXPECT_EQ(resp.diagnostics_size(), 0);
  ASSERT_EQ(resp.identity_schemas_size(), 1);  // fwtest_plain has none
  ExpectIdentitySchema(resp.identity_schemas().at("fwtest_item"), 1,
                       {{.name = "key",
                         .required_for_import = true,
                         .description = "The item id."}});
}

TEST_F(FrameworkFeaturesTest, IdentityThroughPlanApplyReadAndImport) {
  auto aresp = PlanAndApplyCreate(
      "fwtest_item", Item(Value::String("one"), Value::Null(Type::String())));
  const Value created = Item(Value::String("one"), Value::String("item-one"));
  EXPECT_EQ(Dec(aresp.new_state(), kItemType), created);
  ASSERT_TRUE(aresp.has_new_identity());
  EXPECT_EQ(Dec(aresp.new_identity().identity_data(), kKeyType),
            Key("item-one"));

  // Read carries it back.
  tfplugin6::ReadResource::Request rreq;
  rreq.set_type_name("fwtest_item");
  *rreq.mutable_current_state() = aresp.new_state();
  *rreq.mutable_current_identity() = aresp.new_identity();
  auto rresp = Rpc(&Stub::ReadResource, rreq);
  EXPECT_EQ(rresp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(rresp.new_identity().identity_data(), kKeyType),
            Key("item-one"));

  // A stored identity that no longer matches is rejected.
  *rreq.mutable_current_identity()->mutable_identity_data() =
      Dv(Key("item-other"), kKeyType);
  rresp = Rpc(&Stub::ReadResource, rreq);
  ASSERT_EQ(rresp.diagnostics_size(), 1);
  EXPECT_EQ(rresp.diagnostics(0).summary(), "Unexpected identity change");

  // An update plan keeps the prior identity.
  const Value updated_config =
      Item(Value::String("one"), Value::Null(Type::String()));
  tfplugin6::PlanResourceChange::Request preq;
  preq.set_type_name("fwtest_item");
  *preq.mutable_prior_state() = aresp.new_state();
  *preq.mutable_proposed_new_state() = aresp.new_state();
  *preq.mutable_config() = Dv(updated_config, kItemType);
  *preq.mutable_prior_identity() = aresp.new_identity();
  auto presp = Rpc(&Stub::PlanResourceChange, preq);
  EXPECT_EQ(presp.diagnostics_size(), 0);
  ASSERT_TRUE(presp.has_planned_identity());
  EXPECT_EQ(Dec(presp.planned_identity().identity_data(), kKeyType),
            Key("item-one"));

  // Import by id: state from the id, identity left for Read.
  auto iresp = ImportById("fwtest_item", "item-two");
  ASSERT_EQ(iresp.imported_resources_size(), 1);
  EXPECT_EQ(Dec(iresp.imported_resources(0).state(), kItemType).Attr("id"),
            Value::String("item-two"));
  EXPECT_FALSE(iresp.imported_resources(0).has_identity());

  // Import by identity: the import hook receives the identity.
  tfplugin6::ImportResourceState::Request ireq;
  ireq.set_type_name("fwtest_item");
  *ireq.mutable_identity()->mutable_identity_data() =
      Dv(Key("item-three"), kKeyType);
  iresp = Rpc(&Stub::ImportResourceState, ireq);
  EXPECT_EQ(iresp.diagnostics_size(), 0);
  ASSERT_EQ(iresp.imported_resources_size(), 1);
  EXPECT_EQ(iresp.imported_resources(0).type_name(), "fwtest_item");
  EXPECT_EQ(Dec(iresp.imported_resources(0).state(), kItemType).Attr("id"),
            Value::String("item-three"));
  ASSERT_TRUE(iresp.imported_resources(0).has_identity());
  EXPECT_EQ(
      Dec(iresp.imported_resources(0).identity().identity_data(), kKeyType),
      Key("item-three"));

  // ... and the Read that follows fills the rest.
  rreq.Clear();
  rreq.set_type_name("fwtest_item");
  *rreq.mutable_current_state() = iresp.imported_resources(0).state();
  *rreq.mutable_current_identity() = iresp.imported_resources(0).identity();
  rresp = Rpc(&Stub::ReadResource, rreq);
  EXPECT_EQ(rresp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(rresp.new_state(), kItemType),
            Item(Value::String("three"), Value::String("item-three")));

  // Import by identity without the required attribute.
  *ireq.mutable_identity()->mutable_identity_data() =
      Dv(Value::Object({{"key", Value::Null(Type::String())}}), kKeyType);
  iresp = Rpc(&Stub::ImportResourceState, ireq);
  ASSERT_EQ(iresp.diagnostics_size(), 1);
  EXPECT_EQ(iresp.diagnostics(0).summary(),
            "Missing required identity attribute");
  EXPECT_EQ(iresp.imported_resources_size(), 0);
}

TEST_F(FrameworkFeaturesTest, UpgradeResourceIdentity) {
  tfplugin6::UpgradeResourceIdentity::Request req;
  req.set_type_name("fwtest_item");
  req.set_version(0);
  req.mutable_raw_identity()->set_json(R"({"id":"item-old"})");
  auto resp = Rpc(&Stub::UpgradeResourceIdentity, req);
  EXPECT_EQ(resp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(resp.upgraded_identity().identity_data(), kKeyType),
            Key("item-old"));

  req.set_version(1);
  req.mutable_raw_identity()->set_json(R"({"key":"item-cur"})");
  resp = Rpc(&Stub::UpgradeResourceIdentity, req);
  EXPECT_EQ(resp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(resp.upgraded_identity().identity_data(), kKeyType),
            Key("item-cur"));

  req.set_version(2);
  resp = Rpc(&Stub::UpgradeResourceIdentity, req);
  ASSERT_EQ(resp.diagnostics_size(), 1);
  EXPECT_EQ(resp.diagnostics(0).summary(),
            "Unable to upgrade resource identity");
  EXPECT_FALSE(resp.has_upgraded_identity());
}

TEST_F(FrameworkFeaturesTest, ResourceWithoutIdentityKeepsTheFieldsEmpty) {
  auto aresp = PlanAndApplyCreate(
      "fwtest_plain", Item(Value::String("p"), Value::Null(Type::String())));
  EXPECT_FALSE(aresp.has_new_identity());

  tfplugin6::ReadResource::Request rreq;
  rreq.set_type_name("fwtest_plain");
  *rreq.mutable_current_state() = aresp.new_state();
  auto rresp = Rpc(&Stub::ReadResource, rreq);
  EXPECT_EQ(rresp.diagnostics_size(), 0);
  EXPECT_FALSE(rresp.has_new_identity());

  auto iresp = ImportById("fwtest_plain", "item-p");
  ASSERT_EQ(iresp.imported_resources_size(), 1);
  EXPECT_FALSE(iresp.imported_resources(0).has_identity());

  // Import by identity is refused for it.
  tfplugin6::ImportResourceState::Request ireq;
  ireq.set_type_name("fwtest_plain");
  *ireq.mutable_identity()->mutable_identity_data() = Dv(Key("x"), kKeyType);
  iresp = Rpc(&Stub::ImportResourceState, ireq);
  ASSERT_EQ(iresp.diagnostics_size(), 1);
  EXPECT_EQ(iresp.diagnostics(0).summary(), "Resource Identity Not Supported");
}

}  // namespace
}  // namespace tfpu::testing
