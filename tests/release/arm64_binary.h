// arm64_binary.h: where the linux_arm64 release binary and qemu-user are,
// and how to start the one under the other the way terraform would start a
// provider (the go-plugin environment of tests/protocol's PluginHarness).
//
//   std::string error;
//   std::optional<Arm64Runner> run = Arm64Runner::Find(&error);
//   ASSERT_TRUE(run.has_value()) << error;   // never a silent skip
//   auto child = run->Start(harness.CliEnv());
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tests/protocol/child_process.h"

namespace tfpu::release_testing {

class Arm64Runner {
 public:
  // The binary is $TFPU_RELEASE_ARM64_PROVIDER, or scripts/release's
  // out/release/linux_arm64/terraform-provider-union_v<version>; qemu is
  // qemu-aarch64 (or qemu-aarch64-static) on PATH, with the multiarch arm64
  // glibc (libc6:arm64). nullopt, and in *error what is missing and how
  // to get it, when any of them is absent or the binary is not AArch64.
  static std::optional<Arm64Runner> Find(std::string* error);

  const std::string& binary() const { return binary_; }
  const std::string& qemu() const { return qemu_; }

  // Starts the binary under qemu with exactly `env`.
  absl::StatusOr<std::unique_ptr<tfpu::testing::ChildProcess>> Start(
      const std::vector<std::string>& env) const;

 private:
  std::string binary_;
  std::string qemu_;
};

}  // namespace tfpu::release_testing
