#include "devserver/src/bearer_auth.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace devserver {

absl::StatusOr<TokenInfo> AuthenticateCall(const grpc::ServerContext& context,
                                           TokenIssuer& tokens) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return absl::UnauthenticatedError(
        "missing \"authorization\" metadata with a Bearer token");
  }
  absl::string_view value(it->second.data(), it->second.size());
  value = absl::StripAsciiWhitespace(value);
  constexpr absl::string_view kScheme = "bearer ";
  if (value.size() <= kScheme.size() ||
      !absl::StartsWithIgnoreCase(value, kScheme)) {
    return absl::UnauthenticatedError(
        "the \"authorization\" metadata must be \"Bearer <token>\"");
  }
  return tokens.Validate(
      absl::StripLeadingAsciiWhitespace(value.substr(kScheme.size())));
}

}  // namespace devserver
