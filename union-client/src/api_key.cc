// ApiKeys: the reference SDK's ApiKey operations over AppsService.
#include "union/api_key.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl_compat.h"
#include "app_convert.h"
#include "call.h"
#include "cloudidl/identity/app_payload.pb.h"
#include "serverless.h"
#include "support/status_macros.h"
#include "union/credentials.h"
#include "union/endpoint.h"
#include "union/errors.h"
#include "union/redact.h"

namespace unionc {
namespace {

namespace id = cloudidl::identity;
using client_internal::CallInfo;

// A request naming the key `client_id` in `org`.
template <typename Request>
Request KeyRequest(std::string_view org, std::string_view client_id) {
  Request req;
  req.set_organization(std::string(org));
  req.set_client_id(std::string(client_id));
  return req;
}
using client_internal::Invoke;
using client_internal::RetryPolicy;

// Union's serverless hosts: keys there are per user.
constexpr std::array<std::string_view, 3> kServerlessHosts = {
    "serverless-1.us-east-2.s.union.ai",
    "serverless-preview.canary.unionai.cloud",
    "serverless-gcp.cloud-staging.union.ai",
};

constexpr uint32_t kMaxPageSize = 100;
constexpr int kMaxPages = 100000;  // guards against a server looping tokens

CallInfo Info(const Client& c, std::string_view op, std::string client_id,
              std::string org) {
  return CallInfo{.operation = std::string(op),
                  .client_id = std::move(client_id),
                  .org = std::move(org),
                  .endpoint = c.config().endpoint,
                  .timeout = c.config().timeout};
}

absl::Status CheckClientId(std::string_view client_id) {
  if (client_id.empty()) {
    return absl::InvalidArgumentError(
        "the client_id is empty; pass the id shown by `union-apikey list`");
  }
  return absl::OkStatus();
}

// Every entry, before anything is sent; the message names the entry.
absl::Status CheckRedirectUris(const std::vector<std::string>& uris) {
  for (size_t i = 0; i < uris.size(); ++i) {
    if (absl::Status st = ValidateRedirectUri(uris[i]); !st.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("redirect_uris[", i, "]: ", st.message()));
    }
  }
  return absl::OkStatus();
}

bool IsSchemeChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '+' ||
         c == '-' || c == '.';
}

// The serverless user handle (additional_claims["userhandle"]).
absl::StatusOr<std::string> UserHandle(const Client& c) {
  flyteidl::service::UserInfoResponse resp;
  client_internal::Connection& conn = c.connection();
  TFPU_RETURN_IF_ERROR(Invoke(c, RetryPolicy::kIdempotent,
                              Info(c, "look up the user of", "", ""),
                              [&](grpc::ClientContext* ctx) {
                                return conn.identity().UserInfo(ctx, {}, &resp);
                              }));
  const auto& fields = resp.additional_claims().fields();
  auto it = fields.find("userhandle");
  if (it == fields.end() || it->second.string_value().empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "Union at ", TruncateForMessage(c.config().endpoint),
        " did not report a userhandle for this API key, which serverless "
        "keys need; use a key created by a user"));
  }
  return it->second.string_value();
}

}  // namespace

std::string NormalizeKeyName(std::string_view name) {
  std::string out;
  bool in_run = false;
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80 && absl::ascii_isalnum(c)) {
      out.push_back(static_cast<char>(absl::ascii_tolower(c)));
      in_run = false;
    } else if (!in_run) {
      out.push_back('-');
      in_run = true;
    }
  }
  return out;
}

absl::Status ValidateKeyName(std::string_view name) {
  const std::string normalized = NormalizeKeyName(name);
  const bool has_alnum =
      std::any_of(normalized.begin(), normalized.end(), [](char c) {
        return absl::ascii_isalnum(static_cast<unsigned char>(c));
      });
  if (!has_alnum) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the API key name \"", TruncateForMessage(name),
        "\" has no letter or digit, so it would not make a usable client_id",
        normalized.empty()
            ? ""
            : absl::StrCat(" (it would become \"", normalized, "\")"),
        "; use a name with letters or digits, such as \"ci-pipeline\""));
  }
  if (normalized.size() > kMaxClientIdLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("the API key name \"", TruncateForMessage(name),
                     "\" makes a client_id of ", normalized.size(),
                     " characters, more than Union's limit of ",
                     kMaxClientIdLength, "; use a shorter name"));
  }
  return absl::OkStatus();
}

absl::Status ValidateRedirectUri(std::string_view uri) {
  auto invalid = [&](std::string_view problem) {
    return absl::InvalidArgumentError(
        absl::StrCat("the redirect URI \"", TruncateForMessage(uri), "\" ",
                     internal::Av(problem),
                     "; give an absolute URI such as "
                     "\"https://example.com/callback\""));
  };
  if (uri.empty()) return invalid("is empty");
  const size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      !absl::ascii_isalpha(static_cast<unsigned char>(uri[0])) ||
      !std::all_of(uri.begin(), uri.begin() + colon, IsSchemeChar)) {
    return invalid("is not absolute (it has no scheme such as \"https:\")");
  }
  if (colon + 1 == uri.size()) return invalid("has nothing after its scheme");
  for (char ch : uri) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) {
      return invalid("contains a space or a control character");
    }
  }
  const std::string scheme =
      absl::AsciiStrToLower(internal::Av(uri.substr(0, colon)));
  for (std::string_view refused : kRefusedRedirectUriSchemes) {
    if (scheme == refused) {
      return invalid(absl::StrCat("uses the scheme \"", internal::Av(refused),
                                  ":\", which is not allowed for a redirect"));
    }
  }
  return absl::OkStatus();
}

std::string FormatRfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

bool IsServerlessEndpoint(std::string_view endpoint) {
  const std::string host =
      absl::AsciiStrToLower(EndpointHost(NormalizeEndpoint(endpoint)));
  return std::find(kServerlessHosts.begin(), kServerlessHosts.end(), host) !=
         kServerlessHosts.end();
}

nlohmann::json ToJson(const ApiKey& key, JsonOptions options) {
  nlohmann::json j = {
      {"client_id", key.client_id},
      {"client_name", key.client_name},
      {"organization", key.organization},
      {"redirect_uris", key.redirect_uris},
      {"grant_types", key.grant_types},
      {"response_types", key.response_types},
      {"token_endpoint_auth_method", key.token_endpoint_auth_method},
      {"application_type", key.application_type},
      {"client_id_issued_at",
       key.client_id_issued_at ? FormatRfc3339(*key.client_id_issued_at) : ""},
      {"client_id_issued_at_seconds",
       key.client_id_issued_at ? absl::ToUnixSeconds(*key.client_id_issued_at)
                               : 0},
      {"client_secret_expires_at",
       key.client_secret_expires_at
           ? nlohmann::json(FormatRfc3339(*key.client_secret_expires_at))
           : nlohmann::json(nullptr)},
  };
  auto secret = [&](const char* name, const std::optional<std::string>& v) {
    if (!v) return;
    j[name] = options.include_secrets ? *v : Redact(*v);
  };
  secret("client_secret", key.client_secret);
  secret("encoded_credentials", key.encoded_credentials);
  return j;
}

std::string ToJsonString(const ApiKey& key, JsonOptions options) {
  return ToJson(key, options).dump(2);
}

ApiKeys::ApiKeys(std::shared_ptr<Client> client) : client_(std::move(client)) {}

absl::StatusOr<ApiKey> ApiKeys::Create(
    std::string_view name, const std::vector<std::string>& redirect_uris,
    const CreateOptions& options) const {
  const Client& c = *client_;
  if (name.empty()) {
    return absl::InvalidArgumentError(
        "the API key name is empty; give a name such as \"ci-pipeline\"");
  }
  TFPU_RETURN_IF_ERROR(ValidateKeyName(name));
  TFPU_RETURN_IF_ERROR(CheckRedirectUris(redirect_uris));
  std::string normalized = NormalizeKeyName(name);
  std::string org = c.config().org;
  std::string client_id = normalized;
  if (IsServerlessEndpoint(c.config().endpoint)) {
    TFPU_ASSIGN_OR_RETURN(std::string handle, UserHandle(c));
    client_internal::KeyIdentity ident = client_internal::ServerlessKeyIdentity(
        c.config().endpoint, handle, normalized);
    client_id = std::move(ident.client_id);
    org = std::move(ident.org);
    if (client_id.size() > kMaxClientIdLength) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the serverless client_id \"", TruncateForMessage(client_id),
          "\" would have ", client_id.size(),
          " characters, more than Union's limit of ", kMaxClientIdLength,
          "; use a shorter name"));
    }
  }

  auto req = KeyRequest<id::CreateAppRequest>(org, client_id);
  req.set_client_name(options.client_name && !options.client_name->empty()
                          ? *options.client_name
                          : client_id);
  req.add_grant_types(id::CLIENT_CREDENTIALS);
  req.add_grant_types(id::AUTHORIZATION_CODE);
  if (redirect_uris.empty()) {
    req.add_redirect_uris(std::string(kDefaultRedirectUri));
  } else {
    for (const std::string& u : redirect_uris) req.add_redirect_uris(u);
  }
  req.add_response_types(id::CODE);
  req.set_token_endpoint_auth_method(id::CLIENT_SECRET_BASIC);
  req.set_consent_method(id::CONSENT_METHOD_REQUIRED);
  req.set_skip_default_policy_assignments(
      options.skip_default_policy_assignments);

  id::CreateAppResponse resp;
  client_internal::Connection& conn = c.connection();
  TFPU_RETURN_IF_ERROR(Invoke(c, RetryPolicy::kCreate,
                              Info(c, "create", client_id, org),
                              [&](grpc::ClientContext* ctx) {
                                return conn.apps().Create(ctx, req, &resp);
                              }));
  ApiKey key = client_internal::ApiKeyFromApp(resp.app(), org);
  if (key.client_id.empty()) key.client_id = client_id;
  if (!key.client_secret) {
    return absl::InternalError(absl::StrCat(
        "Union created API key \"", TruncateForMessage(key.client_id),
        "\" but returned no secret; delete it and create it again"));
  }
  key.encoded_credentials =
      ApiKeyCredentials{.endpoint = c.config().endpoint,
                        .client_id = key.client_id,
                        .client_secret = *key.client_secret,
                        .org = org}
          .Encode();
  return key;
}

absl::StatusOr<ApiKey> ApiKeys::Get(std::string_view client_id) const {
  TFPU_RETURN_IF_ERROR(CheckClientId(client_id));
  const Client& c = *client_;
  const auto req = KeyRequest<id::GetAppRequest>(c.config().org, client_id);
  id::GetAppResponse resp;
  client_internal::Connection& conn = c.connection();
  TFPU_RETURN_IF_ERROR(
      Invoke(c, RetryPolicy::kIdempotent,
             Info(c, "get", std::string(client_id), c.config().org),
             [&](grpc::ClientContext* ctx) {
               return conn.apps().Get(ctx, req, &resp);
             }));
  ApiKey key = client_internal::ApiKeyFromApp(resp.app(), c.config().org);
  key.client_secret.reset();  // only Create may show it
  return key;
}

absl::StatusOr<std::vector<ApiKey>> ApiKeys::ListAll(
    uint32_t limit, const ListFilter& filter) const {
  const Client& c = *client_;
  client_internal::Connection& conn = c.connection();
  std::vector<ApiKey> out;
  std::string token;
  for (int page = 0; page < kMaxPages; ++page) {
    id::ListAppsRequest req;
    req.set_organization(c.config().org);
    uint32_t want = kMaxPageSize;
    if (limit != 0) {
      want = std::min<uint32_t>(kMaxPageSize,
                                limit - static_cast<uint32_t>(out.size()));
    }
    req.mutable_request()->set_limit(want);
    req.mutable_request()->set_token(token);
    if (!filter.client_id_prefix.empty()) {
      cloudidl::common::Filter* f = req.mutable_request()->add_filters();
      f->set_function(cloudidl::common::Filter::CONTAINS);
      f->set_field("client_id");
      f->add_values(filter.client_id_prefix);
    }
    id::ListAppsResponse resp;
    TFPU_RETURN_IF_ERROR(Invoke(c, RetryPolicy::kIdempotent,
                                Info(c, "list", "", c.config().org),
                                [&](grpc::ClientContext* ctx) {
                                  return conn.apps().List(ctx, req, &resp);
                                }));
    for (const id::App& app : resp.apps()) {
      if (limit != 0 && out.size() >= limit) break;
      // The server's CONTAINS is wider than a prefix, and a server may
      // ignore filters altogether.
      if (!absl::StartsWith(internal::Av(app.client_id()),
                            internal::Av(filter.client_id_prefix))) {
        continue;
      }
      ApiKey key = client_internal::ApiKeyFromApp(app, c.config().org);
      key.client_secret.reset();
      out.push_back(std::move(key));
    }
    if (resp.token().empty() || (limit != 0 && out.size() >= limit)) break;
    if (resp.token() == token) {
      return absl::InternalError(
          "Union returned the same page token twice while listing API keys");
    }
    token = resp.token();
  }
  return out;
}

absl::StatusOr<ApiKey> ApiKeys::Update(std::string_view client_id,
                                       const UpdateOptions& options) const {
  TFPU_RETURN_IF_ERROR(CheckClientId(client_id));
  const Client& c = *client_;
  client_internal::Connection& conn = c.connection();
  const std::string org = c.config().org;
  if (options.redirect_uris) {
    TFPU_RETURN_IF_ERROR(CheckRedirectUris(*options.redirect_uris));
  }

  const auto get = KeyRequest<id::GetAppRequest>(org, client_id);
  id::GetAppResponse current;
  TFPU_RETURN_IF_ERROR(Invoke(c, RetryPolicy::kIdempotent,
                              Info(c, "get", std::string(client_id), org),
                              [&](grpc::ClientContext* ctx) {
                                return conn.apps().Get(ctx, get, &current);
                              }));
  const id::App& app = current.app();

  auto req = KeyRequest<id::UpdateAppRequest>(org, client_id);
  if (options.redirect_uris) {
    for (const std::string& u : *options.redirect_uris)
      req.add_redirect_uris(u);
  } else {
    *req.mutable_redirect_uris() = app.redirect_uris();
  }
  *req.mutable_response_types() = app.response_types();
  *req.mutable_grant_types() = app.grant_types();
  req.set_application_type(app.application_type());
  *req.mutable_contacts() = app.contacts();
  req.set_client_name(options.client_name && !options.client_name->empty()
                          ? *options.client_name
                          : app.client_name());
  req.set_logo_uri(app.logo_uri());
  req.set_client_uri(app.client_uri());
  req.set_policy_uri(app.policy_uri());
  req.set_tos_uri(app.tos_uri());
  req.set_jwks_uri(app.jwks_uri());
  req.set_token_endpoint_auth_method(app.token_endpoint_auth_method());

  id::UpdateAppResponse resp;
  TFPU_RETURN_IF_ERROR(Invoke(c, RetryPolicy::kIdempotent,
                              Info(c, "update", std::string(client_id), org),
                              [&](grpc::ClientContext* ctx) {
                                return conn.apps().Update(ctx, req, &resp);
                              }));
  ApiKey key =
      client_internal::ApiKeyFromApp(resp.has_app() ? resp.app() : app, org);
  key.client_secret.reset();
  return key;
}

absl::Status ApiKeys::Delete(std::string_view client_id) const {
  TFPU_RETURN_IF_ERROR(CheckClientId(client_id));
  const Client& c = *client_;
  const auto req = KeyRequest<id::DeleteAppRequest>(c.config().org, client_id);
  id::DeleteAppResponse resp;
  client_internal::Connection& conn = c.connection();
  return Invoke(c, RetryPolicy::kIdempotent,
                Info(c, "delete", std::string(client_id), c.config().org),
                [&](grpc::ClientContext* ctx) {
                  return conn.apps().Delete(ctx, req, &resp);
                });
}

std::future<absl::StatusOr<ApiKey>> ApiKeys::CreateAsync(
    std::string name, std::vector<std::string> redirect_uris,
    CreateOptions options) const {
  return std::async(std::launch::async, [self = *this, name = std::move(name),
                                         uris = std::move(redirect_uris),
                                         options = std::move(options)] {
    return self.Create(name, uris, options);
  });
}

std::future<absl::StatusOr<ApiKey>> ApiKeys::GetAsync(
    std::string client_id) const {
  return std::async(
      std::launch::async,
      [self = *this, id = std::move(client_id)] { return self.Get(id); });
}

std::future<absl::StatusOr<std::vector<ApiKey>>> ApiKeys::ListAllAsync(
    uint32_t limit, ListFilter filter) const {
  return std::async(std::launch::async,
                    [self = *this, limit, filter = std::move(filter)] {
                      return self.ListAll(limit, filter);
                    });
}

std::future<absl::StatusOr<ApiKey>> ApiKeys::UpdateAsync(
    std::string client_id, UpdateOptions options) const {
  return std::async(
      std::launch::async,
      [self = *this, id = std::move(client_id), options = std::move(options)] {
        return self.Update(id, options);
      });
}

std::future<absl::Status> ApiKeys::DeleteAsync(std::string client_id) const {
  return std::async(
      std::launch::async,
      [self = *this, id = std::move(client_id)] { return self.Delete(id); });
}

}  // namespace unionc
