// QuoteForMessage: user-supplied text as it may appear in an error message or
// a log line: quoted, and cut to a readable length.
//
//   absl::NotFoundError(absl::StrCat("app with client_id ",
//                                    QuoteForMessage(id), " not found"));
//   // "app with client_id \"aaaa…(10000 bytes)\" not found"
//
// Every devserver message that repeats a value a client sent goes through
// this one helper, so a 10 kB client_id or redirect URI is never echoed whole.
// Values are never secrets here: secrets are not repeated at all.
#pragma once

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace devserver {

// Values longer than this many bytes are cut.
inline constexpr std::size_t kMaxQuotedBytes = 64;

// `value` itself when it has at most kMaxQuotedBytes bytes; otherwise its
// first kMaxQuotedBytes bytes (never splitting a UTF-8 sequence) followed by
// "…(N bytes)", N being the full size.
[[nodiscard]] std::string TruncateForMessage(absl::string_view value);

// TruncateForMessage(value) in double quotes.
[[nodiscard]] std::string QuoteForMessage(absl::string_view value);

}  // namespace devserver
