#include "devserver/src/request_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "devserver/src/message_text.h"
#include "cloudidl/identity/enums.pb.h"

namespace devserver {
namespace {

namespace pb = ::cloudidl::identity;

absl::Status Invalid(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

absl::Status CheckMaxBytes(absl::string_view field, absl::string_view value,
                           std::size_t max) {
  if (value.size() > max) {
    return Invalid(field, absl::StrCat("must be at most ", max, " bytes"));
  }
  return absl::OkStatus();
}

absl::Status CheckRequired(absl::string_view field, absl::string_view value,
                           std::size_t max) {
  if (value.empty()) return Invalid(field, "must be at least 1 character");
  return CheckMaxBytes(field, value, max);
}

bool IsClientIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

absl::Status CheckNewClientId(absl::string_view id) {
  if (absl::Status s = CheckRequired("client_id", id, kMaxClientIdBytes);
      !s.ok()) {
    return s;
  }
  for (char c : id) {
    if (!IsClientIdChar(c)) {
      return Invalid(
          "client_id",
          "may contain only lower-case letters, digits, '-', '_' and '.'");
    }
  }
  return absl::OkStatus();
}

template <typename Strings>
absl::Status CheckStrings(absl::string_view field, const Strings& values) {
  if (static_cast<std::size_t>(values.size()) > kMaxListEntries) {
    return Invalid(
        field, absl::StrCat("must have at most ", kMaxListEntries, " entries"));
  }
  for (int i = 0; i < values.size(); ++i) {
    const std::string name = absl::StrCat(field, "[", i, "]");
    if (absl::Status s = CheckRequired(name, values.Get(i), kMaxUriBytes);
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

// A redirect URI must be absolute (RFC 3986: scheme ":" rest, the scheme a
// letter then letters, digits, '+', '-' or '.'), without spaces or control
// characters, and not of a scheme that runs or reads content in place.
absl::Status CheckRedirectUri(absl::string_view field,
                              absl::string_view uri) {
  const std::size_t colon = uri.find(':');
  bool scheme_ok = colon != absl::string_view::npos && colon > 0 &&
                   absl::ascii_isalpha(static_cast<unsigned char>(uri[0]));
  for (std::size_t i = 1; scheme_ok && i < colon; ++i) {
    const unsigned char c = static_cast<unsigned char>(uri[i]);
    scheme_ok = absl::ascii_isalnum(c) || c == '+' || c == '-' || c == '.';
  }
  if (!scheme_ok || colon + 1 == uri.size()) {
    return Invalid(field,
                   absl::StrCat(QuoteForMessage(uri),
                                " is not an absolute URI (scheme:rest, e.g. "
                                "https://app.example.com/callback)"));
  }
  for (char c : uri) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f) {
      return Invalid(field, absl::StrCat(QuoteForMessage(uri),
                                         " contains a space or control "
                                         "character"));
    }
  }
  const std::string scheme = absl::AsciiStrToLower(uri.substr(0, colon));
  if (scheme == "javascript" || scheme == "data" || scheme == "file") {
    return Invalid(field, absl::StrCat(QuoteForMessage(uri), ": the ", scheme,
                                       ": scheme is not allowed in a "
                                       "redirect URI"));
  }
  return absl::OkStatus();
}

absl::Status CheckRedirectUris(
    const google::protobuf::RepeatedPtrField<std::string>& uris) {
  if (absl::Status s = CheckStrings("redirect_uris", uris); !s.ok()) return s;
  for (int i = 0; i < uris.size(); ++i) {
    if (absl::Status s = CheckRedirectUri(
            absl::StrCat("redirect_uris[", i, "]"), uris.Get(i));
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

template <typename Enums>
absl::Status CheckEnums(absl::string_view field, const Enums& values,
                        bool (*is_valid)(int)) {
  if (static_cast<std::size_t>(values.size()) > kMaxEnumEntries) {
    return Invalid(
        field, absl::StrCat("must have at most ", kMaxEnumEntries, " entries"));
  }
  for (int v : values) {
    if (!is_valid(v)) return Invalid(field, absl::StrCat("unknown value ", v));
  }
  return absl::OkStatus();
}

absl::Status CheckEnum(absl::string_view field, int value,
                       bool (*is_valid)(int)) {
  if (!is_valid(value))
    return Invalid(field, absl::StrCat("unknown value ", value));
  return absl::OkStatus();
}

// The fields CreateAppRequest and UpdateAppRequest share, bar the ids and name.
template <typename Request>
absl::Status CheckCommon(const Request& r) {
  const std::pair<absl::string_view, const std::string*> uris[] = {
      {"logo_uri", &r.logo_uri()},     {"client_uri", &r.client_uri()},
      {"policy_uri", &r.policy_uri()}, {"tos_uri", &r.tos_uri()},
      {"jwks_uri", &r.jwks_uri()},
  };
  absl::Status checks[] = {
      CheckMaxBytes("organization", r.organization(), kMaxOrganizationBytes),
      CheckRedirectUris(r.redirect_uris()),
      CheckStrings("contacts", r.contacts()),
      CheckEnums("response_types", r.response_types(),
                 pb::ResponseTypes_IsValid),
      CheckEnums("grant_types", r.grant_types(), pb::GrantTypes_IsValid),
      CheckEnum("application_type", r.application_type(),
                pb::ApplicationType_IsValid),
      CheckEnum("token_endpoint_auth_method", r.token_endpoint_auth_method(),
                pb::TokenEndpointAuthMethod_IsValid),
  };
  for (absl::Status& s : checks) {
    if (!s.ok()) return s;
  }
  for (const auto& [field, value] : uris) {
    if (absl::Status s = CheckMaxBytes(field, *value, kMaxUriBytes); !s.ok())
      return s;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateCreate(const pb::CreateAppRequest& r) {
  if (absl::Status s = CheckNewClientId(r.client_id()); !s.ok()) return s;
  if (absl::Status s =
          CheckRequired("client_name", r.client_name(), kMaxClientNameBytes);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = CheckEnum("consent_method", r.consent_method(),
                                 pb::ConsentMethod_IsValid);
      !s.ok()) {
    return s;
  }
  return CheckCommon(r);
}

absl::Status ValidateUpdate(const pb::UpdateAppRequest& r) {
  if (absl::Status s =
          CheckRequired("client_id", r.client_id(), kMaxLookupIdBytes);
      !s.ok()) {
    return s;
  }
  if (absl::Status s =
          CheckMaxBytes("client_name", r.client_name(), kMaxClientNameBytes);
      !s.ok()) {
    return s;
  }
  return CheckCommon(r);
}

absl::Status ValidateLookup(absl::string_view organization,
                            absl::string_view client_id) {
  if (absl::Status s = ValidateOrganization(organization); !s.ok()) return s;
  return CheckRequired("client_id", client_id, kMaxLookupIdBytes);
}

absl::Status ValidateOrganization(absl::string_view organization) {
  return CheckMaxBytes("organization", organization, kMaxOrganizationBytes);
}

}  // namespace devserver
