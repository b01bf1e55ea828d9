// AuthenticateCall: checks the "authorization: Bearer <token>" metadata of a
// gRPC call against the TokenIssuer.
//
//   absl::StatusOr<TokenInfo> who = AuthenticateCall(*context, tokens);
//   if (!who.ok()) return ToGrpcStatus(who.status());   // UNAUTHENTICATED
#pragma once

#include "absl/status/statusor.h"
#include "devserver/src/token_issuer.h"
#include "grpcpp/server_context.h"

namespace devserver {

// UNAUTHENTICATED when the metadata is missing, not a Bearer credential, or
// names an unknown or expired token. Messages never echo the token.
[[nodiscard]] absl::StatusOr<TokenInfo> AuthenticateCall(
    const grpc::ServerContext& context, TokenIssuer& tokens);

}  // namespace devserver
