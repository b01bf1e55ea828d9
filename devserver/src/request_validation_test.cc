#include "devserver/src/request_validation.h"

#include "devserver/tests/reference_request.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::HasSubstr;

pb::CreateAppRequest GoodCreate() {
  return testing::ReferenceCreateRequest("", "ci-pipeline-1");
}

void ExpectInvalid(const absl::Status& s, const std::string& field) {
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_THAT(std::string(s.message()), HasSubstr(field + ":"));
}

TEST(RequestValidationTest, ReferenceCreateRequestIsValid) {
  EXPECT_TRUE(ValidateCreate(GoodCreate()).ok());
}

TEST(RequestValidationTest, EmptyIdsAndNamesNameTheField) {
  pb::CreateAppRequest r = GoodCreate();
  r.clear_client_name();
  absl::Status s = ValidateCreate(r);
  ExpectInvalid(s, "client_name");
  EXPECT_EQ(s.message(), "client_name: must be at least 1 character");
  r = GoodCreate();
  r.clear_client_id();
  ExpectInvalid(ValidateCreate(r), "client_id");
}

TEST(RequestValidationTest, ClientIdCharset) {
  for (const char* bad : {"Upper", "has space", "colon:id", "slash/id", "é"}) {
    pb::CreateAppRequest r = GoodCreate();
    r.set_client_id(bad);
    ExpectInvalid(ValidateCreate(r), "client_id");
  }
  pb::CreateAppRequest r = GoodCreate();
  r.set_client_id("a.b_c-9");
  EXPECT_TRUE(ValidateCreate(r).ok());
  r.set_client_id(std::string(kMaxClientIdBytes + 1, 'a'));
  ExpectInvalid(ValidateCreate(r), "client_id");
}

TEST(RequestValidationTest, SizeLimits) {
  pb::CreateAppRequest r = GoodCreate();
  r.set_client_name(std::string(1 << 20, 'n'));
  ExpectInvalid(ValidateCreate(r), "client_name");
  r = GoodCreate();
  for (int i = 0; i < 65; ++i) r.add_redirect_uris("http://x");
  ExpectInvalid(ValidateCreate(r), "redirect_uris");
  r = GoodCreate();
  r.add_redirect_uris("");
  ExpectInvalid(ValidateCreate(r), "redirect_uris[1]");
  r = GoodCreate();
  r.set_logo_uri(std::string(kMaxUriBytes + 1, 'u'));
  ExpectInvalid(ValidateCreate(r), "logo_uri");
  r = GoodCreate();
  r.set_organization(std::string(kMaxOrganizationBytes + 1, 'o'));
  ExpectInvalid(ValidateCreate(r), "organization");
}

TEST(RequestValidationTest, UnknownEnumValues) {
  pb::CreateAppRequest r = GoodCreate();
  r.add_grant_types(static_cast<pb::GrantTypes>(99));
  ExpectInvalid(ValidateCreate(r), "grant_types");
  r = GoodCreate();
  r.set_token_endpoint_auth_method(static_cast<pb::TokenEndpointAuthMethod>(7));
  ExpectInvalid(ValidateCreate(r), "token_endpoint_auth_method");
  r = GoodCreate();
  r.set_consent_method(static_cast<pb::ConsentMethod>(-1));
  ExpectInvalid(ValidateCreate(r), "consent_method");
}

TEST(RequestValidationTest, UpdateAllowsOmittedFieldsButNeedsAnId) {
  pb::UpdateAppRequest r;
  ExpectInvalid(ValidateUpdate(r), "client_id");
  r.set_client_id("any-existing-ID");
  EXPECT_TRUE(ValidateUpdate(r).ok());
  r.set_client_name(std::string(kMaxClientNameBytes + 1, 'n'));
  ExpectInvalid(ValidateUpdate(r), "client_name");
}

TEST(RequestValidationTest, Lookup) {
  ExpectInvalid(ValidateLookup("", ""), "client_id");
  EXPECT_TRUE(ValidateLookup("", "Any.Foreign:Id").ok());
  ExpectInvalid(ValidateLookup("", std::string(kMaxLookupIdBytes + 1, 'a')),
                "client_id");
}

TEST(RequestValidationTest, RedirectUrisMustBeAbsoluteAndOfASafeScheme) {
  for (const char* good :
       {"https://app.example.com/cb", "http://localhost:8080/cb",
        "com.example.app:/oauth2redirect", "urn:ietf:wg:oauth:2.0:oob",
        "my-app+v1.2://callback",
        // Syntactically a URI of scheme "localhost" (RFC 3986 cannot tell).
        "localhost:8080/cb"}) {
    pb::CreateAppRequest r = GoodCreate();
    r.add_redirect_uris(good);
    EXPECT_TRUE(ValidateCreate(r).ok()) << good;
    pb::UpdateAppRequest u;
    u.set_client_id("k");
    u.add_redirect_uris(good);
    EXPECT_TRUE(ValidateUpdate(u).ok()) << good;
  }
  for (const char* bad :
       {"/relative/path", "://no-scheme", "1http://x", "ht tp://x",
        "https:", "no-colon", "https://exa mple.com/", "https://x/\ncb",
        "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>",
        "DATA:x", "file:///etc/passwd", "File://host/x"}) {
    pb::CreateAppRequest r = GoodCreate();
    r.add_redirect_uris(bad);  // index 1
    ExpectInvalid(ValidateCreate(r), "redirect_uris[1]");
    pb::UpdateAppRequest u;
    u.set_client_id("k");
    u.add_redirect_uris(bad);  // index 0
    ExpectInvalid(ValidateUpdate(u), "redirect_uris[0]");
  }
  pb::CreateAppRequest r = GoodCreate();
  r.add_redirect_uris("javascript:alert(1)");
  EXPECT_THAT(std::string(ValidateCreate(r).message()),
              HasSubstr("\"javascript:alert(1)\""));
  EXPECT_THAT(std::string(ValidateCreate(r).message()),
              HasSubstr("javascript: scheme"));
  // A long bad value is quoted cut, with its size.
  r = GoodCreate();
  r.add_redirect_uris("javascript:" + std::string(2000, 'a'));
  absl::Status s = ValidateCreate(r);
  ExpectInvalid(s, "redirect_uris[1]");
  EXPECT_LT(s.message().size(), 300u);
  EXPECT_THAT(std::string(s.message()), HasSubstr("(2011 bytes)"));
}

}  // namespace
}  // namespace devserver
