// union_provider_protocol_test: the built terraform-provider-union driven
// over gRPC with AutoMTLS like the CLI drives it, for what Terraform 1.11
// cannot exercise end to end: the resource identity of union_api_key (the
// CLI sends identity from 1.12 on), and the functions and ephemeral
// resources as they appear on the wire.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "provider/framework/proto6/wire_expect.h"
#include "provider/framework/types/msgpack.h"
#include "tests/protocol/plugin_harness.h"
#include "tests/protocol/provider_rpc.h"
#include "tfplugin6.grpc.pb.h"

namespace tfpu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using tf::Type;
using tf::Value;
using tf::proto6::ExpectIdentitySchema;

const Type kDecodedType = Type::Object({{"endpoint", Type::String()},
                                        {"client_id", Type::String()},
                                        {"client_secret", Type::String()},
                                        {"organization", Type::String()}});

tfplugin6::DynamicValue StringArg(const std::string& s) {
  return EncodeDynamic(Value::String(s), Type::String());
}

constexpr auto Dec = DecodeDynamic;

class UnionProviderProtocolTest : public ProviderProcessTest {
 protected:
  void SetUp() override {
    Connect(ChildProcess::Spawn(TF_UNION_PROVIDER, {}, harness_.CliEnv()));
  }
};

using Stub = tfplugin6::Provider::Stub;

TEST_F(UnionProviderProtocolTest, MetadataListsFunctionsAndEphemeralResources) {
  auto meta = Rpc(&Stub::GetMetadata, {});
  std::vector<std::string> functions, ephemeral;
  for (const auto& f : meta.functions()) functions.push_back(f.name());
  for (const auto& e : meta.ephemeral_resources())
    ephemeral.push_back(e.type_name());
  EXPECT_THAT(functions, ::testing::UnorderedElementsAre("decode_api_key",
                                                         "encode_api_key"));
  EXPECT_THAT(ephemeral, ::testing::UnorderedElementsAre("union_api_key",
                                                         "union_access_token"));

  auto schema = Rpc(&Stub::GetProviderSchema, {});
  EXPECT_EQ(schema.diagnostics_size(), 0);
  ASSERT_EQ(schema.ephemeral_resource_schemas().count("union_api_key"), 1u);
  bool secret_is_sensitive = false;
  for (const auto& a : schema.ephemeral_resource_schemas()
                           .at("union_api_key")
                           .block()
                           .attributes()) {
    if (a.name() == "client_secret") secret_is_sensitive = a.sensitive();
  }
  EXPECT_TRUE(secret_is_sensitive);
  ASSERT_EQ(schema.functions().count("decode_api_key"), 1u);
  bool access_token_is_sensitive = false;
  for (const auto& a : schema.provider().block().attributes()) {
    if (a.name() == "access_token") access_token_is_sensitive = a.sensitive();
  }
  EXPECT_TRUE(access_token_is_sensitive);
}

TEST_F(UnionProviderProtocolTest, ApiKeyIdentitySchemaFieldByField) {
  auto resp = Rpc(&Stub::GetResourceIdentitySchemas, {});
  EXPECT_EQ(resp.diagnostics_size(), 0);
  ASSERT_EQ(resp.identity_schemas().count("union_api_key"), 1u);
  ExpectIdentitySchema(resp.identity_schemas().at("union_api_key"), 0,
                       {{.name = "client_id", .required_for_import = true},
                        {.name = "organization", .optional_for_import = true}});
}

TEST_F(UnionProviderProtocolTest,
       EncodeThenDecodeRoundTripsAnEndpointWithAPort) {
  auto encoded =
      Call("encode_api_key", {StringArg("localhost:8089"), StringArg("ci-key"),
                              StringArg("s3cr3t-value"), StringArg("")});
  ASSERT_FALSE(encoded.has_error()) << encoded.error().text();
  const Value key = Dec(encoded.result(), Type::String());
  ASSERT_TRUE(key.IsKnown());

  tfplugin6::DynamicValue arg;
  arg.set_msgpack(encoded.result().msgpack());
  auto decoded = Call("decode_api_key", {arg});
  ASSERT_FALSE(decoded.has_error()) << decoded.error().text();
  EXPECT_EQ(Dec(decoded.result(), kDecodedType),
            Value::Object({{"endpoint", Value::String("localhost:8089")},
                           {"client_id", Value::String("ci-key")},
                           {"client_secret", Value::String("s3cr3t-value")},
                           {"organization", Value::String("")}}));
}

TEST_F(UnionProviderProtocolTest,
       BadKeyIsAFunctionErrorOnTheArgumentWithoutItsValue) {
  const std::string bad = "not-base64-but-secret-looking!!";
  auto resp = Call("decode_api_key", {StringArg(bad)});
  ASSERT_TRUE(resp.has_error());
  ASSERT_TRUE(resp.error().has_function_argument());
  EXPECT_EQ(resp.error().function_argument(), 0);
  EXPECT_FALSE(resp.error().text().empty());
  EXPECT_THAT(resp.error().text(), Not(HasSubstr(bad)));
  EXPECT_FALSE(resp.has_result());
}

TEST_F(UnionProviderProtocolTest, ImportByIdentityCarriesTheClientId) {
  const Type identity_type = Type::Object(
      {{"client_id", Type::String()}, {"organization", Type::String()}});
  tfplugin6::ImportResourceState::Request req;
  req.set_type_name("union_api_key");
  *req.mutable_identity()->mutable_identity_data() = EncodeDynamic(
      Value::Object({{"client_id", Value::String("imported-key")},
                     {"organization", Value::Null(Type::String())}}),
      identity_type);
  auto resp = Rpc(&Stub::ImportResourceState, req);
  // The one diagnostic is the usual warning that an imported key has no
  // secret in state.
  ASSERT_EQ(resp.diagnostics_size(), 1);
  EXPECT_EQ(resp.diagnostics(0).severity(), tfplugin6::Diagnostic::WARNING)
      << resp.diagnostics(0).summary();
  EXPECT_THAT(resp.diagnostics(0).detail(), HasSubstr("\"imported-key\""));
  ASSERT_EQ(resp.imported_resources_size(), 1);
  const auto& imported = resp.imported_resources(0);
  EXPECT_EQ(imported.type_name(), "union_api_key");
  ASSERT_TRUE(imported.has_identity());
  const Value identity =
      Dec(imported.identity().identity_data(), identity_type);
  EXPECT_EQ(identity.Attr("client_id"), Value::String("imported-key"));
}

}  // namespace
}  // namespace tfpu::testing
