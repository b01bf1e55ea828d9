// Resource identity through ProviderServer: schemas, Read/Plan/Apply/Import
// (by id and by identity) round trips, UpgradeResourceIdentity, and
// resources without identity left untouched.
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/test_schema.h"
#include "provider/framework/testing/fakes.h"

namespace tf::server::test {
namespace {

using tf::testing::FakeProvider;
using tf::testing::FakeProviderScript;
using tf::testing::FakeResourceScript;

Value NullKey() { return Value::Null(KeyIdentity().ValueType()); }

class IdentityTest : public ::testing::Test {
 protected:
  IdentityTest() {
    thing_ = std::make_shared<FakeResourceScript>();
    thing_->schema = test::ThingSchema();
    thing_->identity_schema = KeyIdentity();
    thing_->create = [](const CreateRequest&, CreateResponse& resp) {
      resp.state =
          resp.state.WithAttr("id", S("id-1")).WithAttr("summary", S("s"));
      resp.identity = Key("id-1");
    };
    thing_->read = [this](const ReadRequest& req, ReadResponse& resp) {
      seen_identity_ = req.identity;
      resp.identity = Key(req.state.Attr("id").AsString());
    };
    thing_->update = [this](const UpdateRequest& req, UpdateResponse&) {
      seen_identity_ = req.identity;
    };
    thing_->del = [this](const DeleteRequest& req, DeleteResponse&) {
      seen_identity_ = req.identity;
    };
    thing_->import_state = [](const ImportStateRequest& req,
                              ImportStateResponse& resp) {
      ImportStatePassthroughWithIdentity(Path::Root("id"), "key", req, resp);
    };
    plain_ = std::make_shared<FakeResourceScript>();
    plain_->type_name = "fake_plain";
    plain_->schema = test::ThingSchema();
    plain_->create = thing_->create;
    Rebuild();
  }

  void Rebuild() {
    FakeProviderScript p;
    p.resources = {thing_, plain_};
    server_ =
        std::make_unique<ProviderServer>(std::make_unique<FakeProvider>(p));
  }

  Value Created() {
    return Thing({{"name", S("n")},
                  {"mode", S("fast")},
                  {"id", S("id-1")},
                  {"summary", S("s")}});
  }

  std::shared_ptr<FakeResourceScript> thing_;
  std::shared_ptr<FakeResourceScript> plain_;
  std::unique_ptr<ProviderServer> server_;
  Value seen_identity_;
};

TEST_F(IdentityTest, SchemasListOnlyResourcesWithIdentity) {
  GetResourceIdentitySchemasResponse r = server_->GetResourceIdentitySchemas();
  EXPECT_FALSE(r.diagnostics.HasError());
  ASSERT_EQ(r.identity_schemas.size(), 1u);
  const IdentitySchema& s = r.identity_schemas.at("fake_thing");
  EXPECT_EQ(s.version, 1);
  EXPECT_EQ(s.attributes[0].name, "key");
  const TypeSchemas* plain = server_->FindType(Kind::kResource, "fake_plain");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->Identity(), nullptr);
  const TypeSchemas* thing = server_->FindType(Kind::kResource, "fake_thing");
  ASSERT_NE(thing, nullptr);
  ASSERT_NE(thing->Identity(), nullptr);
  EXPECT_TRUE(thing->identity_type == s.ValueType());
}

TEST_F(IdentityTest, InvalidIdentitySchemaIsReported) {
  thing_->identity_schema = IdentitySchema{};
  Rebuild();
  EXPECT_TRUE(server_->GetResourceIdentitySchemas().diagnostics.HasError());
}

// The create of a resource with an identity plans a null identity and
// answers the one Create set; without an identity both stay empty.
TEST_F(IdentityTest, CreatePlansAndAppliesTheIdentity) {
  struct Case {
    const char* type_name;
    Value want_planned_identity;
    Value want_new_identity;
  };
  const Case cases[] = {
      {"fake_thing", NullKey(), Key("id-1")},
      {"fake_plain", Value(), Value()},
  };
  const Value config = Thing({{"name", S("n")}});
  for (const Case& c : cases) {
    SCOPED_TRACE(c.type_name);
    PlanResourceChangeResponse plan = server_->PlanResourceChange(
        {.type_name = c.type_name,
         .prior_state = Value::Null(Created().type()),
         .proposed_new_state = config,
         .config = config});
    ASSERT_FALSE(plan.diagnostics.HasError());
    EXPECT_EQ(plan.planned_identity, c.want_planned_identity);
    ApplyResourceChangeResponse apply = server_->ApplyResourceChange(
        {.type_name = c.type_name,
         .prior_state = Value::Null(Created().type()),
         .planned_state = plan.planned_state,
         .config = config,
         .planned_identity = plan.planned_identity});
    ASSERT_FALSE(apply.diagnostics.HasError());
    EXPECT_EQ(apply.new_identity, c.want_new_identity);
  }
}

TEST_F(IdentityTest, PlanKeepsTheStoredIdentity) {
  // A later plan carries the stored identity forward unchanged.
  Value changed = Created().WithAttr("size", Value::Int(3));
  PlanResourceChangeResponse plan =
      server_->PlanResourceChange({.type_name = "fake_thing",
                                   .prior_state = Created(),
                                   .proposed_new_state = changed,
                                   .config = changed,
                                   .prior_identity = Key("id-1")});
  ASSERT_FALSE(plan.diagnostics.HasError());
  EXPECT_EQ(plan.planned_identity, Key("id-1"));

  ApplyResourceChangeResponse apply =
      server_->ApplyResourceChange({.type_name = "fake_thing",
                                    .prior_state = Created(),
                                    .planned_state = plan.planned_state,
                                    .config = changed,
                                    .planned_identity = plan.planned_identity});
  ASSERT_FALSE(apply.diagnostics.HasError());
  EXPECT_EQ(seen_identity_, Key("id-1"));
  EXPECT_EQ(apply.new_identity, Key("id-1"));
}

TEST_F(IdentityTest, CreateWithoutIdentityIsError) {
  thing_->create = [](const CreateRequest&, CreateResponse& resp) {
    resp.state =
        resp.state.WithAttr("id", S("id-1")).WithAttr("summary", S("s"));
  };
  Value config = Thing({{"name", S("n")}});
  ApplyResourceChangeResponse apply = server_->ApplyResourceChange(
      {.type_name = "fake_thing",
       .prior_state = Value::Null(Created().type()),
       .planned_state = Thing({{"name", S("n")},
                               {"mode", S("fast")},
                               {"id", UnkS()},
                               {"summary", UnkS()}}),
       .config = config});
  EXPECT_EQ(ErrorSummary(apply.diagnostics),
            "Missing resource identity after create");
}

TEST_F(IdentityTest, UpdateMustNotChangeIdentity) {
  thing_->update = [](const UpdateRequest&, UpdateResponse& resp) {
    resp.identity = Key("other");
  };
  Value changed = Created().WithAttr("size", Value::Int(3));
  ApplyResourceChangeResponse apply =
      server_->ApplyResourceChange({.type_name = "fake_thing",
                                    .prior_state = Created(),
                                    .planned_state = changed,
                                    .config = changed,
                                    .planned_identity = Key("id-1")});
  EXPECT_EQ(ErrorSummary(apply.diagnostics), "Unexpected identity change");
  EXPECT_EQ(apply.new_identity, Key("id-1"));

  // From null (state written before the resource had an identity) it may.
  apply = server_->ApplyResourceChange({.type_name = "fake_thing",
                                        .prior_state = Created(),
                                        .planned_state = changed,
                                        .config = changed});
  ASSERT_FALSE(apply.diagnostics.HasError());
  EXPECT_EQ(apply.new_identity, Key("other"));
}

TEST_F(IdentityTest, ReadRoundTripAndChecks) {
  ReadResourceResponse read =
      server_->ReadResource({.type_name = "fake_thing",
                             .current_state = Created(),
                             .current_identity = Key("id-1")});
  ASSERT_FALSE(read.diagnostics.HasError());
  EXPECT_EQ(seen_identity_, Key("id-1"));
  EXPECT_EQ(read.new_identity, Key("id-1"));

  // No identity stored yet: Read receives a null object and sets one.
  read = server_->ReadResource(
      {.type_name = "fake_thing", .current_state = Created()});
  ASSERT_FALSE(read.diagnostics.HasError());
  EXPECT_EQ(seen_identity_, NullKey());
  EXPECT_EQ(read.new_identity, Key("id-1"));

  // A changed identity is an error, and the stored one is answered.
  read = server_->ReadResource({.type_name = "fake_thing",
                                .current_state = Created(),
                                .current_identity = Key("old")});
  ASSERT_TRUE(read.diagnostics.HasError());
  EXPECT_EQ(read.new_identity, Key("old"));

  // Gone: state and identity null, no error.
  thing_->read = [](const ReadRequest&, ReadResponse& resp) {
    resp.RemoveResource();
  };
  read = server_->ReadResource({.type_name = "fake_thing",
                                .current_state = Created(),
                                .current_identity = Key("id-1")});
  EXPECT_FALSE(read.diagnostics.HasError());
  EXPECT_TRUE(read.new_state.IsNull());
  EXPECT_EQ(read.new_identity, NullKey());
}

TEST_F(IdentityTest, ReadMustSetIdentity) {
  thing_->read = [](const ReadRequest&, ReadResponse&) {};
  ReadResourceResponse read = server_->ReadResource(
      {.type_name = "fake_thing", .current_state = Created()});
  EXPECT_EQ(ErrorSummary(read.diagnostics),
            "Missing resource identity after read");
}

TEST_F(IdentityTest, DeleteReceivesIdentityAndClearsIt) {
  ApplyResourceChangeResponse apply = server_->ApplyResourceChange(
      {.type_name = "fake_thing",
       .prior_state = Created(),
       .planned_state = Value::Null(Created().type()),
       .planned_identity = Key("id-1")});
  ASSERT_FALSE(apply.diagnostics.HasError());
  EXPECT_EQ(seen_identity_, Key("id-1"));
  EXPECT_TRUE(apply.new_state.IsNull());
  EXPECT_EQ(apply.new_identity, NullKey());
}

TEST_F(IdentityTest, ImportById) {
  ImportResourceStateResponse r =
      server_->ImportResourceState({.type_name = "fake_thing", .id = "id-7"});
  ASSERT_FALSE(r.diagnostics.HasError());
  ASSERT_EQ(r.imported_resources.size(), 1u);
  EXPECT_EQ(r.imported_resources[0].state.Attr("id"), S("id-7"));
  EXPECT_EQ(r.imported_resources[0].identity, NullKey());
}

TEST_F(IdentityTest, ImportByIdentity) {
  ImportResourceStateResponse r = server_->ImportResourceState(
      {.type_name = "fake_thing", .identity = Key("id-9")});
  ASSERT_FALSE(r.diagnostics.HasError());
  ASSERT_EQ(r.imported_resources.size(), 1u);
  EXPECT_EQ(r.imported_resources[0].state.Attr("id"), S("id-9"));
  EXPECT_EQ(r.imported_resources[0].identity, Key("id-9"));
}

TEST_F(IdentityTest, ImportByIdentityErrors) {
  ImportResourceStateResponse r = server_->ImportResourceState(
      {.type_name = "fake_thing",
       .identity = Value::Object({{"key", Value::Null(Type::String())}})});
  EXPECT_EQ(ErrorSummary(r.diagnostics), "Missing required identity attribute");

  plain_->import_state = thing_->import_state;
  Rebuild();
  r = server_->ImportResourceState(
      {.type_name = "fake_plain", .identity = Key("x")});
  EXPECT_EQ(ErrorSummary(r.diagnostics), "Resource Identity Not Supported");
}

TEST_F(IdentityTest, UpgradeIdentity) {
  // Same version: strict decode.
  UpgradeResourceIdentityResponse r = server_->UpgradeResourceIdentity(
      {.type_name = "fake_thing",
       .version = 1,
       .raw_identity_json = R"({"key":"id-1"})"});
  ASSERT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.upgraded_identity, Key("id-1"));

  r = server_->UpgradeResourceIdentity({.type_name = "fake_thing",
                                        .version = 1,
                                        .raw_identity_json = R"({"k":1})"});
  EXPECT_TRUE(r.diagnostics.HasError());

  // Newer: error.
  r = server_->UpgradeResourceIdentity(
      {.type_name = "fake_thing",
       .version = 2,
       .raw_identity_json = R"({"key":"id-1"})"});
  EXPECT_TRUE(r.diagnostics.HasError());

  // Older: the resource's upgrader.
  thing_->upgrade_identity = [](const UpgradeIdentityRequest& req,
                                UpgradeIdentityResponse& resp) {
    EXPECT_EQ(req.version, 0);
    EXPECT_EQ(req.raw_json, R"({"id":"old-1"})");
    resp.identity = Key("old-1");
  };
  r = server_->UpgradeResourceIdentity(
      {.type_name = "fake_thing",
       .version = 0,
       .raw_identity_json = R"({"id":"old-1"})"});
  ASSERT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.upgraded_identity, Key("old-1"));

  // An upgrader returning the wrong shape is caught.
  thing_->upgrade_identity = [](const UpgradeIdentityRequest&,
                                UpgradeIdentityResponse& resp) {
    resp.identity = Value::Object({{"id", S("x")}});
  };
  r = server_->UpgradeResourceIdentity(
      {.type_name = "fake_thing", .version = 0, .raw_identity_json = "{}"});
  EXPECT_TRUE(r.diagnostics.HasError());

  // No identity on the resource type.
  r = server_->UpgradeResourceIdentity(
      {.type_name = "fake_plain", .version = 0, .raw_identity_json = "{}"});
  EXPECT_TRUE(r.diagnostics.HasError());
}

// Its create is covered by CreatePlansAndAppliesTheIdentity.
TEST_F(IdentityTest, ResourcesWithoutIdentityKeepIdentityEmpty) {
  ReadResourceResponse read = server_->ReadResource(
      {.type_name = "fake_plain", .current_state = Created()});
  ASSERT_FALSE(read.diagnostics.HasError());
  EXPECT_EQ(read.new_identity, Value());
}

}  // namespace
}  // namespace tf::server::test
