// Request-building helpers shared by both HTTP transports.
#include "http.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl_compat.h"

namespace unionc::http_internal {
namespace {

void AppendPercentEncoded(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      out->push_back(ch);
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
    }
  }
}

}  // namespace

std::string FormEncode(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out.push_back('&');
    AppendPercentEncoded(&out, k);
    out.push_back('=');
    AppendPercentEncoded(&out, v);
  }
  return out;
}

std::string BasicAuthorization(std::string_view user,
                               std::string_view password) {
  return absl::StrCat(
      "Basic ", absl::Base64Escape(internal::Av(absl::StrCat(
                    internal::Av(user), ":", internal::Av(password)))));
}

std::string HttpResponse::Header(std::string_view name) const {
  const std::string lower = absl::AsciiStrToLower(internal::Av(name));
  for (const auto& [k, v] : headers) {
    if (k == lower) return v;
  }
  return "";
}

}  // namespace unionc::http_internal
