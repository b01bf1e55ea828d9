// arm64_binary.cc: finding the arm64 release binary and qemu-user.
#include "tests/release/arm64_binary.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace tfpu::release_testing {
namespace {

namespace fs = std::filesystem;

// The multiarch arm64 glibc (libc6:arm64). Not the cross toolchain's copy in
// /usr/aarch64-linux-gnu: with `qemu -L` there, its ld.so would still load
// the multiarch libc.so.6, and a mismatched pair hangs in pthread_create.
constexpr char kArm64Loader[] = "/lib/ld-linux-aarch64.so.1";

std::string OnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start) + "/" + name;
    if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

// True when `path` is an ELF file for AArch64 (e_machine 183).
bool IsAarch64Elf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  unsigned char header[20] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return false;
  if (header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' ||
      header[3] != 'F') {
    return false;
  }
  const unsigned machine = header[18] | (header[19] << 8);  // little endian
  return machine == 183;
}

}  // namespace

std::optional<Arm64Runner> Arm64Runner::Find(std::string* error) {
  Arm64Runner r;
  const char* env = std::getenv("TFPU_RELEASE_ARM64_PROVIDER");
  r.binary_ = env != nullptr && *env != '\0' ? env : TFPU_RELEASE_ARM64_DEFAULT;
  if (!fs::exists(r.binary_)) {
    *error = "the linux_arm64 provider binary " + r.binary_ +
             " does not exist: build it with `scripts/release --platform "
             "linux_arm64` (or point TFPU_RELEASE_ARM64_PROVIDER at it)";
    return std::nullopt;
  }
  if (!IsAarch64Elf(r.binary_)) {
    *error = r.binary_ + " is not an AArch64 ELF executable";
    return std::nullopt;
  }
  r.qemu_ = OnPath("qemu-aarch64");
  if (r.qemu_.empty()) r.qemu_ = OnPath("qemu-aarch64-static");
  if (r.qemu_.empty()) {
    *error = "qemu-aarch64 is not on PATH: install qemu-user "
             "(scripts/bootstrap) to run the arm64 binary on this host";
    return std::nullopt;
  }
  if (!fs::exists(kArm64Loader)) {
    *error = std::string("the arm64 glibc (") + kArm64Loader +
             ") is missing: install libc6:arm64 (scripts/bootstrap)";
    return std::nullopt;
  }
  return r;
}

absl::StatusOr<std::unique_ptr<tfpu::testing::ChildProcess>>
Arm64Runner::Start(const std::vector<std::string>& env) const {
  return tfpu::testing::ChildProcess::Spawn(qemu_, {binary_}, env);
}

}  // namespace tfpu::release_testing
