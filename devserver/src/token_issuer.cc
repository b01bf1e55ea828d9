#include "devserver/src/token_issuer.h"

#include <algorithm>

#include "devserver/src/crypto.h"

namespace devserver {

absl::StatusOr<IssuedToken> TokenIssuer::Issue(const TokenInfo& who) {
  absl::StatusOr<std::string> token = RandomUrlSafeString(32);
  if (!token.ok()) return token.status();
  const absl::Time now = now_();
  TokenInfo info = who;
  info.expires_at = now + ttl_;
  absl::MutexLock lock(&mu_);
  if (tokens_.size() >= purge_at_size_) {
    PurgeExpiredLocked(now);
    purge_at_size_ = std::max<std::size_t>(1024, tokens_.size() * 2);
  }
  tokens_[Sha256(*token)] = std::move(info);
  return IssuedToken{*std::move(token), ttl_};
}

absl::StatusOr<TokenInfo> TokenIssuer::Validate(absl::string_view token) {
  const std::string key = Sha256(token);
  const absl::Time now = now_();
  absl::MutexLock lock(&mu_);
  auto it = tokens_.find(key);
  if (it == tokens_.end()) {
    return absl::UnauthenticatedError("the bearer token is not valid");
  }
  if (it->second.expires_at <= now) {
    tokens_.erase(it);
    return absl::UnauthenticatedError("the bearer token has expired");
  }
  return it->second;
}

void TokenIssuer::RevokeClient(absl::string_view client_id) {
  absl::MutexLock lock(&mu_);
  for (auto it = tokens_.begin(); it != tokens_.end();) {
    if (it->second.client_id == client_id) {
      tokens_.erase(it++);
    } else {
      ++it;
    }
  }
}

std::size_t TokenIssuer::size() {
  absl::MutexLock lock(&mu_);
  return tokens_.size();
}

void TokenIssuer::PurgeExpiredLocked(absl::Time now) {
  for (auto it = tokens_.begin(); it != tokens_.end();) {
    if (it->second.expires_at <= now) {
      tokens_.erase(it++);
    } else {
      ++it;
    }
  }
}

}  // namespace devserver
