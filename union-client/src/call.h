// Internal: runs one RPC with deadline, bearer token, the retry policy and
// error mapping described in union/client.h.
#pragma once

#include <algorithm>
#include <random>
#include <thread>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "connection.h"
#include "rpc_errors.h"
#include "union/client.h"
#include "union/log.h"
#include "union/redact.h"

namespace unionc::client_internal {

enum class RetryPolicy {
  kIdempotent,  // Get, List, Delete, Update, UserInfo
  kCreate,      // only connect failures
};

bool ShouldRetry(RetryPolicy policy, const grpc::Status& status);
bool ShouldRetryAuthPhase(const absl::Status& status);

// `rpc(grpc::ClientContext*) -> grpc::Status` performs the call.
template <typename Rpc>
absl::Status Invoke(const Client& client, RetryPolicy policy,
                    const CallInfo& info, Rpc&& rpc) {
  Connection& conn = client.connection();
  const ClientConfig& cfg = client.config();
  int retries = 0;
  bool reauthenticated = false;
  while (true) {
    const Deadline deadline = std::chrono::steady_clock::now() + cfg.timeout;
    absl::StatusOr<std::string> token = conn.tokens().Token(deadline);
    absl::StatusOr<AuthMetadata> meta =
        token.ok() ? conn.tokens().Metadata(deadline) : token.status();
    if (!meta.ok()) {
      if (retries < cfg.max_retries && ShouldRetryAuthPhase(meta.status())) {
        std::chrono::milliseconds wait = RetryBackoff(cfg, retries++);
        Log(LogLevel::kInfo,
            RedactSecrets(
                absl::StrCat("union-client: ", info.operation,
                             ": getting an access token failed with code ",
                             static_cast<int>(meta.status().code()), " (",
                             meta.status().message(), "); retry ", retries,
                             " of ", cfg.max_retries, " (attempt ",
                             retries + 1, ") in ", wait.count(), " ms"),
                {conn.client_secret()}));
        std::this_thread::sleep_for(wait);
        continue;
      }
      return meta.status();
    }
    grpc::ClientContext ctx;
    ctx.set_deadline(ToSystemDeadline(deadline));
    ctx.AddMetadata(meta->metadata_key, absl::StrCat("Bearer ", *token));
    grpc::Status st = rpc(&ctx);
    if (st.ok()) return absl::OkStatus();
    if (st.error_code() == grpc::StatusCode::UNAUTHENTICATED &&
        !reauthenticated && !conn.tokens().fixed()) {
      Log(LogLevel::kInfo,
          absl::StrCat("union-client: ", info.operation,
                       " was UNAUTHENTICATED; refreshing the token once"));
      conn.tokens().Invalidate(*token);
      reauthenticated = true;
      continue;
    }
    if (retries < cfg.max_retries && ShouldRetry(policy, st)) {
      std::chrono::milliseconds wait = RetryBackoff(cfg, retries++);
      Log(LogLevel::kInfo,
          absl::StrCat("union-client: ", info.operation, " failed with code ",
                       static_cast<int>(st.error_code()), "; retry ", retries,
                       " of ", cfg.max_retries, " (attempt ", retries + 1,
                       ") in ", wait.count(), " ms"));
      std::this_thread::sleep_for(wait);
      continue;
    }
    CallInfo failed = info;
    failed.fixed_token = conn.tokens().fixed();
    return MapRpcError(st, failed, {conn.client_secret(), *token});
  }
}

}  // namespace unionc::client_internal
