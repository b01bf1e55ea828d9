// handshake.cc: cookie and version checks, handshake and reattach lines.
#include "provider/framework/plugin/internal/handshake.h"

#include <nlohmann/json.hpp>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace tf::plugin::internal {

absl::Status CheckMagicCookie(const char* value) {
  if (value == nullptr || absl::string_view(value) != kMagicCookieValue) {
    return absl::FailedPreconditionError(
        "this program is a Terraform provider plugin: it is started by "
        "terraform (or OpenTofu), not run directly. Use it through terraform, "
        "or start it with --debug to attach terraform to it by hand");
  }
  return absl::OkStatus();
}

absl::Status CheckProtocolVersions(const char* value) {
  if (value == nullptr || *value == '\0') return absl::OkStatus();
  for (absl::string_view item : absl::StrSplit(value, ',')) {
    if (absl::StripAsciiWhitespace(item) == "6") return absl::OkStatus();
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "this provider speaks only plugin protocol 6, but the host offered "
      "protocol versions \"",
      value, "\"; use terraform 1.0 or later"));
}

std::string Base64NoPadding(absl::string_view bytes) {
  std::string encoded = absl::Base64Escape(bytes);
  while (!encoded.empty() && encoded.back() == '=') encoded.pop_back();
  return encoded;
}

std::string HandshakeLine(absl::string_view socket_path,
                          absl::string_view cert_der) {
  return absl::StrCat(kCoreProtocolVersion, "|", kAppProtocolVersion, "|unix|",
                      socket_path, "|grpc|",
                      cert_der.empty() ? "" : Base64NoPadding(cert_der), "\n");
}

std::string ReattachJson(absl::string_view address, long pid,
                         absl::string_view socket_path) {
  nlohmann::ordered_json entry;
  entry["Protocol"] = "grpc";
  entry["ProtocolVersion"] = kAppProtocolVersion;
  entry["Pid"] = pid;
  entry["Test"] = true;  // required by the CLI for protocol 6 reattach
  entry["Addr"] = {{"Network", "unix"}, {"String", socket_path}};
  nlohmann::ordered_json root;
  root[std::string(address)] = std::move(entry);
  return root.dump();
}

}  // namespace tf::plugin::internal
