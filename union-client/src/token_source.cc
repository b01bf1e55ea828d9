// OAuth2 client-credentials token source with a shared, guarded cache.
#include "union/token_source.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "http.h"
#include "union/log.h"
#include "union/redact.h"

namespace unionc {
namespace {

using std::chrono::steady_clock;

// A short OAuth2 error code ("invalid_client") is safe to show; anything else
// from the body is not (it might echo credentials).
std::string SafeOAuthError(const std::string& body) {
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("error") || !j["error"].is_string()) {
    return "";
  }
  std::string e = j["error"].get<std::string>();
  if (e.size() > 64) return "";
  for (char c : e) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return "";
    }
  }
  return e;
}

}  // namespace

TokenSource::TokenSource(ApiKeyCredentials credentials, Discover discover,
                         TokenSourceOptions options)
    : credentials_(std::move(credentials)),
      discover_(std::move(discover)),
      options_(std::move(options)) {}

absl::StatusOr<std::string> TokenSource::Token(Deadline deadline) {
  absl::MutexLock lock(&mu_);
  if (token_.empty() || steady_clock::now() >= refresh_at_) {
    absl::Status s = FetchLocked(deadline);
    if (!s.ok()) return s;
  }
  return token_;
}

void TokenSource::Invalidate(const std::string& token) {
  absl::MutexLock lock(&mu_);
  if (token == token_) token_.clear();
}

absl::StatusOr<AuthMetadata> TokenSource::Metadata(Deadline deadline) {
  absl::MutexLock lock(&mu_);
  return MetadataLocked(deadline);
}

int TokenSource::fetch_count() const {
  absl::MutexLock lock(&mu_);
  return fetch_count_;
}

absl::StatusOr<AuthMetadata> TokenSource::MetadataLocked(Deadline deadline) {
  if (metadata_) return *metadata_;
  absl::StatusOr<AuthMetadata> m = discover_(deadline);
  if (!m.ok()) return m.status();
  metadata_ = *m;
  Log(LogLevel::kDebug,
      absl::StrCat("union-client: token endpoint ", m->token_endpoint,
                   ", metadata key ", m->metadata_key));
  return m;
}

absl::Status TokenSource::FetchLocked(Deadline deadline) {
  absl::StatusOr<AuthMetadata> m = MetadataLocked(deadline);
  if (!m.ok()) return m.status();
  auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - steady_clock::now());
  if (remaining.count() <= 0) {
    return absl::DeadlineExceededError(
        "no time left to fetch an access token; raise the timeout");
  }
  http_internal::HttpRequest req;
  req.url = m->token_endpoint;
  req.post = true;
  req.form.emplace_back("grant_type", "client_credentials");
  if (!m->scopes.empty()) {
    req.form.emplace_back("scope", absl::StrJoin(m->scopes, " "));
  }
  if (!m->audience.empty()) req.form.emplace_back("audience", m->audience);
  req.basic_auth.emplace(credentials_.client_id, credentials_.client_secret);
  req.ca_cert_file = options_.ca_cert_file;
  req.timeout = std::min(options_.timeout, remaining);

  Log(LogLevel::kDebug,
      absl::StrCat("union-client: fetching an access token from ", req.url,
                   " for client_id ", credentials_.client_id));
  const auto started = steady_clock::now();
  absl::StatusOr<http_internal::HttpResponse> resp = http_internal::Perform(req);
  if (!resp.ok()) {
    return absl::Status(
        resp.status().code(),
        RedactSecrets(absl::StrCat("could not get an access token: ",
                                   resp.status().message()),
                      {credentials_.client_secret}));
  }
  const std::string where = absl::StrCat("the token endpoint ", req.url);
  if (resp->status != 200) {
    std::string oauth_error = SafeOAuthError(resp->body);
    std::string detail = absl::StrCat(
        "HTTP ", resp->status, oauth_error.empty() ? "" : " ", oauth_error);
    if (resp->status == 400 || resp->status == 401 || resp->status == 403) {
      return absl::UnauthenticatedError(absl::StrCat(
          where, " rejected the API key's client credentials (", detail,
          "); check that the API key is complete and was not deleted or "
          "rotated"));
    }
    if (resp->status == 429 || resp->status >= 500) {
      return absl::UnavailableError(absl::StrCat(
          where, " failed (", detail, "); retry later"));
    }
    return absl::InternalError(
        absl::StrCat(where, " answered unexpectedly (", detail, ")"));
  }
  nlohmann::json j = nlohmann::json::parse(resp->body, nullptr, false);
  if (!j.is_object()) {
    return absl::InternalError(absl::StrCat(
        where, " returned a response that is not a JSON object; check the "
               "endpoint (is it a Union control plane?)"));
  }
  if (!j.contains("access_token") || !j["access_token"].is_string() ||
      j["access_token"].get<std::string>().empty()) {
    return absl::InternalError(
        absl::StrCat(where, " returned no access_token"));
  }
  double expires_in = 3600;
  if (j.contains("expires_in")) {
    if (j["expires_in"].is_number()) {
      expires_in = j["expires_in"].get<double>();
    } else if (j["expires_in"].is_string()) {
      try {
        expires_in = std::stod(j["expires_in"].get<std::string>());
      } catch (...) {
        // keep the default
      }
    }
  }
  if (expires_in < 0) expires_in = 0;
  auto lifetime = std::chrono::duration_cast<steady_clock::duration>(
      std::chrono::duration<double>(expires_in));
  // Refresh when less than min(60 s, 10% of the lifetime) remains.
  auto margin = std::min<steady_clock::duration>(std::chrono::seconds(60),
                                                 lifetime / 10);
  token_ = j["access_token"].get<std::string>();
  refresh_at_ = started + lifetime - margin;
  ++fetch_count_;
  Log(LogLevel::kDebug,
      absl::StrCat("union-client: got an access token valid for ",
                   static_cast<int64_t>(expires_in), " s"));
  return absl::OkStatus();
}

}  // namespace unionc
