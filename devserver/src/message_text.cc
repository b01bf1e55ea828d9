#include "devserver/src/message_text.h"

#include "absl/strings/str_cat.h"

namespace devserver {

std::string TruncateForMessage(absl::string_view value) {
  if (value.size() <= kMaxQuotedBytes) return std::string(value);
  std::size_t cut = kMaxQuotedBytes;
  // Step back over UTF-8 continuation bytes (10xxxxxx) so the cut falls on
  // the start of a character.
  while (cut > 0 &&
         (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return absl::StrCat(value.substr(0, cut), "\xE2\x80\xA6(", value.size(),
                      " bytes)");
}

std::string QuoteForMessage(absl::string_view value) {
  return absl::StrCat("\"", TruncateForMessage(value), "\"");
}

}  // namespace devserver
