// The tfplugin6 service called directly (no network): conversion both ways
// and the protocol rules (status always OK, private echoed, capabilities).
#include "provider/framework/proto6/internal/provider_service.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/framework/testing/fakes.h"
#include "provider/framework/types/msgpack.h"

namespace tf::proto6::internal {
namespace {

using tf::testing::FakeProvider;
using tf::testing::FakeProviderScript;
using tf::testing::FakeResourceScript;

Schema ThingSchema() {
  return Schema{
      .version = 1,
      .block = {.attributes = {{.name = "name",
                                .type = Type::String(),
                                .presence = Presence::kRequired,
                                .plan_modifiers = {RequiresReplace()}},
                               {.name = "id",
                                .type = Type::String(),
                                .presence = Presence::kComputed,
                                .plan_modifiers = {UseStateForUnknown()}}}}};
}

tfplugin6::DynamicValue Dv(const Value& v) {
  tfplugin6::DynamicValue out;
  absl::StatusOr<std::string> bytes =
      EncodeMsgpack(v, ThingSchema().ValueType());
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  out.set_msgpack(*bytes);
  return out;
}

Value Decode(const tfplugin6::DynamicValue& dv) {
  absl::StatusOr<Value> v =
      DecodeMsgpack(dv.msgpack(), ThingSchema().ValueType());
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : Value();
}

Value Thing(Value name, Value id) {
  return Value::Object({{"name", name}, {"id", id}});
}

// A PlanResourceChange request for a fake_thing.
tfplugin6::PlanResourceChange::Request PlanRequest(const Value& prior,
                                                   const Value& proposed,
                                                   const Value& config) {
  tfplugin6::PlanResourceChange::Request req;
  req.set_type_name("fake_thing");
  *req.mutable_prior_state() = Dv(prior);
  *req.mutable_proposed_new_state() = Dv(proposed);
  *req.mutable_config() = Dv(config);
  return req;
}

class ProviderServiceTest : public ::testing::Test {
 protected:
  ProviderServiceTest() {
    auto thing = std::make_shared<FakeResourceScript>();
    thing->schema = ThingSchema();
    thing->create = [](const CreateRequest&, CreateResponse& resp) {
      resp.state = resp.state.WithAttr("id", Value::String("id-1"));
      resp.private_data = "created";
    };
    thing->import_state = [](const ImportStateRequest& req,
                             ImportStateResponse& resp) {
      ImportStatePassthroughID(Path::Root("id"), req, resp);
    };
    FakeProviderScript p;
    p.resources = {thing};
    service_ =
        std::make_unique<ProviderService>(std::make_unique<FakeProvider>(p));
  }
  std::unique_ptr<ProviderService> service_;
  grpc::ServerContext ctx_;
};

TEST_F(ProviderServiceTest, GetProviderSchema) {
  tfplugin6::GetProviderSchema::Request req;
  tfplugin6::GetProviderSchema::Response resp;
  ASSERT_TRUE(service_->GetProviderSchema(&ctx_, &req, &resp).ok());
  EXPECT_TRUE(resp.has_provider());
  EXPECT_TRUE(resp.provider().has_block());
  ASSERT_EQ(resp.resource_schemas().count("fake_thing"), 1u);
  EXPECT_EQ(resp.resource_schemas().at("fake_thing").version(), 1);
  EXPECT_TRUE(resp.server_capabilities().plan_destroy());
  EXPECT_FALSE(resp.server_capabilities().get_provider_schema_optional());
  EXPECT_EQ(resp.diagnostics_size(), 0);
}

TEST_F(ProviderServiceTest, PlanAndApplyCreate) {
  Value null = Value::Null(ThingSchema().ValueType());
  Value config = Thing(Value::String("a"), Value::Null(Type::String()));
  tfplugin6::PlanResourceChange::Request preq =
      PlanRequest(null, config, config);
  preq.set_prior_private("opaque");
  tfplugin6::PlanResourceChange::Response presp;
  ASSERT_TRUE(service_->PlanResourceChange(&ctx_, &preq, &presp).ok());
  EXPECT_EQ(presp.diagnostics_size(), 0);
  EXPECT_EQ(presp.planned_private(), "opaque");
  EXPECT_FALSE(presp.legacy_type_system());
  Value planned = Decode(presp.planned_state());
  EXPECT_FALSE(planned.Attr("id").IsKnown());

  tfplugin6::ApplyResourceChange::Request areq;
  areq.set_type_name("fake_thing");
  *areq.mutable_prior_state() = Dv(null);
  *areq.mutable_planned_state() = presp.planned_state();
  *areq.mutable_config() = Dv(config);
  tfplugin6::ApplyResourceChange::Response aresp;
  ASSERT_TRUE(service_->ApplyResourceChange(&ctx_, &areq, &aresp).ok());
  EXPECT_EQ(aresp.diagnostics_size(), 0);
  EXPECT_EQ(Decode(aresp.new_state()),
            Thing(Value::String("a"), Value::String("id-1")));
  EXPECT_EQ(aresp.private_(), "created");
}

TEST_F(ProviderServiceTest, DomainErrorsAreDiagnosticsWithOkStatus) {
  tfplugin6::PlanResourceChange::Request preq;
  preq.set_type_name("nope");
  tfplugin6::PlanResourceChange::Response presp;
  ASSERT_TRUE(service_->PlanResourceChange(&ctx_, &preq, &presp).ok());
  ASSERT_EQ(presp.diagnostics_size(), 1);
  EXPECT_EQ(presp.diagnostics(0).severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(presp.diagnostics(0).summary(), "Resource Type Not Found");

  tfplugin6::ReadResource::Request rreq;
  rreq.set_type_name("fake_thing");
  rreq.mutable_current_state()->set_msgpack(std::string("\x82\xa4", 2));
  tfplugin6::ReadResource::Response rresp;
  ASSERT_TRUE(service_->ReadResource(&ctx_, &rreq, &rresp).ok());
  ASSERT_EQ(rresp.diagnostics_size(), 1);
  EXPECT_EQ(rresp.diagnostics(0).summary(), "Invalid request value");

  tfplugin6::ReadDataSource::Request dreq;
  dreq.set_type_name("nope");
  tfplugin6::ReadDataSource::Response dresp;
  ASSERT_TRUE(service_->ReadDataSource(&ctx_, &dreq, &dresp).ok());
  EXPECT_EQ(dresp.diagnostics_size(), 1);
}

TEST_F(ProviderServiceTest, UpgradeAndImport) {
  tfplugin6::UpgradeResourceState::Request ureq;
  ureq.set_type_name("fake_thing");
  ureq.set_version(1);
  ureq.mutable_raw_state()->set_json(
      "{\n  \"name\": \"a\",\n  \"id\": \"x\"\n}");
  tfplugin6::UpgradeResourceState::Response uresp;
  ASSERT_TRUE(service_->UpgradeResourceState(&ctx_, &ureq, &uresp).ok());
  EXPECT_EQ(uresp.diagnostics_size(), 0);
  EXPECT_EQ(Decode(uresp.upgraded_state()),
            Thing(Value::String("a"), Value::String("x")));

  tfplugin6::ImportResourceState::Request ireq;
  ireq.set_type_name("fake_thing");
  ireq.set_id("imp");
  tfplugin6::ImportResourceState::Response iresp;
  ASSERT_TRUE(service_->ImportResourceState(&ctx_, &ireq, &iresp).ok());
  ASSERT_EQ(iresp.imported_resources_size(), 1);
  EXPECT_EQ(iresp.imported_resources(0).type_name(), "fake_thing");
  EXPECT_EQ(Decode(iresp.imported_resources(0).state()),
            Thing(Value::Null(Type::String()), Value::String("imp")));
}

TEST_F(ProviderServiceTest, RequiresReplacePathsAndStop) {
  Value prior = Thing(Value::String("a"), Value::String("id-1"));
  Value config = Thing(Value::String("b"), Value::Null(Type::String()));
  Value proposed = Thing(Value::String("b"), Value::String("id-1"));
  tfplugin6::PlanResourceChange::Request preq =
      PlanRequest(prior, proposed, config);
  tfplugin6::PlanResourceChange::Response presp;
  ASSERT_TRUE(service_->PlanResourceChange(&ctx_, &preq, &presp).ok());
  ASSERT_EQ(presp.requires_replace_size(), 1);
  EXPECT_EQ(presp.requires_replace(0).steps(0).attribute_name(), "name");

  tfplugin6::StopProvider::Request sreq;
  tfplugin6::StopProvider::Response sresp;
  ASSERT_TRUE(service_->StopProvider(&ctx_, &sreq, &sresp).ok());
  EXPECT_TRUE(sresp.error().empty());
}

}  // namespace
}  // namespace tf::proto6::internal
