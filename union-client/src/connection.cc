// The shared connection: channel, stubs, discovery and token cache.
#include "connection.h"

#include <map>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "ca_file.h"
#include "http_transport.h"
#include "union/endpoint.h"
#include "union/errors.h"
#include "union/log.h"
#include "union/redact.h"

namespace unionc::client_internal {
namespace {

using std::chrono::steady_clock;

struct Registry {
  absl::Mutex mu;
  std::map<std::string, std::weak_ptr<Connection>> live ABSL_GUARDED_BY(mu);
};

Registry& GetRegistry() {
  static Registry registry;
  return registry;
}

std::string RegistryKey(const ClientConfig& c) {
  // In-memory only, never printed.
  return absl::StrCat(c.endpoint, "\n", c.insecure ? "plain" : "tls", "\n",
                      c.ca_cert_file, "\n", c.credentials.client_id, "\n",
                      c.credentials.client_secret, "\n", c.access_token,
                      "\n", c.timeout.count());
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const ClientConfig& c) {
  if (c.insecure) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  if (!c.ca_cert_file.empty()) {
    absl::StatusOr<std::string> pem = ReadCaCertFile(c.ca_cert_file);
    if (!pem.ok()) return pem.status();
    ssl.pem_root_certs = *std::move(pem);
  }
  return grpc::SslCredentials(ssl);
}

std::string Milliseconds(std::chrono::milliseconds d) {
  return absl::StrCat(d.count(), " ms");
}

}  // namespace

std::chrono::system_clock::time_point ToSystemDeadline(Deadline deadline) {
  return std::chrono::system_clock::now() +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(
             deadline - steady_clock::now());
}

absl::StatusOr<std::shared_ptr<Connection>> Connection::GetOrCreate(
    const ClientConfig& config) {
  const std::string key = RegistryKey(config);
  Registry& r = GetRegistry();
  absl::MutexLock lock(&r.mu);
  for (auto it = r.live.begin(); it != r.live.end();) {
    it = it->second.expired() ? r.live.erase(it) : std::next(it);
  }
  if (auto it = r.live.find(key); it != r.live.end()) {
    if (std::shared_ptr<Connection> conn = it->second.lock()) return conn;
  }
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> creds =
      MakeChannelCredentials(config);
  if (!creds.ok()) return creds.status();
  auto conn = std::make_shared<Connection>(config, *std::move(creds));
  r.live[key] = conn;
  Log(LogLevel::kDebug, absl::StrCat("union-client: new channel to ",
                                     GrpcTarget(config.endpoint),
                                     config.insecure ? " (plaintext)" : " (TLS)"));
  return conn;
}

Connection::Connection(
    const ClientConfig& config,
    std::shared_ptr<grpc::ChannelCredentials> channel_credentials)
    : endpoint_(config.endpoint),
      insecure_(config.insecure),
      ca_cert_file_(config.ca_cert_file),
      timeout_(config.timeout),
      client_secret_(config.credentials.client_secret),
      access_token_(config.access_token) {
  if (!access_token_.empty()) {
    tokens_ = std::make_unique<TokenSource>(access_token_);
  } else {
    tokens_ = std::make_unique<TokenSource>(
        config.credentials, [this](Deadline d) { return Discover(d); },
        TokenSourceOptions{.timeout = config.timeout,
                           .ca_cert_file = config.ca_cert_file,
                           .insecure = config.insecure});
  }
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_ENABLE_RETRIES, 0);  // we retry ourselves, see client.h
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
  args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
  args.SetString(GRPC_ARG_PRIMARY_USER_AGENT_STRING, "union-client-cpp/0.1");
  channel_ = grpc::CreateCustomChannel(GrpcTarget(endpoint_),
                                       std::move(channel_credentials), args);
  apps_ = cloudidl::identity::AppsService::NewStub(channel_);
  identity_ = flyteidl::service::IdentityService::NewStub(channel_);
  auth_ = flyteidl::service::AuthMetadataService::NewStub(channel_);
}

std::string Connection::endpoint_for_messages() const {
  return TruncateForMessage(endpoint_);
}

absl::StatusOr<AuthMetadata> Connection::Discover(Deadline deadline) {
  AuthMetadata m;
  grpc::Status st;
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(ToSystemDeadline(deadline));
    flyteidl::service::OAuth2MetadataResponse resp;
    st = auth_->GetOAuth2Metadata(&ctx, {}, &resp);
    if (st.ok()) m.token_endpoint = resp.token_endpoint();
  }
  if (st.ok()) {
    grpc::ClientContext ctx;
    ctx.set_deadline(ToSystemDeadline(deadline));
    flyteidl::service::PublicClientAuthConfigResponse resp;
    st = auth_->GetPublicClientConfig(&ctx, {}, &resp);
    if (st.ok()) {
      m.scopes.assign(resp.scopes().begin(), resp.scopes().end());
      m.audience = resp.audience();
      if (!resp.authorization_metadata_key().empty()) {
        m.metadata_key = absl::AsciiStrToLower(resp.authorization_metadata_key());
      }
    }
  }
  if (st.ok() && !m.token_endpoint.empty()) {
    Log(LogLevel::kDebug, absl::StrCat("union-client: discovery over gRPC at ",
                                       endpoint_for_messages(), " succeeded"));
    return m;
  }

  const std::string grpc_error =
      st.ok() ? "no token_endpoint in the OAuth2 metadata"
              : TruncateForMessage(
                    RedactSecrets(st.error_message(), {client_secret_}), 512);
  Log(LogLevel::kDebug,
      absl::StrCat("union-client: gRPC auth discovery failed (", grpc_error,
                   "); trying the HTTP well-known documents"));
  absl::StatusOr<AuthMetadata> over_http = DiscoverOverHttp(deadline);
  if (over_http.ok()) {
    Log(LogLevel::kDebug, absl::StrCat("union-client: discovery over HTTP at ",
                                       endpoint_for_messages(), " succeeded"));
    return over_http;
  }
  // The URL rule is not something a retry or another path can fix.
  if (absl::IsFailedPrecondition(over_http.status())) {
    return over_http.status();
  }

  if (st.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    return absl::DeadlineExceededError(absl::StrCat(
        "Union at ", endpoint_for_messages(), " did not answer within ",
        Milliseconds(timeout_), " (", grpc_error,
        "); check the endpoint and network, or raise the timeout"));
  }
  if (st.error_code() == grpc::StatusCode::UNAVAILABLE) {
    return absl::UnavailableError(absl::StrCat(
        "cannot reach Union at ", endpoint_for_messages(), " (", grpc_error,
        "); check the endpoint, the network and the TLS settings (insecure "
        "is only for a local dev server)"));
  }
  return absl::UnavailableError(absl::StrCat(
      "could not discover how to authenticate at ", endpoint_for_messages(),
      " (gRPC: ",
      grpc_error, "; HTTP: ", over_http.status().message(),
      "); is this a Union endpoint?"));
}

absl::StatusOr<AuthMetadata> Connection::DiscoverOverHttp(Deadline deadline) {
  const std::string base =
      absl::StrCat(insecure_ ? "http://" : "https://", endpoint_);
  auto get_json = [&](const std::string& path) -> absl::StatusOr<nlohmann::json> {
    auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - steady_clock::now());
    if (remaining.count() <= 0) {
      return absl::DeadlineExceededError("no time left for discovery");
    }
    http_internal::HttpRequest req;
    req.method = http_internal::HttpMethod::kGet;
    req.url = absl::StrCat(base, path);
    req.ca_cert_file = ca_cert_file_;
    req.timeout = std::min(timeout_, remaining);
    req.allow_plaintext = insecure_;
    absl::StatusOr<http_internal::HttpResponse> resp =
        http_internal::HttpFetch(req);
    if (!resp.ok()) return resp.status();
    if (resp->status != 200) {
      return absl::UnavailableError(
          absl::StrCat(req.url, " answered HTTP ", resp->status));
    }
    nlohmann::json j = nlohmann::json::parse(resp->body, nullptr, false);
    if (!j.is_object()) {
      return absl::InternalError(absl::StrCat(req.url, " is not a JSON object"));
    }
    return j;
  };
  AuthMetadata m;
  absl::StatusOr<nlohmann::json> meta =
      get_json("/.well-known/oauth-authorization-server");
  if (!meta.ok()) meta = get_json("/.well-known/openid-configuration");
  if (!meta.ok()) return meta.status();
  if (!meta->contains("token_endpoint") || !(*meta)["token_endpoint"].is_string()) {
    return absl::InternalError("the OAuth2 metadata has no token_endpoint");
  }
  m.token_endpoint = (*meta)["token_endpoint"].get<std::string>();
  // Refused here, before the client metadata is fetched, when it is not
  // https:// (and `insecure` is off): see docs/design/token-endpoint-tls.md.
  if (absl::Status st =
          http_internal::CheckUrlScheme(m.token_endpoint, insecure_);
      !st.ok()) {
    return absl::Status(
        st.code(), absl::StrCat("the token endpoint in the OAuth2 metadata "
                                "document of ", endpoint_for_messages(),
                                " cannot be used: ", st.message()));
  }
  if (absl::StatusOr<nlohmann::json> client = get_json("/config/v1/flyte_client");
      client.ok()) {
    const nlohmann::json& c = *client;
    if (c.contains("scopes") && c["scopes"].is_array()) {
      for (const auto& s : c["scopes"]) {
        if (s.is_string()) m.scopes.push_back(s.get<std::string>());
      }
    }
    if (c.contains("audience") && c["audience"].is_string()) {
      m.audience = c["audience"].get<std::string>();
    }
    for (const char* k : {"authorization_metadata_key", "authorizationMetadataKey"}) {
      if (c.contains(k) && c[k].is_string() && !c[k].get<std::string>().empty()) {
        m.metadata_key = absl::AsciiStrToLower(c[k].get<std::string>());
      }
    }
  }
  return m;
}

}  // namespace unionc::client_internal
