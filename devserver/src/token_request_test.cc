#include "devserver/src/token_request.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kForm[] = "application/x-www-form-urlencoded";
constexpr char kGrant[] = "grant_type=client_credentials";
constexpr char kSecret[] = "s3cr3t-Value_0123456789";  // test-only

std::string Basic(absl::string_view raw_id_colon_secret) {
  return absl::StrCat("Basic ", absl::Base64Escape(raw_id_colon_secret));
}

TokenRequest Want(std::string id, std::string secret, std::string grant,
                  std::string scope = "", std::string audience = "") {
  return TokenRequest{std::move(id), std::move(secret), std::move(grant),
                      std::move(scope), std::move(audience)};
}

struct Case {
  std::string name;
  std::string content_type;
  std::optional<std::string> authorization;
  std::string body;
  // Exactly one of these.
  std::optional<TokenRequest> ok;
  int status = 0;
  std::string error;
};

std::vector<Case> Cases() {
  const std::string good = Basic(absl::StrCat("my-app:", kSecret));
  return {
      {"basic", kForm, good, kGrant,
       Want("my-app", kSecret, "client_credentials"), 0, ""},
      {"basic with charset and odd case", "Application/X-WWW-Form-URLEncoded; "
       "charset=UTF-8", "bAsIc  " + absl::Base64Escape("a:b"), kGrant,
       Want("a", "b", "client_credentials"), 0, ""},
      {"basic id and secret are form-urlencoded", kForm,
       Basic("my%2Dapp%3Ax:p%2Bq+r%25"), kGrant,
       Want("my-app:x", "p+q r%", "client_credentials"), 0, ""},
      {"basic without padding", kForm, "Basic YTpiYw", kGrant,
       Want("a", "bc", "client_credentials"), 0, ""},
      {"basic: secret may hold a colon", kForm, Basic("a:b:c"), kGrant,
       Want("a", "b:c", "client_credentials"), 0, ""},
      {"client_secret_post", kForm, std::nullopt,
       absl::StrCat(kGrant, "&client_id=my-app&client_secret=", kSecret),
       Want("my-app", kSecret, "client_credentials"), 0, ""},
      {"scope and audience", kForm, good,
       absl::StrCat(kGrant, "&scope=all+offline&audience=https%3A%2F%2Fx.io"),
       Want("my-app", kSecret, "client_credentials", "all offline",
            "https://x.io"),
       0, ""},
      {"empty values count as absent", kForm, good,
       absl::StrCat(kGrant, "&scope=&audience&client_secret="),
       Want("my-app", kSecret, "client_credentials"), 0, ""},
      {"unknown parameters are ignored, even repeated", kForm, good,
       absl::StrCat(kGrant, "&x=1&x=2&&=&%zz=%E6"),
       Want("my-app", kSecret, "client_credentials"), 0, ""},
      {"body client_id equal to the Basic one", kForm, good,
       absl::StrCat(kGrant, "&client_id=my-app"),
       Want("my-app", kSecret, "client_credentials"), 0, ""},
      // The grant is checked after authentication, by CheckGrantType.
      {"wrong grant type is kept", kForm, good, "grant_type=password",
       Want("my-app", kSecret, "password"), 0, ""},
      {"missing grant type is kept empty", kForm, good, "scope=all",
       Want("my-app", kSecret, "", "all"), 0, ""},

      {"json content type", "application/json", good,
       R"({"grant_type":"client_credentials"})", std::nullopt, 400,
       "invalid_request"},
      {"missing content type", "", good, kGrant, std::nullopt, 400,
       "invalid_request"},
      {"form type prefix is not enough", "application/x-www-form-urlencodedx",
       good, kGrant, std::nullopt, 400, "invalid_request"},
      {"no credentials at all", kForm, std::nullopt, kGrant, std::nullopt, 401,
       "invalid_client"},
      {"client_secret_post without client_id", kForm, std::nullopt,
       absl::StrCat(kGrant, "&client_secret=x"), std::nullopt, 401,
       "invalid_client"},
      {"client_secret_post without secret", kForm, std::nullopt,
       absl::StrCat(kGrant, "&client_id=x"), std::nullopt, 401,
       "invalid_client"},
      {"empty Authorization", kForm, "", kGrant, std::nullopt, 401,
       "invalid_client"},
      {"Basic without credentials", kForm, "Basic", kGrant, std::nullopt, 401,
       "invalid_client"},
      {"Basic with spaces only", kForm, "Basic   ", kGrant, std::nullopt, 401,
       "invalid_client"},
      {"garbage Basic", kForm, "Basic !!!garbage***", kGrant, std::nullopt,
       401, "invalid_client"},
      {"bad base64 padding", kForm, "Basic YTpiYw=", kGrant, std::nullopt, 401,
       "invalid_client"},
      {"base64 with inner space", kForm, "Basic YTpi YWJj", kGrant,
       std::nullopt, 401, "invalid_client"},
      {"no colon", kForm, Basic("no-colon-here"), kGrant, std::nullopt, 401,
       "invalid_client"},
      {"empty id", kForm, Basic(":secret-only"), kGrant, std::nullopt, 401,
       "invalid_client"},
      {"empty secret", kForm, Basic("id-only:"), kGrant, std::nullopt, 401,
       "invalid_client"},
      {"wrong scheme", kForm, "Bearer abc", kGrant, std::nullopt, 401,
       "invalid_client"},
      {"scheme glued to credentials", kForm,
       "Basic" + absl::Base64Escape("a:b"), kGrant, std::nullopt, 401,
       "invalid_client"},
      {"Basic and client_secret_post together", kForm, good,
       absl::StrCat(kGrant, "&client_id=my-app&client_secret=", kSecret),
       std::nullopt, 400, "invalid_request"},
      {"body client_id differs from Basic", kForm, good,
       absl::StrCat(kGrant, "&client_id=other"), std::nullopt, 400,
       "invalid_request"},
      {"duplicate grant_type", kForm, good,
       absl::StrCat(kGrant, "&", kGrant), std::nullopt, 400,
       "invalid_request"},
      {"duplicate scope, one empty", kForm, good,
       absl::StrCat(kGrant, "&scope=&scope=all"), std::nullopt, 400,
       "invalid_request"},
      {"duplicate via an encoded name", kForm, good,
       absl::StrCat(kGrant, "&grant%5Ftype=x"), std::nullopt, 400,
       "invalid_request"},
      {"duplicate client_secret", kForm, std::nullopt,
       absl::StrCat(kGrant, "&client_id=a&client_secret=b&client_secret=c"),
       std::nullopt, 400, "invalid_request"},
      {"invalid UTF-8 scope", kForm, good, absl::StrCat(kGrant, "&scope=%E6"),
       std::nullopt, 400, "invalid_scope"},
      {"non-ASCII UTF-8 scope", kForm, good,
       absl::StrCat(kGrant, "&scope=%C3%A9"), std::nullopt, 400,
       "invalid_scope"},
      {"scope with a quote", kForm, good, absl::StrCat(kGrant, "&scope=a%22b"),
       std::nullopt, 400, "invalid_scope"},
      {"scope with a backslash", kForm, good,
       absl::StrCat(kGrant, "&scope=a%5Cb"), std::nullopt, 400,
       "invalid_scope"},
      {"scope with a control character", kForm, good,
       absl::StrCat(kGrant, "&scope=a%0Ab"), std::nullopt, 400,
       "invalid_scope"},
      {"scope with a double space", kForm, good,
       absl::StrCat(kGrant, "&scope=a++b"), std::nullopt, 400,
       "invalid_scope"},
      {"scope with a trailing space", kForm, good,
       absl::StrCat(kGrant, "&scope=all+"), std::nullopt, 400,
       "invalid_scope"},
      {"scope too long", kForm, good,
       absl::StrCat(kGrant, "&scope=", std::string(kMaxScopeBytes + 1, 'a')),
       std::nullopt, 400, "invalid_scope"},
      {"invalid UTF-8 audience", kForm, good,
       absl::StrCat(kGrant, "&audience=%FF"), std::nullopt, 400,
       "invalid_request"},
      {"audience with NUL", kForm, good, absl::StrCat(kGrant, "&audience=a%00"),
       std::nullopt, 400, "invalid_request"},
      {"audience too long", kForm, good,
       absl::StrCat(kGrant, "&audience=",
                    std::string(kMaxAudienceBytes + 1, 'a')),
       std::nullopt, 400, "invalid_request"},
  };
}

TEST(ParseTokenRequestTest, Table) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    std::optional<absl::string_view> authorization;
    if (c.authorization.has_value()) authorization = *c.authorization;
    std::variant<TokenRequest, TokenRequestError> got =
        ParseTokenRequest(c.content_type, authorization, c.body);
    if (c.ok.has_value()) {
      const auto* request = std::get_if<TokenRequest>(&got);
      ASSERT_NE(request, nullptr)
          << std::get<TokenRequestError>(got).error << ": "
          << std::get<TokenRequestError>(got).description;
      EXPECT_EQ(request->client_id, c.ok->client_id);
      EXPECT_TRUE(request->client_secret == c.ok->client_secret);
      EXPECT_EQ(request->grant_type, c.ok->grant_type);
      EXPECT_EQ(request->scope, c.ok->scope);
      EXPECT_EQ(request->audience, c.ok->audience);
      continue;
    }
    const auto* error = std::get_if<TokenRequestError>(&got);
    ASSERT_NE(error, nullptr) << "parsed, but should fail";
    EXPECT_EQ(error->http_status, c.status);
    EXPECT_EQ(error->error, c.error);
    EXPECT_FALSE(error->description.empty());
    // Descriptions are fixed text: never the credentials.
    EXPECT_THAT(error->description, Not(HasSubstr(kSecret)));
    if (c.authorization.has_value() && c.authorization->size() > 6) {
      EXPECT_THAT(error->description, Not(HasSubstr(*c.authorization)));
    }
  }
}

TEST(CheckGrantTypeTest, OnlyClientCredentials) {
  EXPECT_EQ(CheckGrantType("client_credentials"), std::nullopt);
  std::optional<TokenRequestError> e = CheckGrantType("");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->error, "invalid_request");
  e = CheckGrantType("password");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->http_status, 400);
  EXPECT_EQ(e->error, "unsupported_grant_type");
  EXPECT_THAT(e->description, Not(HasSubstr("password")));
  EXPECT_TRUE(CheckGrantType("CLIENT_CREDENTIALS").has_value());
}

TEST(EncodeTokenRequestTest, RoundTrips) {
  const TokenRequest requests[] = {
      Want("my-app", kSecret, "client_credentials"),
      Want("a:b c%d+e", "s:e c&r=e+t%", "client_credentials", "all offline",
           "https://x.io/a?b=c&d"),
      Want(std::string("\x00\xff\xe6", 3), std::string("\n\r\t", 3),
           std::string("\xe6&=", 3)),
  };
  for (const TokenRequest& r : requests) {
    EncodedTokenRequest e = EncodeTokenRequest(r);
    std::variant<TokenRequest, TokenRequestError> got =
        ParseTokenRequest(kForm, e.authorization, e.body);
    ASSERT_TRUE(std::holds_alternative<TokenRequest>(got)) << e.body;
    EXPECT_TRUE(std::get<TokenRequest>(got) == r) << e.body;
  }
}

}  // namespace
}  // namespace devserver
