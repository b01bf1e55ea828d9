#include "devserver/src/app_convert.h"

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::ElementsAre;

pb::CreateAppRequest Create() {
  pb::CreateAppRequest r;
  r.set_organization("org");
  r.set_client_id("id");
  r.set_client_name("name");
  r.add_redirect_uris("http://a");
  r.add_grant_types(pb::CLIENT_CREDENTIALS);
  r.add_response_types(pb::CODE);
  r.add_contacts("c@example.com");
  r.set_logo_uri("logo");
  r.set_token_endpoint_auth_method(pb::CLIENT_SECRET_BASIC);
  r.set_application_type(pb::NATIVE);
  return r;
}

TEST(AppConvertTest, CreateToRecordToProto) {
  const absl::Time now = absl::FromUnixNanos(1'700'000'000'250'000'000);
  AppRecord record = RecordFromCreate(Create(), now);
  pb::App app;
  RecordToProto(record, &app);
  EXPECT_EQ(app.organization(), "org");
  EXPECT_EQ(app.client_id(), "id");
  EXPECT_EQ(app.client_name(), "name");
  EXPECT_EQ(app.client_id_issued_at().seconds(), 1'700'000'000);
  EXPECT_EQ(app.client_id_issued_at().nanos(), 250'000'000);
  EXPECT_THAT(app.redirect_uris(), ElementsAre("http://a"));
  EXPECT_THAT(app.grant_types(), ElementsAre(pb::CLIENT_CREDENTIALS));
  EXPECT_EQ(app.application_type(), pb::NATIVE);
  EXPECT_EQ(app.token_endpoint_auth_method(), pb::CLIENT_SECRET_BASIC);
  EXPECT_EQ(app.profile().apporg(), "org");
  EXPECT_EQ(app.client_secret(), "");
}

TEST(AppConvertTest, UpdateReplacesOnlyGivenFields) {
  AppRecord record = RecordFromCreate(Create(), absl::Now());
  const AppRecord before = record;
  pb::UpdateAppRequest nothing;
  nothing.set_client_id("id");
  ApplyUpdate(nothing, record);
  EXPECT_EQ(record, before);

  pb::UpdateAppRequest some;
  some.set_client_id("id");
  some.add_redirect_uris("http://b");
  some.add_redirect_uris("http://c");
  some.set_tos_uri("tos");
  ApplyUpdate(some, record);
  EXPECT_THAT(record.redirect_uris, ElementsAre("http://b", "http://c"));
  EXPECT_EQ(record.tos_uri, "tos");
  EXPECT_EQ(record.client_name, "name");
  EXPECT_EQ(record.logo_uri, "logo");
  EXPECT_EQ(record.grant_types, before.grant_types);
  EXPECT_EQ(record.contacts, before.contacts);
  EXPECT_EQ(record.application_type, before.application_type);
  EXPECT_EQ(record.issued_at_unix_nanos, before.issued_at_unix_nanos);
}

TEST(AppConvertTest, SecretExpiryIsSetOnlyWhenTheSecretExpires) {
  AppRecord record;
  record.client_id = "k";
  cloudidl::identity::App app;
  RecordToProto(record, &app);
  EXPECT_FALSE(app.has_client_secret_expires_at());
  record.secret_expires_at_unix_nanos = 1'800'000'000'250'000'000;
  RecordToProto(record, &app);
  ASSERT_TRUE(app.has_client_secret_expires_at());
  EXPECT_EQ(app.client_secret_expires_at().seconds(), 1'800'000'000);
  EXPECT_EQ(app.client_secret_expires_at().nanos(), 250'000'000);
}

}  // namespace
}  // namespace devserver
