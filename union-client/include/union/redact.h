// The single redaction helper of union-client: every place that might print
// a secret (client secret, encoded API key, bearer token) goes through here.
//
//   std::string safe = unionc::RedactSecrets(server_message, {secret, token});
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace unionc {

// What a secret is replaced with.
inline constexpr std::string_view kRedacted = "<redacted>";

// Returns kRedacted for a non-empty secret and "" for an empty one.
std::string Redact(std::string_view secret);

// Returns `text` with every occurrence of each non-empty secret replaced by
// kRedacted. Secrets shorter than 4 characters are ignored (they would
// mangle ordinary text and are not secrets worth the name).
std::string RedactSecrets(std::string_view text,
                          std::initializer_list<std::string_view> secrets);
std::string RedactSecrets(std::string_view text,
                          const std::vector<std::string>& secrets);

}  // namespace unionc
