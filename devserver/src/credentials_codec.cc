#include "devserver/src/credentials_codec.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace devserver {

std::string EncodeCredentials(const EncodedCredentials& key) {
  const std::string org = key.organization.empty() ? "None" : key.organization;
  return absl::Base64Escape(absl::StrCat(key.endpoint, ":", key.client_id, ":",
                                         key.client_secret, ":", org));
}

absl::StatusOr<EncodedCredentials> DecodeCredentials(
    absl::string_view encoded) {
  std::string text;
  if (!absl::Base64Unescape(absl::StripAsciiWhitespace(encoded), &text)) {
    return absl::InvalidArgumentError("the API key is not valid base64");
  }
  // The last three fields never contain ':'; the endpoint may.
  absl::string_view rest = text;
  absl::string_view fields[3];
  for (int i = 2; i >= 0; --i) {
    const std::size_t colon = rest.rfind(':');
    if (colon == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          "the API key must hold endpoint:client_id:client_secret:org");
    }
    fields[i] = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
  }
  if (rest.empty() || fields[0].empty() || fields[1].empty()) {
    return absl::InvalidArgumentError("the API key has an empty field");
  }
  EncodedCredentials key{std::string(rest), std::string(fields[0]),
                         std::string(fields[1]), std::string(fields[2])};
  if (key.organization == "None") key.organization.clear();
  return key;
}

absl::Status WriteKeyFile(const std::string& path, absl::string_view encoded) {
  // A fresh temp file beside the target (mkostemp: O_CREAT|O_EXCL, mode
  // 0600, an unpredictable name), so nothing planted in the directory, a
  // symlink included, is followed or overwritten. Renamed over the target
  // once its content is on disk.
  std::string tmp = absl::StrCat(path, ".tmp.XXXXXX");
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) {
    return absl::PermissionDeniedError(absl::StrCat(
        "cannot write key file ", path, ": ", std::strerror(errno)));
  }
  const std::string content = absl::StrCat(encoded, "\n");
  std::size_t written = 0;
  bool ok = ::fchmod(fd, 0600) == 0;
  while (ok && written < content.size()) {
    const ssize_t n =
        ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    return absl::InternalError(
        absl::StrCat("cannot write key file ", path, ": ", reason));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("no key file at ", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  return std::string(absl::StripAsciiWhitespace(buffer.str()));
}

}  // namespace devserver
