// OAuth2 client-credentials token source with a shared, guarded cache.
#include "union/token_source.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "absl_compat.h"
#include "http.h"
#include "http_transport.h"
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

TokenSource::TokenSource(std::string access_token)
    : discover_([](Deadline) { return absl::StatusOr<AuthMetadata>(AuthMetadata{}); }),
      fixed_(true) {
  token_ = std::move(access_token);
  token_type_ = "Bearer";
  expires_at_ = absl::InfiniteFuture();
  refresh_at_ = steady_clock::time_point::max();
  metadata_ = AuthMetadata{};
}

namespace {

struct RefreshWait {
  const uint64_t* generation;
  uint64_t seen;
};

bool RefreshEnded(RefreshWait* w) { return *w->generation != w->seen; }

absl::Time ToAbslTime(Deadline deadline) {
  return absl::Now() +
         absl::FromChrono(std::chrono::duration_cast<std::chrono::nanoseconds>(
             deadline - steady_clock::now()));
}

}  // namespace

bool TokenSource::CachedTokenValid() const {
  return !token_.empty() && steady_clock::now() < refresh_at_;
}

std::string TokenSource::RefreshReason() const {
  if (invalidated_) return "the server rejected the cached one (UNAUTHENTICATED)";
  if (token_.empty()) return "none cached yet";
  return absl::StrCat("the cached one expires at ",
                      absl::FormatTime(absl::RFC3339_sec, expires_at_,
                                       absl::UTCTimeZone()),
                      ", within the refresh margin");
}

absl::StatusOr<std::string> TokenSource::Token(Deadline deadline) {
  absl::StatusOr<AccessToken> current = Current(deadline);
  if (!current.ok()) return current.status();
  return std::move(current->access_token);
}

absl::StatusOr<AccessToken> TokenSource::Current(Deadline deadline) {
  auto cached = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return AccessToken{token_, token_type_, expires_at_};
  };
  std::string reason;
  {
    absl::MutexLock lock(&mu_);
    if (fixed_) return cached();
    while (true) {
      if (CachedTokenValid()) return cached();
      if (!refreshing_) break;
      // Another caller is refreshing: wait for it, but only as long as our
      // own deadline allows.
      RefreshWait wait{&refresh_generation_, refresh_generation_};
      if (!mu_.AwaitWithDeadline(absl::Condition(&RefreshEnded, &wait),
                                 ToAbslTime(deadline))) {
        return absl::DeadlineExceededError(
            "the deadline passed while waiting for another call's access "
            "token refresh (the token endpoint is slow to answer); retry, or "
            "raise the timeout");
      }
      if (CachedTokenValid()) return cached();
      // Share the refresh's failure, unless it only ran out of its caller's
      // own time: then refresh ourselves if we still may.
      if (!last_refresh_.ok() &&
          last_refresh_.code() != absl::StatusCode::kDeadlineExceeded) {
        return last_refresh_;
      }
    }
    refreshing_ = true;
    reason = RefreshReason();
  }
  Log(LogLevel::kDebug,
      absl::StrCat("union-client: requesting an access token for client_id ",
                   credentials_.client_id, " (", reason, ")"));

  // The refresh itself, without the lock.
  absl::StatusOr<Fetched> fetched = [&]() -> absl::StatusOr<Fetched> {
    absl::StatusOr<AuthMetadata> m = Metadata(deadline);
    if (!m.ok()) return m.status();
    return Fetch(*m, deadline);
  }();

  absl::MutexLock lock(&mu_);
  refreshing_ = false;
  ++refresh_generation_;
  last_refresh_ = fetched.status();
  if (!fetched.ok()) {
    Log(LogLevel::kWarn,
        RedactSecrets(absl::StrCat("union-client: the access token request "
                                   "failed: ",
                                   fetched.status().message()),
                      {credentials_.client_secret}));
    return fetched.status();
  }
  token_ = std::move(fetched->token);
  token_type_ = std::move(fetched->token_type);
  expires_at_ = fetched->expires_at;
  refresh_at_ = fetched->refresh_at;
  invalidated_ = false;
  ++fetch_count_;
  const auto refresh_in = std::chrono::duration_cast<std::chrono::seconds>(
      refresh_at_ - steady_clock::now());
  Log(LogLevel::kDebug,
      absl::StrCat("union-client: got an access token valid for ",
                   static_cast<int64_t>(fetched->expires_in_seconds),
                   " s (expires at ",
                   absl::FormatTime(absl::RFC3339_sec, expires_at_,
                                    absl::UTCTimeZone()),
                   "); next refresh in ", refresh_in.count(), " s"));
  return cached();
}

void TokenSource::Invalidate(const std::string& token) {
  absl::MutexLock lock(&mu_);
  if (fixed_) return;  // nothing else to get
  if (token == token_) {
    token_.clear();
    invalidated_ = true;
  }
}

absl::StatusOr<AuthMetadata> TokenSource::Metadata(Deadline deadline) {
  {
    absl::MutexLock lock(&mu_);
    if (metadata_) return *metadata_;
  }
  absl::StatusOr<AuthMetadata> m = discover_(deadline);  // no lock held
  if (!m.ok()) return m.status();
  absl::MutexLock lock(&mu_);
  if (!metadata_) {
    metadata_ = *std::move(m);
    Log(LogLevel::kInfo,
        absl::StrCat("union-client: discovered the token endpoint ",
                     http_internal::UrlForLog(metadata_->token_endpoint),
                     ", scopes [", absl::StrJoin(metadata_->scopes, " "),
                     "], audience \"", metadata_->audience,
                     "\", metadata key ", metadata_->metadata_key));
  }
  return *metadata_;
}

int TokenSource::fetch_count() const {
  absl::MutexLock lock(&mu_);
  return fetch_count_;
}

absl::StatusOr<TokenSource::Fetched> TokenSource::Fetch(
    const AuthMetadata& metadata, Deadline deadline) const {
  auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - steady_clock::now());
  if (remaining.count() <= 0) {
    return absl::DeadlineExceededError(
        "no time left to fetch an access token; raise the timeout");
  }
  using http_internal::HttpMethod;
  http_internal::HttpRequest req;
  req.method = HttpMethod::kPost;
  req.url = metadata.token_endpoint;
  std::vector<std::pair<std::string, std::string>> form;
  form.emplace_back("grant_type", "client_credentials");
  if (!metadata.scopes.empty()) {
    form.emplace_back("scope", absl::StrJoin(metadata.scopes, " "));
  }
  if (!metadata.audience.empty()) form.emplace_back("audience", metadata.audience);
  req.body = http_internal::FormEncode(form);
  req.content_type = std::string(http_internal::kFormContentType);
  const std::string authorization = http_internal::BasicAuthorization(
      credentials_.client_id, credentials_.client_secret);
  req.headers.emplace_back("Authorization", authorization);
  req.ca_cert_file = options_.ca_cert_file;
  req.timeout = std::min(options_.timeout, remaining);
  req.allow_plaintext = options_.insecure;
  // Checked here too, for a message that says which URL was refused.
  if (absl::Status st =
          http_internal::CheckUrlScheme(req.url, req.allow_plaintext);
      !st.ok()) {
    return absl::Status(
        st.code(), absl::StrCat("the token endpoint that Union's discovery "
                                "advertised cannot be used: ",
                                st.message()));
  }

  Log(LogLevel::kDebug,
      absl::StrCat("union-client: fetching an access token from ",
                   http_internal::UrlForLog(req.url),
                   " for client_id ", credentials_.client_id));
  const auto started = steady_clock::now();
  const absl::Time started_wall = absl::Now();
  absl::StatusOr<http_internal::HttpResponse> resp = http_internal::HttpFetch(req);
  if (!resp.ok()) {
    // Belt and braces: the transport never echoes headers, but scrub anyway.
    return absl::Status(
        resp.status().code(),
        RedactSecrets(absl::StrCat("could not get an access token: ",
                                   resp.status().message()),
                      {credentials_.client_secret, authorization,
                       authorization.substr(6)}));
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
  // A year at most: a larger value would overflow the clock arithmetic.
  expires_in = std::min(expires_in, 365.0 * 24 * 3600);
  auto lifetime = std::chrono::duration_cast<steady_clock::duration>(
      std::chrono::duration<double>(expires_in));
  // Refresh when less than min(60 s, 10% of the lifetime) remains.
  auto margin = std::min<steady_clock::duration>(std::chrono::seconds(60),
                                                 lifetime / 10);
  Fetched out;
  out.token = j["access_token"].get<std::string>();
  out.token_type = "Bearer";
  if (j.contains("token_type") && j["token_type"].is_string() &&
      !j["token_type"].get<std::string>().empty()) {
    out.token_type = j["token_type"].get<std::string>();
  }
  out.refresh_at = started + lifetime - margin;
  out.expires_at = started_wall + absl::FromChrono(lifetime);
  out.expires_in_seconds = expires_in;
  return out;
}

}  // namespace unionc
