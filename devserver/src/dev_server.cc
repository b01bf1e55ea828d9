#include "devserver/src/dev_server.h"

#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "devserver/src/admin_bootstrap.h"
#include "devserver/src/app_store.h"
#include "devserver/src/apps_service.h"
#include "devserver/src/auth_metadata_service.h"
#include "devserver/src/bind_address.h"
#include "devserver/src/fault_injector.h"
#include "devserver/src/identity_service.h"
#include "support/status_macros.h"
#include "devserver/src/token_endpoint.h"
#include "devserver/src/token_issuer.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"

namespace devserver {
namespace {

// "host" for IPv4 or a name, "[host]" for IPv6.
std::string UrlHost(const std::string& host) {
  if (host.find(':') != std::string::npos && host.front() != '[') {
    return absl::StrCat("[", host, "]");
  }
  return host;
}

// Where clients should connect: a wildcard bind is reached over loopback.
std::string AdvertisedHost(const std::string& bind) {
  if (IsWildcardAddress(bind)) {
    return bind.find(':') == std::string::npos ? "127.0.0.1" : "[::1]";
  }
  return UrlHost(bind);
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Creates the parent directories of a database file (mode 0700).
absl::Status MakeParentDirs(const std::string& path) {
  if (path == ":memory:" || path.rfind("file:", 0) == 0)
    return absl::OkStatus();
  for (std::size_t slash = path.find('/', 1); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string dir = path.substr(0, slash);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
      return absl::PermissionDeniedError(
          absl::StrCat("cannot create ", dir, ": ", std::strerror(errno)));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> GrpcCredentials(
    const Options& options) {
  if (!options.tls()) return grpc::InsecureServerCredentials();
  TFPU_ASSIGN_OR_RETURN(std::string cert, ReadFile(options.tls_cert));
  TFPU_ASSIGN_OR_RETURN(std::string key, ReadFile(options.tls_key));
  grpc::SslServerCredentialsOptions ssl;
  ssl.pem_key_cert_pairs.push_back({std::move(key), std::move(cert)});
  return grpc::SslServerCredentials(ssl);
}

}  // namespace

DevServer::DevServer(Logger& log) : log_(log) {}

DevServer::~DevServer() { Shutdown(); }

absl::StatusOr<std::unique_ptr<DevServer>> DevServer::Start(
    const Options& options, Logger& log) {
  std::unique_ptr<DevServer> s(new DevServer(log));
  TFPU_RETURN_IF_ERROR(MakeParentDirs(options.db_path));
  TFPU_ASSIGN_OR_RETURN(s->store_, AppStore::Open(options.db_path, options.sync));
  s->tokens_ =
      std::make_unique<TokenIssuer>(absl::Seconds(options.token_ttl_seconds));
  s->faults_ = std::make_unique<FaultInjector>(options.faults);

  // HTTP first: its port goes into the discovery data of both sides.
  s->http_ = std::make_unique<TokenEndpoint>(*s->store_, *s->tokens_, log);
  std::optional<TlsFiles> tls;
  if (options.tls()) tls = TlsFiles{options.tls_cert, options.tls_key};
  TFPU_ASSIGN_OR_RETURN(s->http_port_,
                      s->http_->Bind(options.bind, options.http_port, tls));
  const std::string host = AdvertisedHost(options.bind);
  s->http_address_ = absl::StrCat(host, ":", s->http_port_);
  AuthDiscovery discovery = MakeAuthDiscovery(
      absl::StrCat(options.tls() ? "https://" : "http://", s->http_address_));

  s->apps_ = std::make_unique<AppsServiceImpl>(
      *s->store_, *s->tokens_, *s->faults_, log,
      AppsServiceConfig{.admin_client_id = options.admin_client_id,
                        .secret_ttl = options.secret_ttl});
  s->auth_metadata_ = std::make_unique<AuthMetadataServiceImpl>(discovery);
  s->identity_ = std::make_unique<IdentityServiceImpl>(
      *s->tokens_, log, options.serverless_userhandle);
  TFPU_ASSIGN_OR_RETURN(std::shared_ptr<grpc::ServerCredentials> credentials,
                      GrpcCredentials(options));

  grpc::ServerBuilder builder;
  builder.AddListeningPort(
      absl::StrCat(UrlHost(options.bind), ":", options.grpc_port), credentials,
      &s->grpc_port_);
  builder.RegisterService(s->apps_.get());
  builder.RegisterService(s->auth_metadata_.get());
  builder.RegisterService(s->identity_.get());
  s->grpc_ = builder.BuildAndStart();
  if (s->grpc_ == nullptr || s->grpc_port_ == 0) {
    return absl::UnavailableError(absl::StrCat(
        "cannot listen for gRPC on ", options.bind, ":", options.grpc_port));
  }
  s->endpoint_ = absl::StrCat(host, ":", s->grpc_port_);
  s->http_->Start(std::move(discovery));

  TFPU_ASSIGN_OR_RETURN(AdminKey admin,
                      EnsureAdminKey(*s->store_, options.admin_client_id,
                                     s->endpoint_, options.admin_key_file));
  s->admin_api_key_ = std::move(admin.encoded);
  static constexpr const char* kOrigins[] = {"created", "reused", "rotated"};
  log.Info("admin key ready",
           {{"client_id", options.admin_client_id},
            {"origin", kOrigins[static_cast<int>(admin.origin)]},
            {"key_file", options.admin_key_file}});
  if (!options.tls() && !IsLoopbackAddress(options.bind)) {
    log.Warn(
        "serving without TLS on a non-loopback address: the token endpoint "
        "accepts client secrets in plaintext from the network; use "
        "--bind 127.0.0.1, or --tls-cert and --tls-key",
        {{"bind", options.bind},
         {"all_interfaces", IsWildcardAddress(options.bind)}});
  }
  log.Info("serving", {{"grpc", s->endpoint_},
                       {"http", s->http_address_},
                       {"tls", options.tls()},
                       {"db", options.db_path},
                       {"sync", options.sync == SyncMode::kFull ? "full"
                                                                : "normal"}});
  return s;
}

void DevServer::Shutdown() {
  if (faults_ != nullptr) faults_->Shutdown();
  if (grpc_ != nullptr) {
    grpc_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    grpc_->Wait();
    grpc_.reset();
  }
  if (http_ != nullptr) http_->Stop();
}

}  // namespace devserver
