// functions_test.cc: decode_api_key and encode_api_key: round trips (an
// endpoint with a port, the "None" organization), and bad input as an error
// on the right argument that never repeats the value.
#include "provider/union/functions.h"

#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "union/credentials.h"

namespace union_provider {
namespace {

using tf::Value;

tf::FunctionRunResponse Call(tf::Function& f, std::vector<Value> args) {
  tf::FunctionRunResponse resp;
  resp.result = Value::Null(f.Definition().return_type);
  f.Run(tf::Context(), {.arguments = std::move(args)}, resp);
  return resp;
}

tf::FunctionRunResponse Decode(const std::string& key) {
  DecodeApiKeyFunction f;
  return Call(f, {Value::String(key)});
}

tf::FunctionRunResponse Encode(const std::string& endpoint,
                               const std::string& id,
                               const std::string& secret,
                               const std::string& org) {
  EncodeApiKeyFunction f;
  return Call(f, {Value::String(endpoint), Value::String(id),
                  Value::String(secret), Value::String(org)});
}

TEST(Functions, DefinitionsMatchWhatRunReturns) {
  DecodeApiKeyFunction d;
  EncodeApiKeyFunction e;
  EXPECT_EQ(d.Name(), "decode_api_key");
  EXPECT_EQ(e.Name(), "encode_api_key");
  ASSERT_EQ(d.Definition().parameters.size(), 1u);
  ASSERT_EQ(e.Definition().parameters.size(), 4u);
  EXPECT_EQ(d.Definition().return_type, DecodedApiKeyType());
  EXPECT_EQ(e.Definition().return_type, tf::Type::String());
  tf::FunctionRunResponse r = Decode(unionc::ApiKeyCredentials{
      "e:1", "id", "sec", "org"}.Encode());
  ASSERT_FALSE(r.error.has_value());
  EXPECT_EQ(r.result.type(), DecodedApiKeyType());
}

TEST(Functions, RoundTripKeepsAnEndpointWithAPort) {
  tf::FunctionRunResponse enc =
      Encode("localhost:8089", "ci-pipeline", "s3cr3t-value", "acme");
  ASSERT_FALSE(enc.error.has_value()) << enc.error->text;
  tf::FunctionRunResponse dec = Decode(enc.result.AsString());
  ASSERT_FALSE(dec.error.has_value()) << dec.error->text;
  EXPECT_EQ(dec.result.Attr("endpoint").AsString(), "localhost:8089");
  EXPECT_EQ(dec.result.Attr("client_id").AsString(), "ci-pipeline");
  EXPECT_EQ(dec.result.Attr("client_secret").AsString(), "s3cr3t-value");
  EXPECT_EQ(dec.result.Attr("organization").AsString(), "acme");
}

TEST(Functions, EncodeIsTheEncodedCredentialsFormat) {
  tf::FunctionRunResponse enc =
      Encode("dns:///union.example:443", "app", "sec-ret", "acme");
  ASSERT_FALSE(enc.error.has_value());
  std::string plain;
  ASSERT_TRUE(absl::Base64Unescape(enc.result.AsString(), &plain));
  EXPECT_EQ(plain, "dns:///union.example:443:app:sec-ret:acme");
}

TEST(Functions, EmptyOrganizationIsEncodedAsNoneAndDecodedAsEmpty) {
  tf::FunctionRunResponse enc = Encode("localhost:8089", "app", "sec-ret", "");
  ASSERT_FALSE(enc.error.has_value());
  std::string plain;
  ASSERT_TRUE(absl::Base64Unescape(enc.result.AsString(), &plain));
  EXPECT_EQ(plain, "localhost:8089:app:sec-ret:None");
  tf::FunctionRunResponse dec = Decode(enc.result.AsString());
  ASSERT_FALSE(dec.error.has_value());
  EXPECT_EQ(dec.result.Attr("organization").AsString(), "");
  // A key whose organization is literally "None" decodes the same way.
  dec = Decode(absl::Base64Escape("h:app:sec-ret:None"));
  ASSERT_FALSE(dec.error.has_value());
  EXPECT_EQ(dec.result.Attr("organization").AsString(), "");
}

TEST(Functions, DecodeErrorsAreOnTheArgumentAndDoNotEchoTheValue) {
  const std::string secret = "very-secret-value";
  const std::vector<std::string> bad = {
      "",
      "not base64 at all !!",
      absl::Base64Escape("only:two-" + secret),
      absl::Base64Escape(":app:" + secret + ":org"),     // empty endpoint
      absl::Base64Escape("host::" + secret + ":org"),    // empty client_id
  };
  for (const std::string& key : bad) {
    SCOPED_TRACE(key);
    tf::FunctionRunResponse r = Decode(key);
    ASSERT_TRUE(r.error.has_value());
    EXPECT_EQ(r.error->argument, 0);
    EXPECT_NE(r.error->text.find("api_key"), std::string::npos) << r.error->text;
    EXPECT_EQ(r.error->text.find(secret), std::string::npos) << r.error->text;
    if (!key.empty()) {
      EXPECT_EQ(r.error->text.find(key), std::string::npos) << r.error->text;
    }
    EXPECT_TRUE(r.result.IsNull());
  }
}

TEST(Functions, EncodeRejectsEmptyPartsOnTheirArgument) {
  struct Case {
    std::string endpoint, id, secret;
    int64_t argument;
    std::string names;
  };
  for (const Case& c : std::vector<Case>{{"", "app", "sec-ret", 0, "endpoint"},
                                         {"h", "", "sec-ret", 1, "client_id"},
                                         {"h", "app", "", 2, "client_secret"}}) {
    tf::FunctionRunResponse r = Encode(c.endpoint, c.id, c.secret, "org");
    ASSERT_TRUE(r.error.has_value()) << c.names;
    EXPECT_EQ(r.error->argument, c.argument);
    EXPECT_NE(r.error->text.find(c.names), std::string::npos) << r.error->text;
    EXPECT_TRUE(r.result.IsNull());
  }
}

TEST(Functions, EncodeRejectsAColonOutsideTheEndpointWithoutEchoingIt) {
  const std::string secret = "sec:ret-value";
  tf::FunctionRunResponse r = Encode("h:1", "app", secret, "org");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->argument, 2);
  EXPECT_NE(r.error->text.find("client_secret"), std::string::npos);
  EXPECT_EQ(r.error->text.find(secret), std::string::npos) << r.error->text;

  r = Encode("h", "a:pp", "secret", "org");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->argument, 1);

  r = Encode("h", "app", "secret", "o:rg");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->argument, 3);
  EXPECT_NE(r.error->text.find("organization"), std::string::npos);

  // An endpoint that is not host[:port] is the endpoint's fault.
  r = Encode("h:1:2", "app", "secret", "org");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->argument, 0);
  EXPECT_NE(r.error->text.find("endpoint"), std::string::npos);
}

}  // namespace
}  // namespace union_provider
