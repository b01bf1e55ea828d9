// ProviderServer's ephemeral resource RPCs with scripted ephemeral
// resources: validation, Open (result, private data, renew_at), Renew and
// Close.
#include <chrono>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/server/test_schema.h"
#include "provider/framework/testing/fakes.h"

namespace tf::server {
namespace {

using tf::testing::FakeEphemeralScript;
using tf::testing::FakeProvider;
using tf::testing::FakeProviderScript;

using test::ErrorSummary;
using test::SecretConfig;
using test::SecretSchema;

const auto kRenewAt =
    std::chrono::system_clock::time_point(std::chrono::seconds(1'900'000'000));

class EphemeralTest : public ::testing::Test {
 protected:
  EphemeralTest() {
    secret_ = std::make_shared<FakeEphemeralScript>();
    secret_->schema = SecretSchema();
    secret_->configure = [this](const std::any& data, Diagnostics&) {
      configured_with_ = std::any_cast<std::string>(data);
    };
    secret_->open = [this](const OpenEphemeralRequest& req,
                           OpenEphemeralResponse& resp) {
      resp.result = resp.result.WithAttr(
          "value",
          Value::String("s3cr3t-" + req.config.Attr("name").AsString() + "-" +
                        configured_with_));
      resp.private_data = "lease-1";
      resp.renew_at = kRenewAt;
    };
    secret_->renew = [](const RenewEphemeralRequest& req,
                        RenewEphemeralResponse& resp) {
      resp.private_data = req.private_data + "+renewed";
      resp.renew_at = kRenewAt + std::chrono::seconds(60);
    };
    secret_->close = [this](const CloseEphemeralRequest& req,
                            CloseEphemeralResponse& resp) {
      closed_with_ = req.private_data;
      if (req.private_data == "bad") {
        resp.diagnostics.AddError("Close failed", "lease unknown");
      }
    };
    FakeProviderScript p;
    p.configure = [](const tf::ConfigureProviderRequest&,
                     tf::ConfigureProviderResponse& resp) {
      resp.provider_data = std::string("pd");
    };
    p.ephemeral_resources = {secret_};
    server_ =
        std::make_unique<ProviderServer>(std::make_unique<FakeProvider>(p));
  }

  void Configure() {
    ASSERT_FALSE(server_->ConfigureProvider({}).diagnostics.HasError());
  }

  std::shared_ptr<FakeEphemeralScript> secret_;
  std::unique_ptr<ProviderServer> server_;
  std::string configured_with_ = "unconfigured";
  std::string closed_with_;
};

TEST_F(EphemeralTest, SchemaIsServed) {
  GetProviderSchemaResponse s = server_->GetProviderSchema();
  EXPECT_EQ(s.ephemeral_resources.count("fake_secret"), 1u);
  EXPECT_NE(server_->FindType(Kind::kEphemeralResource, "fake_secret"),
            nullptr);
}

TEST_F(EphemeralTest, ValidateRunsAttributeValidatorsAndHook) {
  auto r = server_->ValidateEphemeralResourceConfig(
      {.type_name = "fake_secret",
       .config = SecretConfig("far-too-long-name")});
  ASSERT_TRUE(r.diagnostics.HasError());
  EXPECT_EQ(r.diagnostics.items()[0].attribute->ToString(), "name");

  secret_->validate_config = [](const ValidateConfigRequest&,
                                ValidateConfigResponse& resp) {
    resp.diagnostics.AddAttributeError(Path::Root("name"), "Nope", "hook");
  };
  r = server_->ValidateEphemeralResourceConfig(
      {.type_name = "fake_secret", .config = SecretConfig("ok")});
  ASSERT_TRUE(r.diagnostics.HasError());
  EXPECT_EQ(r.diagnostics.items()[0].detail, "hook");

  r = server_->ValidateEphemeralResourceConfig(
      {.type_name = "nope", .config = SecretConfig("ok")});
  EXPECT_EQ(ErrorSummary(r.diagnostics), "Ephemeral Resource Type Not Found");
}

TEST_F(EphemeralTest, OpenRenewClosePrivateDataRoundTrip) {
  Configure();
  OpenEphemeralResourceResponse open = server_->OpenEphemeralResource(
      {.type_name = "fake_secret", .config = SecretConfig("db")});
  ASSERT_FALSE(open.diagnostics.HasError());
  EXPECT_EQ(open.result.Attr("value"), Value::String("s3cr3t-db-pd"));
  EXPECT_EQ(open.result.Attr("name"), Value::String("db"));
  EXPECT_EQ(open.private_data, "lease-1");
  EXPECT_EQ(open.renew_at, kRenewAt);

  RenewEphemeralResourceResponse renew = server_->RenewEphemeralResource(
      {.type_name = "fake_secret", .private_data = open.private_data});
  ASSERT_FALSE(renew.diagnostics.HasError());
  EXPECT_EQ(renew.private_data, "lease-1+renewed");
  EXPECT_EQ(renew.renew_at, kRenewAt + std::chrono::seconds(60));

  CloseEphemeralResourceResponse close = server_->CloseEphemeralResource(
      {.type_name = "fake_secret", .private_data = renew.private_data});
  EXPECT_FALSE(close.diagnostics.HasError());
  EXPECT_EQ(closed_with_, "lease-1+renewed");

  close = server_->CloseEphemeralResource(
      {.type_name = "fake_secret", .private_data = "bad"});
  EXPECT_TRUE(close.diagnostics.HasError());
}

TEST_F(EphemeralTest, WithoutRenewAndCloseTheyAreNoOps) {
  secret_->with_lifecycle = false;
  FakeProviderScript p;
  p.ephemeral_resources = {secret_};
  ProviderServer srv(std::make_unique<FakeProvider>(p));
  RenewEphemeralResourceResponse renew = srv.RenewEphemeralResource(
      {.type_name = "fake_secret", .private_data = "lease"});
  EXPECT_FALSE(renew.diagnostics.HasError());
  EXPECT_EQ(renew.private_data, "lease");
  EXPECT_FALSE(renew.renew_at.has_value());
  EXPECT_FALSE(srv.CloseEphemeralResource({.type_name = "fake_secret"})
                   .diagnostics.HasError());
  EXPECT_TRUE(closed_with_.empty());
}

TEST_F(EphemeralTest, OpenResultMustBeWhollyKnown) {
  secret_->open = [](const OpenEphemeralRequest&, OpenEphemeralResponse& resp) {
    resp.result = resp.result.WithAttr("value", Value::Unknown(Type::String()));
  };
  OpenEphemeralResourceResponse open = server_->OpenEphemeralResource(
      {.type_name = "fake_secret", .config = SecretConfig("db")});
  ASSERT_TRUE(open.diagnostics.HasError());
  EXPECT_TRUE(open.result.IsNull());
}

TEST_F(EphemeralTest, OpenErrorKeepsNoResultOrPrivateData) {
  secret_->open = [](const OpenEphemeralRequest&, OpenEphemeralResponse& resp) {
    resp.result = resp.result.WithAttr("value", Value::String("partial"));
    resp.private_data = "lease";
    resp.diagnostics.AddError("Open failed", "backend down");
  };
  OpenEphemeralResourceResponse open = server_->OpenEphemeralResource(
      {.type_name = "fake_secret", .config = SecretConfig("db")});
  ASSERT_TRUE(open.diagnostics.HasError());
  EXPECT_TRUE(open.result.IsNull());
  EXPECT_TRUE(open.private_data.empty());
}

TEST_F(EphemeralTest, UnknownConfigAnswersUnknownWithoutOpening) {
  bool opened = false;
  secret_->open = [&opened](const OpenEphemeralRequest&,
                            OpenEphemeralResponse&) { opened = true; };
  Value config = Value::Object({{"name", Value::Unknown(Type::String())},
                                {"value", Value::Null(Type::String())}});
  OpenEphemeralResourceResponse open = server_->OpenEphemeralResource(
      {.type_name = "fake_secret", .config = config});
  EXPECT_FALSE(open.diagnostics.HasError());
  EXPECT_FALSE(open.result.IsKnown());
  EXPECT_FALSE(opened);
}

TEST(EphemeralSchemaTest, WriteOnlyAttributeIsSchemaError) {
  auto e = std::make_shared<FakeEphemeralScript>();
  e->schema = Schema{.block = {.attributes = {{.name = "x",
                                               .type = Type::String(),
                                               .presence = Presence::kOptional,
                                               .write_only = true}}}};
  FakeProviderScript p;
  p.ephemeral_resources = {e};
  ProviderServer srv(std::make_unique<FakeProvider>(p));
  EXPECT_TRUE(srv.GetProviderSchema().diagnostics.HasError());
}

}  // namespace
}  // namespace tf::server
