// The shared connection: channel, stubs, discovery and token cache.
#include "connection.h"

#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "http_transport.h"
#include "union/endpoint.h"
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
                      c.credentials.client_secret, "\n",
                      c.timeout.count());
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const ClientConfig& c) {
  if (c.insecure) return grpc::InsecureChannelCredentials();
  grpc::SslCredentialsOptions ssl;
  if (!c.ca_cert_file.empty()) {
    std::ifstream in(c.ca_cert_file);
    if (!in) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot read the CA certificate file \"", c.ca_cert_file,
          "\"; check the path given as ca_cert_file / --ca-cert"));
    }
    std::stringstream buf;
    buf << in.rdbuf();
    ssl.pem_root_certs = buf.str();
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
      tokens_(config.credentials,
              [this](Deadline d) { return Discover(d); },
              TokenSourceOptions{.timeout = config.timeout,
                                 .ca_cert_file = config.ca_cert_file}) {
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
  if (st.ok() && !m.token_endpoint.empty()) return m;

  const std::string grpc_error =
      st.ok() ? "no token_endpoint in the OAuth2 metadata"
              : RedactSecrets(st.error_message(), {client_secret_});
  Log(LogLevel::kDebug,
      absl::StrCat("union-client: gRPC auth discovery failed (", grpc_error,
                   "); trying the HTTP well-known documents"));
  absl::StatusOr<AuthMetadata> over_http = DiscoverOverHttp(deadline);
  if (over_http.ok()) return over_http;

  if (st.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    return absl::DeadlineExceededError(absl::StrCat(
        "Union at ", endpoint_, " did not answer within ",
        Milliseconds(timeout_), " (", grpc_error,
        "); check the endpoint and network, or raise the timeout"));
  }
  if (st.error_code() == grpc::StatusCode::UNAVAILABLE) {
    return absl::UnavailableError(absl::StrCat(
        "cannot reach Union at ", endpoint_, " (", grpc_error,
        "); check the endpoint, the network and the TLS settings (insecure "
        "is only for a local dev server)"));
  }
  return absl::UnavailableError(absl::StrCat(
      "could not discover how to authenticate at ", endpoint_, " (gRPC: ",
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
