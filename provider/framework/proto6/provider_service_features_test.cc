// The tfplugin6 service called directly for functions, ephemeral resources
// and resource identity: wire fields both ways, and that ephemeral values
// never reach a log line (a capturing sink at TRACE).
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "provider/framework/log/log.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/wire_expect.h"
#include "provider/framework/server/test_schema.h"
#include "provider/framework/testing/fakes.h"
#include "provider/framework/types/msgpack.h"

namespace tf::proto6::internal {
namespace {

using tf::testing::FakeEphemeralScript;
using tf::testing::FakeFunctionScript;
using tf::testing::FakeProvider;
using tf::testing::FakeProviderScript;
using tf::testing::FakeResourceScript;
// The ephemeral secret, identity and identity values of the server tests.
using server::test::Key;
using server::test::KeyIdentity;
using server::test::SecretConfig;
using server::test::SecretSchema;

constexpr char kSecret[] = "hunter2-ephemeral";
constexpr char kLease[] = "lease-private-77";

Schema ThingSchema() {
  return Schema{.block = {.attributes = {{.name = "id",
                                          .type = Type::String(),
                                          .presence = Presence::kComputed}}}};
}

tfplugin6::DynamicValue Dv(const Value& v, const Type& t) {
  tfplugin6::DynamicValue out;
  absl::StatusOr<std::string> bytes = EncodeMsgpack(v, t);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  out.set_msgpack(*bytes);
  return out;
}

Value Dec(const tfplugin6::DynamicValue& dv, const Type& t) {
  absl::StatusOr<Value> v = DecodeMsgpack(dv.msgpack(), t);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : Value();
}

class FeaturesTest : public ::testing::Test {
 protected:
  FeaturesTest() {
    auto upper = std::make_shared<FakeFunctionScript>();
    upper->name = "upper";
    upper->definition = {
        .parameters = {{.name = "input",
                        .type = Type::String(),
                        .description = "text"}},
        .variadic_parameter = FunctionParameter{.name = "more",
                                                .type = Type::Number(),
                                                .allow_unknown_values = true},
        .return_type = Type::String(),
        .summary = "Upper-cases",
        .description = "Upper-cases input.",
        .deprecation_message = "use lower"};
    upper->run = [](const FunctionRunRequest& req, FunctionRunResponse& resp) {
      std::string s = req.arguments[0].AsString();
      if (s == "bad") {
        resp.error =
            FunctionError{.text = "input must not be bad", .argument = 0};
        return;
      }
      for (char& c : s) c = static_cast<char>(std::toupper(c));
      resp.result = Value::String(s);
    };
    auto secret = std::make_shared<FakeEphemeralScript>();
    secret->schema = SecretSchema();
    secret->open = [](const OpenEphemeralRequest&,
                      OpenEphemeralResponse& resp) {
      resp.result = resp.result.WithAttr("value", Value::String(kSecret));
      resp.private_data = kLease;
      resp.renew_at = std::chrono::system_clock::time_point(
          std::chrono::seconds(1'900'000'000) + std::chrono::milliseconds(5));
    };
    secret->renew = [](const RenewEphemeralRequest& req,
                       RenewEphemeralResponse& resp) {
      resp.private_data = req.private_data + "-renewed";
    };
    secret->close = [this](const CloseEphemeralRequest& req,
                           CloseEphemeralResponse&) {
      closed_ = req.private_data;
    };
    auto thing = std::make_shared<FakeResourceScript>();
    thing->type_name = "fake_thing";
    thing->schema = ThingSchema();
    thing->identity_schema = KeyIdentity();
    thing->create = [](const CreateRequest&, CreateResponse& resp) {
      resp.state = resp.state.WithAttr("id", Value::String("id-1"));
      resp.identity = Key("id-1");
    };
    thing->read = [](const ReadRequest& req, ReadResponse& resp) {
      resp.identity = Key(req.state.Attr("id").AsString());
    };
    thing->import_state = [](const ImportStateRequest& req,
                             ImportStateResponse& resp) {
      ImportStatePassthroughWithIdentity(Path::Root("id"), "key", req, resp);
    };
    auto plain = std::make_shared<FakeResourceScript>();
    plain->type_name = "fake_plain";
    plain->schema = ThingSchema();
    plain->create = [](const CreateRequest&, CreateResponse& resp) {
      resp.state = resp.state.WithAttr("id", Value::String("p-1"));
    };
    FakeProviderScript p;
    p.functions = {upper};
    p.ephemeral_resources = {secret};
    p.resources = {thing, plain};
    service_ =
        std::make_unique<ProviderService>(std::make_unique<FakeProvider>(p));
  }

  tfplugin6::CallFunction::Response Call(std::vector<Value> args,
                                         const std::string& name = "upper") {
    tfplugin6::CallFunction::Request req;
    req.set_name(name);
    for (size_t i = 0; i < args.size(); ++i) {
      *req.add_arguments() =
          Dv(args[i], i == 0 ? Type::String() : Type::Number());
    }
    tfplugin6::CallFunction::Response resp;
    EXPECT_TRUE(service_->CallFunction(&ctx_, &req, &resp).ok());
    return resp;
  }

  struct Created {
    tfplugin6::PlanResourceChange::Response plan;
    tfplugin6::ApplyResourceChange::Response apply;
  };
  // Plans the create of a `type_name` (of ThingSchema) from `config`, then
  // applies that plan.
  Created PlanAndApplyCreate(const std::string& type_name,
                             const Value& config) {
    const Type t = ThingSchema().ValueType();
    Created out;
    tfplugin6::PlanResourceChange::Request plan;
    plan.set_type_name(type_name);
    *plan.mutable_prior_state() = Dv(Value::Null(t), t);
    *plan.mutable_proposed_new_state() = Dv(config, t);
    *plan.mutable_config() = Dv(config, t);
    EXPECT_TRUE(service_->PlanResourceChange(&ctx_, &plan, &out.plan).ok());
    tfplugin6::ApplyResourceChange::Request apply;
    apply.set_type_name(type_name);
    *apply.mutable_prior_state() = plan.prior_state();
    *apply.mutable_planned_state() = out.plan.planned_state();
    *apply.mutable_config() = plan.config();
    EXPECT_TRUE(service_->ApplyResourceChange(&ctx_, &apply, &out.apply).ok());
    return out;
  }

  // Opens a fake_secret named "db".
  tfplugin6::OpenEphemeralResource::Response OpenSecret() {
    const Type t = SecretSchema().ValueType();
    tfplugin6::OpenEphemeralResource::Request req;
    req.set_type_name("fake_secret");
    *req.mutable_config() = Dv(SecretConfig("db"), t);
    tfplugin6::OpenEphemeralResource::Response resp;
    EXPECT_TRUE(service_->OpenEphemeralResource(&ctx_, &req, &resp).ok());
    return resp;
  }

  // Calls RenewEphemeralResource or CloseEphemeralResource (`rpc`) for a
  // `type_name` holding `private_data`.
  template <typename Request, typename Response>
  Response CallWithPrivate(grpc::Status (ProviderService::*rpc)(
                               grpc::ServerContext*, const Request*, Response*),
                           const std::string& type_name,
                           const std::string& private_data) {
    Request req;
    req.set_type_name(type_name);
    req.set_private_(private_data);
    Response resp;
    EXPECT_TRUE((service_.get()->*rpc)(&ctx_, &req, &resp).ok());
    return resp;
  }

  std::unique_ptr<ProviderService> service_;
  grpc::ServerContext ctx_;
  std::string closed_;
};

TEST_F(FeaturesTest, MetadataAndSchemaListFunctionsAndEphemeralResources) {
  tfplugin6::ProviderMetadata::Request mreq;
  tfplugin6::ProviderMetadata::Response mresp;
  ASSERT_TRUE(service_->GetMetadata(&ctx_, &mreq, &mresp).ok());
  ASSERT_EQ(mresp.functions_size(), 1);
  EXPECT_EQ(mresp.functions(0).name(), "upper");
  ASSERT_EQ(mresp.ephemeral_resources_size(), 1);
  EXPECT_EQ(mresp.ephemeral_resources(0).type_name(), "fake_secret");
  EXPECT_TRUE(mresp.server_capabilities().plan_destroy());

  tfplugin6::GetProviderSchema::Request sreq;
  tfplugin6::GetProviderSchema::Response sresp;
  ASSERT_TRUE(service_->GetProviderSchema(&ctx_, &sreq, &sresp).ok());
  ASSERT_EQ(sresp.ephemeral_resource_schemas().count("fake_secret"), 1u);
  EXPECT_TRUE(sresp.ephemeral_resource_schemas()
                  .at("fake_secret")
                  .block()
                  .attributes(1)
                  .sensitive());
  ASSERT_EQ(sresp.functions().count("upper"), 1u);
}

TEST_F(FeaturesTest, GetFunctionsFieldByField) {
  tfplugin6::GetFunctions::Request req;
  tfplugin6::GetFunctions::Response resp;
  ASSERT_TRUE(service_->GetFunctions(&ctx_, &req, &resp).ok());
  ASSERT_EQ(resp.functions().count("upper"), 1u);
  const tfplugin6::Function& f = resp.functions().at("upper");
  ASSERT_EQ(f.parameters_size(), 1);
  ExpectParameter(f.parameters(0), {.name = "input", .description = "text"});
  ASSERT_TRUE(f.has_variadic_parameter());
  ExpectParameter(
      f.variadic_parameter(),
      {.name = "more", .type = "\"number\"", .allow_unknown_values = true});
  EXPECT_EQ(f.return_().type(), "\"string\"");
  EXPECT_EQ(f.summary(), "Upper-cases");
  EXPECT_EQ(f.description(), "Upper-cases input.");
  EXPECT_EQ(f.deprecation_message(), "use lower");
}

TEST_F(FeaturesTest, CallFunctionResultAndErrors) {
  tfplugin6::CallFunction::Response r = Call({Value::String("abc")});
  EXPECT_FALSE(r.has_error());
  EXPECT_EQ(Dec(r.result(), Type::String()), Value::String("ABC"));

  r = Call({Value::String("bad")});
  ASSERT_TRUE(r.has_error());
  EXPECT_EQ(r.error().text(), "input must not be bad");
  ASSERT_TRUE(r.error().has_function_argument());
  EXPECT_EQ(r.error().function_argument(), 0);

  r = Call({Value::String("x"), Value::Int(1), Value::Null(Type::Number())});
  ASSERT_TRUE(r.has_error());
  EXPECT_EQ(r.error().function_argument(), 2);

  r = Call({});
  ASSERT_TRUE(r.has_error());
  EXPECT_FALSE(r.error().has_function_argument());

  r = Call({Value::String("x")}, "nope");
  ASSERT_TRUE(r.has_error());

  // An argument that does not decode: an error on that argument.
  tfplugin6::CallFunction::Request req;
  req.set_name("upper");
  req.add_arguments()->set_msgpack(
      std::string("\xc3", 1));  // true, not a string
  tfplugin6::CallFunction::Response resp;
  ASSERT_TRUE(service_->CallFunction(&ctx_, &req, &resp).ok());
  ASSERT_TRUE(resp.has_error());
  EXPECT_EQ(resp.error().function_argument(), 0);
  EXPECT_NE(resp.error().text().find("\"input\""), std::string::npos);

  // Unknown to a parameter without allow_unknown_values: unknown result.
  r = Call({Value::Unknown(Type::String())});
  EXPECT_FALSE(r.has_error());
  EXPECT_FALSE(Dec(r.result(), Type::String()).IsKnown());
}

TEST_F(FeaturesTest, EphemeralLifecycleOnTheWire) {
  const Type t = SecretSchema().ValueType();
  tfplugin6::ValidateEphemeralResourceConfig::Request vreq;
  vreq.set_type_name("fake_secret");
  *vreq.mutable_config() = Dv(SecretConfig("db"), t);
  tfplugin6::ValidateEphemeralResourceConfig::Response vresp;
  ASSERT_TRUE(
      service_->ValidateEphemeralResourceConfig(&ctx_, &vreq, &vresp).ok());
  EXPECT_EQ(vresp.diagnostics_size(), 0);

  tfplugin6::OpenEphemeralResource::Response oresp = OpenSecret();
  EXPECT_EQ(oresp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(oresp.result(), t).Attr("value"), Value::String(kSecret));
  ASSERT_TRUE(oresp.has_private_());
  EXPECT_EQ(oresp.private_(), kLease);
  ASSERT_TRUE(oresp.has_renew_at());
  EXPECT_EQ(oresp.renew_at().seconds(), 1'900'000'000);
  EXPECT_EQ(oresp.renew_at().nanos(), 5'000'000);
  EXPECT_FALSE(oresp.has_deferred());

  tfplugin6::RenewEphemeralResource::Response rresp =
      CallWithPrivate(&ProviderService::RenewEphemeralResource, "fake_secret",
                      oresp.private_());
  EXPECT_EQ(rresp.private_(), std::string(kLease) + "-renewed");
  EXPECT_FALSE(rresp.has_renew_at());

  tfplugin6::CloseEphemeralResource::Response cresp =
      CallWithPrivate(&ProviderService::CloseEphemeralResource, "fake_secret",
                      rresp.private_());
  EXPECT_EQ(cresp.diagnostics_size(), 0);
  EXPECT_EQ(closed_, std::string(kLease) + "-renewed");

  cresp = CallWithPrivate(&ProviderService::CloseEphemeralResource, "nope",
                          rresp.private_());
  ASSERT_EQ(cresp.diagnostics_size(), 1);
  EXPECT_EQ(cresp.diagnostics(0).summary(),
            "Ephemeral Resource Type Not Found");
}

TEST_F(FeaturesTest, EphemeralValuesNeverReachTheLog) {
  std::string captured;
  tf::log::SetLevel(tf::log::Level::kTrace);
  tf::log::SetSinkForTesting(
      [&captured](std::string_view line) { captured.append(line); });
  tfplugin6::OpenEphemeralResource::Response oresp = OpenSecret();
  auto renewed = CallWithPrivate(&ProviderService::RenewEphemeralResource,
                                 "fake_secret", oresp.private_());
  CallWithPrivate(&ProviderService::CloseEphemeralResource, "fake_secret",
                  renewed.private_());
  Call({Value::String(kSecret)});
  tf::log::SetSinkForTesting(nullptr);
  tf::log::SetLevel(tf::log::Level::kOff);

  // The calls were logged (so the sink saw them) ...
  EXPECT_NE(captured.find("OpenEphemeralResource"), std::string::npos);
  EXPECT_NE(captured.find("RenewEphemeralResource"), std::string::npos);
  EXPECT_NE(captured.find("CloseEphemeralResource"), std::string::npos);
  EXPECT_NE(captured.find("CallFunction"), std::string::npos);
  // ... and neither the result, the private data nor an argument was.
  EXPECT_EQ(oresp.private_(), kLease);  // the values did exist
  EXPECT_EQ(captured.find(kSecret), std::string::npos);
  EXPECT_EQ(captured.find(kLease), std::string::npos);
  EXPECT_EQ(captured.find("HUNTER2"), std::string::npos);
}

TEST_F(FeaturesTest, IdentitySchemasAndRoundTrips) {
  tfplugin6::GetResourceIdentitySchemas::Request greq;
  tfplugin6::GetResourceIdentitySchemas::Response gresp;
  ASSERT_TRUE(service_->GetResourceIdentitySchemas(&ctx_, &greq, &gresp).ok());
  ASSERT_EQ(gresp.identity_schemas_size(), 1);
  ExpectIdentitySchema(gresp.identity_schemas().at("fake_thing"), 1,
                       {{.name = "key",
                         .required_for_import = true,
                         .description = "The thing's id."}});

  const Type st = ThingSchema().ValueType();
  const Type it = KeyIdentity().ValueType();
  const Value state = Value::Object({{"id", Value::String("id-1")}});
  tfplugin6::ReadResource::Request rreq;
  rreq.set_type_name("fake_thing");
  *rreq.mutable_current_state() = Dv(state, st);
  *rreq.mutable_current_identity()->mutable_identity_data() =
      Dv(Key("id-1"), it);
  tfplugin6::ReadResource::Response rresp;
  ASSERT_TRUE(service_->ReadResource(&ctx_, &rreq, &rresp).ok());
  EXPECT_EQ(rresp.diagnostics_size(), 0);
  ASSERT_TRUE(rresp.has_new_identity());
  EXPECT_EQ(Dec(rresp.new_identity().identity_data(), it), Key("id-1"));

  // Import by identity.
  tfplugin6::ImportResourceState::Request ireq;
  ireq.set_type_name("fake_thing");
  *ireq.mutable_identity()->mutable_identity_data() = Dv(Key("id-5"), it);
  tfplugin6::ImportResourceState::Response iresp;
  ASSERT_TRUE(service_->ImportResourceState(&ctx_, &ireq, &iresp).ok());
  ASSERT_EQ(iresp.diagnostics_size(), 0);
  ASSERT_EQ(iresp.imported_resources_size(), 1);
  EXPECT_EQ(Dec(iresp.imported_resources(0).state(), st).Attr("id"),
            Value::String("id-5"));
  EXPECT_EQ(Dec(iresp.imported_resources(0).identity().identity_data(), it),
            Key("id-5"));

  // UpgradeResourceIdentity at the current version.
  tfplugin6::UpgradeResourceIdentity::Request ureq;
  ureq.set_type_name("fake_thing");
  ureq.set_version(1);
  ureq.mutable_raw_identity()->set_json(R"({"key":"id-1"})");
  tfplugin6::UpgradeResourceIdentity::Response uresp;
  ASSERT_TRUE(service_->UpgradeResourceIdentity(&ctx_, &ureq, &uresp).ok());
  EXPECT_EQ(uresp.diagnostics_size(), 0);
  EXPECT_EQ(Dec(uresp.upgraded_identity().identity_data(), it), Key("id-1"));
}

TEST_F(FeaturesTest, ResourcesWithoutIdentitySendNoIdentity) {
  const Value config = Value::Object({{"id", Value::Null(Type::String())}});
  Created plain = PlanAndApplyCreate("fake_plain", config);
  EXPECT_EQ(plain.plan.diagnostics_size(), 0);
  EXPECT_FALSE(plain.plan.has_planned_identity());
  EXPECT_EQ(plain.apply.diagnostics_size(), 0);
  EXPECT_FALSE(plain.apply.has_new_identity());

  // The identity resource's create does send one.
  tfplugin6::ApplyResourceChange::Response aresp =
      PlanAndApplyCreate("fake_thing", config).apply;
  EXPECT_EQ(aresp.diagnostics_size(), 0);
  ASSERT_TRUE(aresp.has_new_identity());
  EXPECT_EQ(
      Dec(aresp.new_identity().identity_data(), KeyIdentity().ValueType()),
      Key("id-1"));

  // Import by identity of a resource without identity is refused.
  tfplugin6::ImportResourceState::Request ireq;
  ireq.set_type_name("fake_plain");
  *ireq.mutable_identity()->mutable_identity_data() =
      Dv(Key("x"), KeyIdentity().ValueType());
  tfplugin6::ImportResourceState::Response iresp;
  ASSERT_TRUE(service_->ImportResourceState(&ctx_, &ireq, &iresp).ok());
  ASSERT_EQ(iresp.diagnostics_size(), 1);
  EXPECT_EQ(iresp.diagnostics(0).summary(), "Resource Identity Not Supported");
}

}  // namespace
}  // namespace tf::proto6::internal
