// e2e_fixture.h: the fixture of the union e2e suites that run one dev server
// and one Terraform workspace per test, and afterwards search every log,
// output and file but the state for the secrets the test created.
//
//   class MyE2E : public ServerWorkspaceTest {
//    protected:
//     MyE2E() : ServerWorkspaceTest("my-e2e") {}
//   };
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "tests/e2e/union/harness.h"

namespace union_e2e {

// `lines` for a failure message, one an indented line.
inline std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n  ";
  return out;
}

class ServerWorkspaceTest : public ::testing::Test {
 protected:
  // `tmp_prefix` names the temp dir (kept with UNION_E2E_KEEP=1).
  explicit ServerWorkspaceTest(const std::string& tmp_prefix)
      : tmp_(tmp_prefix, "UNION_E2E_KEEP") {}

  // Extra union-devserver flags for a test (set before SetUp runs).
  virtual std::vector<std::string> ServerArgs() const { return {}; }

  void SetUp() override {
    ASSERT_FALSE(tf_e2e::TerraformBinary().empty()) << tf_e2e::kNoTerraform;
    ASSERT_FALSE(tmp_.path().empty());
    server_ = std::make_unique<DevServer>(tmp_.path() / "server", ServerArgs());
    ASSERT_TRUE(server_->ready()) << server_->failure();
    ws_ = std::make_unique<Workspace>(tmp_.path() / "ws", *server_);
  }

  void TearDown() override {
    const char* verbose = std::getenv("UNION_E2E_VERBOSE");
    if (ws_ && verbose != nullptr && std::string(verbose) == "1") {
      std::cout << Log() << "\n";
    }
    // Every test runs under TF_LOG=trace: no secret it created (collected
    // from state by the harness) may appear in any log, output or file but
    // the state.
    if (ws_) {
      std::vector<std::string> leaks = ws_->SecretLeaks();
      EXPECT_TRUE(leaks.empty()) << "secrets leaked:\n  " << Join(leaks);
    }
  }

  // The transcript of terraform commands, for failure messages (it never
  // holds secrets: sensitive values are masked and show -json/output -raw
  // are not recorded).
  std::string Log() const {
    return "\n--- transcript ---\n" + ws_->transcript();
  }

  TempDir tmp_;
  std::unique_ptr<DevServer> server_;
  std::unique_ptr<Workspace> ws_;
};

}  // namespace union_e2e
