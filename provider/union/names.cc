// names.cc: key name normalisation and client_id validation.
#include "provider/union/names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace union_provider {

std::string NormaliseKeyName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool in_run = false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && absl::ascii_isalnum(u)) {
      out.push_back(absl::ascii_tolower(u));
      in_run = false;
    } else if (!in_run) {
      out.push_back('-');
      in_run = true;
    }
  }
  return out;
}

absl::Status ValidateClientId(std::string_view client_id) {
  if (client_id.empty()) {
    return absl::InvalidArgumentError("the client_id is empty");
  }
  if (client_id.size() > kMaxClientIdLength) {
    return absl::InvalidArgumentError(
        absl::StrCat("the client_id is ", client_id.size(),
                     " characters long; at most ", kMaxClientIdLength,
                     " are allowed"));
  }
  bool has_alnum = false;
  for (char c : client_id) {
    const auto u = static_cast<unsigned char>(c);
    if (absl::ascii_isdigit(u) || (u >= 'a' && u <= 'z')) {
      has_alnum = true;
    } else if (c != '-') {
      return absl::InvalidArgumentError(absl::StrCat(
          "the client_id \"", std::string(client_id),
          "\" may only contain lower-case letters, digits and '-'"));
    }
  }
  if (!has_alnum) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the client_id \"", std::string(client_id),
        "\" has no letter or digit"));
  }
  return absl::OkStatus();
}

}  // namespace union_provider
