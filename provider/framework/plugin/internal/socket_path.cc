// socket_path.cc: mkdtemp-based socket location, cleaned up on destruction.
#include "provider/framework/plugin/internal/socket_path.h"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "provider/framework/plugin/internal/handshake.h"

namespace tf::plugin::internal {
namespace {

constexpr char kDirTemplate[] = "tfpu-XXXXXX";
constexpr char kSocketName[] = "plugin.sock";

std::string BaseDirectory() {
  for (const char* key : {kSocketDirKey, "TMPDIR"}) {
    const char* value = std::getenv(key);
    if (value != nullptr && *value != '\0') {
      std::string dir(value);
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      return dir;
    }
  }
  return "/tmp";
}

}  // namespace

absl::StatusOr<SocketPath> SocketPath::Create() {
  std::string base = BaseDirectory();
  std::string dir_template = absl::StrCat(base, "/", kDirTemplate);
  if (dir_template.size() + 1 + sizeof(kSocketName) - 1 >
      kMaxSocketPathLength) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the unix socket directory \"", base,
        "\" is too long for a socket path; set PLUGIN_UNIX_SOCKET_DIR or "
        "TMPDIR to a shorter directory"));
  }
  std::vector<char> buffer(dir_template.begin(), dir_template.end());
  buffer.push_back('\0');
  if (::mkdtemp(buffer.data()) == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("cannot create a socket directory under \"", base,
                     "\": ", std::strerror(errno)));
  }
  std::string directory(buffer.data());
  std::string path = absl::StrCat(directory, "/", kSocketName);
  return SocketPath(std::move(directory), std::move(path));
}

SocketPath::SocketPath(SocketPath&& other) noexcept
    : directory_(std::move(other.directory_)), path_(std::move(other.path_)) {
  other.directory_.clear();
  other.path_.clear();
}

SocketPath& SocketPath::operator=(SocketPath&& other) noexcept {
  if (this != &other) {
    Remove();
    directory_ = std::move(other.directory_);
    path_ = std::move(other.path_);
    other.directory_.clear();
    other.path_.clear();
  }
  return *this;
}

SocketPath::~SocketPath() { Remove(); }

void SocketPath::Remove() {
  if (!path_.empty()) ::unlink(path_.c_str());
  if (!directory_.empty()) ::rmdir(directory_.c_str());
  path_.clear();
  directory_.clear();
}

}  // namespace tf::plugin::internal
