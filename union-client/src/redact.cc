// The single redaction helper.
#include "union/redact.h"

namespace unionc {
namespace {

constexpr size_t kMinSecretLength = 4;

void ReplaceAll(std::string& text, std::string_view secret) {
  if (secret.size() < kMinSecretLength) return;
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), kRedacted);
    pos += kRedacted.size();
  }
}

}  // namespace

std::string Redact(std::string_view secret) {
  return secret.empty() ? std::string() : std::string(kRedacted);
}

std::string RedactSecrets(std::string_view text,
                          std::initializer_list<std::string_view> secrets) {
  std::string out(text);
  for (std::string_view s : secrets) ReplaceAll(out, s);
  return out;
}

std::string RedactSecrets(std::string_view text,
                          const std::vector<std::string>& secrets) {
  std::string out(text);
  for (const std::string& s : secrets) ReplaceAll(out, s);
  return out;
}

}  // namespace unionc
