// Checks our .proto files field by field against the wire facts
// (docs/design/union-api.md and flyteidl's field numbers).
#include <gtest/gtest.h>

#include <google/protobuf/descriptor.h>

#include <string>
#include <vector>

#include "cloudidl/common/list.pb.h"
#include "cloudidl/identity/app_definition.pb.h"
#include "cloudidl/identity/app_payload.pb.h"
#include "cloudidl/identity/app_service.grpc.pb.h"
#include "cloudidl/identity/app_service.pb.h"
#include "cloudidl/identity/enums.pb.h"
#include "flyteidl/service/auth.grpc.pb.h"
#include "flyteidl/service/identity.grpc.pb.h"

namespace {

using google::protobuf::DescriptorPool;
using google::protobuf::FieldDescriptor;

constexpr bool R = true;   // repeated
constexpr bool S = false;  // singular

struct Field {
  int number;
  std::string name;
  FieldDescriptor::Type type;
  bool repeated;
  std::string type_name;  // message/enum full name, else ""
};

struct Message {
  std::string full_name;
  std::vector<Field> fields;
};

constexpr auto kStr = FieldDescriptor::TYPE_STRING;
constexpr auto kMsg = FieldDescriptor::TYPE_MESSAGE;
constexpr auto kEnum = FieldDescriptor::TYPE_ENUM;
constexpr auto kBool = FieldDescriptor::TYPE_BOOL;
constexpr auto kU32 = FieldDescriptor::TYPE_UINT32;

const char kTs[] = "google.protobuf.Timestamp";
const char kId[] = "cloudidl.identity.";

std::string Id(const char* n) { return std::string(kId) + n; }

std::vector<Field> AppRequestFields(bool create) {
  std::vector<Field> f = {
      {1, "organization", kStr, S, ""},
      {2, "client_id", kStr, S, ""},
      {4, "redirect_uris", kStr, R, ""},
      {5, "response_types", kEnum, R, Id("ResponseTypes")},
      {6, "grant_types", kEnum, R, Id("GrantTypes")},
      {7, "application_type", kEnum, S, Id("ApplicationType")},
      {8, "contacts", kStr, R, ""},
      {9, "client_name", kStr, S, ""},
      {10, "logo_uri", kStr, S, ""},
      {11, "client_uri", kStr, S, ""},
      {12, "policy_uri", kStr, S, ""},
      {13, "tos_uri", kStr, S, ""},
      {14, "jwks_uri", kStr, S, ""},
      {15, "token_endpoint_auth_method", kEnum, S, Id("TokenEndpointAuthMethod")},
  };
  if (create) {
    f.push_back({16, "consent_method", kEnum, S, Id("ConsentMethod")});
    f.push_back({17, "skip_default_policy_assignments", kBool, S, ""});
  }
  return f;
}

std::vector<Message> Table() {
  return {
      {Id("Profile"), {{1, "apporg", kStr, S, ""}}},
      {Id("App"),
       {{1, "organization", kStr, S, ""},
        {2, "client_id", kStr, S, ""},
        {3, "client_id_issued_at", kMsg, S, kTs},
        {4, "redirect_uris", kStr, R, ""},
        {5, "response_types", kEnum, R, Id("ResponseTypes")},
        {6, "grant_types", kEnum, R, Id("GrantTypes")},
        {7, "application_type", kEnum, S, Id("ApplicationType")},
        {8, "contacts", kStr, R, ""},
        {9, "client_name", kStr, S, ""},
        {10, "logo_uri", kStr, S, ""},
        {11, "client_uri", kStr, S, ""},
        {12, "policy_uri", kStr, S, ""},
        {13, "tos_uri", kStr, S, ""},
        {14, "jwks_uri", kStr, S, ""},
        {15, "token_endpoint_auth_method", kEnum, S, Id("TokenEndpointAuthMethod")},
        {16, "client_secret", kStr, S, ""},
        {17, "client_secret_expires_at", kMsg, S, kTs},
        {18, "profile", kMsg, S, Id("Profile")}}},
      {Id("CreateAppRequest"), AppRequestFields(true)},
      {Id("UpdateAppRequest"), AppRequestFields(false)},
      {Id("CreateAppResponse"), {{1, "app", kMsg, S, Id("App")}}},
      {Id("GetAppResponse"), {{1, "app", kMsg, S, Id("App")}}},
      {Id("UpdateAppResponse"), {{1, "app", kMsg, S, Id("App")}}},
      {Id("GetAppRequest"),
       {{1, "organization", kStr, S, ""}, {2, "client_id", kStr, S, ""}}},
      {Id("DeleteAppRequest"),
       {{1, "organization", kStr, S, ""}, {2, "client_id", kStr, S, ""}}},
      {Id("DeleteAppResponse"), {}},
      {Id("ListAppsRequest"),
       {{1, "organization", kStr, S, ""},
        {2, "request", kMsg, S, "cloudidl.common.ListRequest"}}},
      {Id("ListAppsResponse"),
       {{1, "apps", kMsg, R, Id("App")}, {2, "token", kStr, S, ""}}},
      {"cloudidl.common.ListRequest",
       {{1, "limit", kU32, S, ""},
        {2, "token", kStr, S, ""},
        {3, "sort_by", kMsg, S, "cloudidl.common.Sort"},
        {4, "filters", kMsg, R, "cloudidl.common.Filter"},
        {5, "raw_filters", kStr, R, ""},
        {6, "sort_by_fields", kMsg, R, "cloudidl.common.Sort"}}},
      {"cloudidl.common.Sort",
       {{1, "key", kStr, S, ""},
        {2, "direction", kEnum, S, "cloudidl.common.Sort.Direction"}}},
      {"cloudidl.common.Filter",
       {{1, "function", kEnum, S, "cloudidl.common.Filter.Function"},
        {2, "field", kStr, S, ""},
        {3, "values", kStr, R, ""}}},
      {"flyteidl.service.OAuth2MetadataRequest", {}},
      {"flyteidl.service.OAuth2MetadataResponse",
       {{1, "issuer", kStr, S, ""},
        {2, "authorization_endpoint", kStr, S, ""},
        {3, "token_endpoint", kStr, S, ""},
        {4, "response_types_supported", kStr, R, ""},
        {5, "scopes_supported", kStr, R, ""},
        {6, "token_endpoint_auth_methods_supported", kStr, R, ""},
        {7, "jwks_uri", kStr, S, ""},
        {8, "code_challenge_methods_supported", kStr, R, ""},
        {9, "grant_types_supported", kStr, R, ""},
        {10, "device_authorization_endpoint", kStr, S, ""}}},
      {"flyteidl.service.PublicClientAuthConfigRequest", {}},
      {"flyteidl.service.PublicClientAuthConfigResponse",
       {{1, "client_id", kStr, S, ""},
        {2, "redirect_uri", kStr, S, ""},
        {3, "scopes", kStr, R, ""},
        {4, "authorization_metadata_key", kStr, S, ""},
        {5, "service_http_endpoint", kStr, S, ""},
        {6, "audience", kStr, S, ""}}},
      {"flyteidl.service.UserInfoRequest", {}},
      {"flyteidl.service.UserInfoResponse",
       {{1, "subject", kStr, S, ""},
        {2, "name", kStr, S, ""},
        {3, "preferred_username", kStr, S, ""},
        {4, "given_name", kStr, S, ""},
        {5, "family_name", kStr, S, ""},
        {6, "email", kStr, S, ""},
        {7, "picture", kStr, S, ""},
        {8, "additional_claims", kMsg, S, "google.protobuf.Struct"}}},
  };
}

class DescriptorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Reference each file so the linker keeps its descriptors.
    (void)cloudidl::identity::App::descriptor();
    (void)cloudidl::identity::ListAppsRequest::descriptor();
    (void)cloudidl::identity::ResponseTypes_descriptor();
    (void)cloudidl::common::ListRequest::descriptor();
    (void)flyteidl::service::OAuth2MetadataResponse::descriptor();
    (void)flyteidl::service::UserInfoResponse::descriptor();
    // Nothing else references app_service.pb.cc; keep it linked.
    static const void* volatile keep_service =
        &descriptor_table_cloudidl_2fidentity_2fapp_5fservice_2eproto;
    (void)keep_service;
  }
  const DescriptorPool* pool_ = DescriptorPool::generated_pool();
};

TEST_F(DescriptorTest, MessagesMatchTheWireFacts) {
  for (const Message& m : Table()) {
    SCOPED_TRACE(m.full_name);
    const auto* d = pool_->FindMessageTypeByName(m.full_name);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->field_count(), static_cast<int>(m.fields.size()));
    for (const Field& f : m.fields) {
      SCOPED_TRACE(f.name);
      const FieldDescriptor* fd = d->FindFieldByNumber(f.number);
      ASSERT_NE(fd, nullptr);
      EXPECT_EQ(fd->name(), f.name);
      EXPECT_EQ(fd->type(), f.type);
      EXPECT_EQ(fd->is_repeated(), f.repeated);
      if (f.type == kMsg) {
        EXPECT_EQ(fd->message_type()->full_name(), f.type_name);
      }
      if (f.type == kEnum) {
        EXPECT_EQ(fd->enum_type()->full_name(), f.type_name);
      }
    }
  }
}

TEST_F(DescriptorTest, EnumsMatchTheWireFacts) {
  struct Enum {
    std::string full_name;
    std::vector<std::pair<std::string, int>> values;
  };
  const std::vector<Enum> table = {
      {Id("ResponseTypes"), {{"CODE", 0}, {"TOKEN", 1}, {"ID_TOKEN", 2}}},
      {Id("ApplicationType"), {{"WEB", 0}, {"NATIVE", 1}}},
      {Id("GrantTypes"),
       {{"AUTHORIZATION_CODE", 0}, {"IMPLICIT", 1}, {"PASSWORD", 2},
        {"CLIENT_CREDENTIALS", 3}, {"REFRESH_TOKEN", 4}, {"DEVICE_CODE", 5}}},
      {Id("TokenEndpointAuthMethod"),
       {{"NONE", 0}, {"CLIENT_SECRET_POST", 1}, {"CLIENT_SECRET_BASIC", 2}}},
      {Id("ConsentMethod"),
       {{"CONSENT_METHOD_NONE", 0}, {"CONSENT_METHOD_TRUSTED", 1},
        {"CONSENT_METHOD_REQUIRED", 2}}},
      {"cloudidl.common.Sort.Direction", {{"DESCENDING", 0}, {"ASCENDING", 1}}},
      {"cloudidl.common.Filter.Function",
       {{"EQUAL", 0}, {"NOT_EQUAL", 1}, {"GREATER_THAN", 2},
        {"GREATER_THAN_OR_EQUAL", 3}, {"LESS_THAN", 4},
        {"LESS_THAN_OR_EQUAL", 5}, {"CONTAINS", 6}, {"VALUE_IN", 7},
        {"ENDS_WITH", 12}, {"NOT_ENDS_WITH", 13},
        {"CONTAINS_CASE_INSENSITIVE", 14}}},
  };
  for (const Enum& e : table) {
    SCOPED_TRACE(e.full_name);
    const auto* d = pool_->FindEnumTypeByName(e.full_name);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->value_count(), static_cast<int>(e.values.size()));
    for (const auto& [name, number] : e.values) {
      const auto* v = d->FindValueByName(name);
      ASSERT_NE(v, nullptr) << name;
      EXPECT_EQ(v->number(), number) << name;
    }
  }
}

TEST_F(DescriptorTest, ServicesAndMethods) {
  struct Method {
    std::string service, name, input, output;
  };
  const std::vector<Method> table = {
      {"cloudidl.identity.AppsService", "Create", Id("CreateAppRequest"), Id("CreateAppResponse")},
      {"cloudidl.identity.AppsService", "Get", Id("GetAppRequest"), Id("GetAppResponse")},
      {"cloudidl.identity.AppsService", "Update", Id("UpdateAppRequest"), Id("UpdateAppResponse")},
      {"cloudidl.identity.AppsService", "Delete", Id("DeleteAppRequest"), Id("DeleteAppResponse")},
      {"cloudidl.identity.AppsService", "List", Id("ListAppsRequest"), Id("ListAppsResponse")},
      {"flyteidl.service.AuthMetadataService", "GetOAuth2Metadata",
       "flyteidl.service.OAuth2MetadataRequest", "flyteidl.service.OAuth2MetadataResponse"},
      {"flyteidl.service.AuthMetadataService", "GetPublicClientConfig",
       "flyteidl.service.PublicClientAuthConfigRequest",
       "flyteidl.service.PublicClientAuthConfigResponse"},
      {"flyteidl.service.IdentityService", "UserInfo", "flyteidl.service.UserInfoRequest",
       "flyteidl.service.UserInfoResponse"},
  };
  for (const Method& m : table) {
    SCOPED_TRACE(m.service + "/" + m.name);
    const auto* s = pool_->FindServiceByName(m.service);
    ASSERT_NE(s, nullptr);
    const auto* md = s->FindMethodByName(m.name);
    ASSERT_NE(md, nullptr);
    EXPECT_EQ(md->input_type()->full_name(), m.input);
    EXPECT_EQ(md->output_type()->full_name(), m.output);
  }
  EXPECT_EQ(pool_->FindServiceByName("cloudidl.identity.AppsService")->method_count(), 5);
}

}  // namespace
