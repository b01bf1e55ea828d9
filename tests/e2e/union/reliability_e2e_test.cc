// reliability_e2e_test.cc: the real `terraform` against a union-devserver
// that misbehaves on purpose:
//   - 20% of calls fail UNAVAILABLE, every call is slow: 50 keys still apply;
//   - tokens live 2 s during a long apply: they are refreshed, nothing fails;
//   - every create commits and then loses its answer: the apply reports it,
//     the keys are in state (tainted), the next apply converges;
//   - the server is killed (SIGKILL) mid-apply and restarted: after the next
//     apply and refresh, state and server agree;
//   - 500 keys at -parallelism=32: all created once, an empty plan, and
//     destroy leaves none.
// After each step the server's key list is compared with the state: no
// duplicates, no orphans. Every command runs under TF_LOG=trace and no
// secret may appear outside the state (Workspace::SecretLeaks).
#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "tests/e2e/union/harness.h"

namespace union_e2e {
namespace {

using nlohmann::json;

// The dev server's own key, always present.
constexpr char kAdminClientId[] = "union-devserver-admin";

using tf_e2e::Contains;

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::string Join(const std::set<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

// `count` keys named "<prefix>-0" ... as one counted resource.
std::string CountedKeys(const std::string& prefix, int count) {
  return "resource \"union_api_key\" \"k\" {\n  count = " +
         std::to_string(count) + "\n  name  = \"" + prefix +
         "-${count.index}\"\n}\n";
}

std::set<std::string> Names(const std::string& prefix, int count) {
  std::set<std::string> out;
  for (int i = 0; i < count; ++i) out.insert(prefix + "-" + std::to_string(i));
  return out;
}

class ReliabilityE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(tf_e2e::TerraformBinary().empty()) << tf_e2e::kNoTerraform;
    ASSERT_FALSE(tmp_.path().empty());
  }

  void TearDown() override {
    if (!ws_) return;
    std::vector<std::string> leaks = ws_->SecretLeaks();
    EXPECT_TRUE(leaks.empty()) << "secrets leaked: " << leaks.size()
                               << " places, first: " << leaks.front();
    EXPECT_GT(ws_->secrets_seen(), 0u) << "no secret was ever in state";
  }

  // Starts the dev server with `server_args` and a workspace whose provider
  // block gets `provider_extra`, writes `body` and runs terraform init.
  void Start(const std::vector<std::string>& server_args,
             const std::string& body, const std::string& provider_extra) {
    server_ = std::make_unique<DevServer>(tmp_.path() / "server", server_args);
    ASSERT_TRUE(server_->ready()) << server_->failure();
    ws_ = std::make_unique<Workspace>(tmp_.path() / "ws", *server_);
    ws_->WriteMainTf(body, provider_extra);
    ProcessResult init = ws_->Init();
    ASSERT_EQ(init.exit_code, 0) << Log();
  }

  std::string Log() const {
    std::string t = ws_ ? ws_->transcript() : "";
    // The transcript of a 500-key apply is long: its end says what failed.
    if (t.size() > 20000) t = "...\n" + t.substr(t.size() - 20000);
    return "\n--- transcript ---\n" + t;
  }

  // The client_ids in state; `tainted`/`without_secret` count those.
  std::multiset<std::string> StateIds(int* tainted = nullptr,
                                      int* without_secret = nullptr) {
    std::multiset<std::string> ids;
    for (auto& [address, v] : ws_->StateValues()) {
      if (!Contains(address, "union_api_key.")) continue;
      ids.insert(v.value("client_id", std::string("<none>")));
      if (tainted != nullptr && v.value("(tainted)", false)) ++*tainted;
      if (without_secret != nullptr && !v["client_secret"].is_string()) {
        ++*without_secret;
      }
    }
    return ids;
  }

  // The server holds exactly `declared` (plus its admin key), each once,
  // and the state holds exactly the same keys, each once.
  void ExpectServerAndStateHold(const std::set<std::string>& declared) {
    std::string error;
    std::vector<std::string> listed = server_->ClientIds(&error);
    ASSERT_TRUE(error.empty()) << error;
    std::multiset<std::string> on_server(listed.begin(), listed.end());
    on_server.erase(kAdminClientId);
    const std::set<std::string> unique_on_server(on_server.begin(),
                                                 on_server.end());
    EXPECT_EQ(on_server.size(), unique_on_server.size())
        << "duplicate client_ids on the server";
    std::set<std::string> orphans, missing;
    for (const std::string& id : unique_on_server) {
      if (declared.count(id) == 0) orphans.insert(id);
    }
    for (const std::string& id : declared) {
      if (unique_on_server.count(id) == 0) missing.insert(id);
    }
    EXPECT_TRUE(orphans.empty()) << "keys on the server that are not declared: "
                                 << Join(orphans);
    EXPECT_TRUE(missing.empty()) << "declared keys missing on the server: "
                                 << Join(missing);
    std::multiset<std::string> in_state = StateIds();
    EXPECT_EQ(in_state.size(), declared.size()) << Log();
    EXPECT_EQ(std::set<std::string>(in_state.begin(), in_state.end()),
              declared);
  }

  void ExpectServerEmpty() {
    std::string error;
    std::vector<std::string> listed = server_->ClientIds(&error);
    ASSERT_TRUE(error.empty()) << error;
    std::set<std::string> left(listed.begin(), listed.end());
    left.erase(kAdminClientId);
    EXPECT_TRUE(left.empty()) << "left on the server: " << Join(left);
  }

  tf_e2e::TempDir tmp_{"union-reliability-e2e", "UNION_E2E_KEEP"};
  std::unique_ptr<DevServer> server_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(ReliabilityE2E, TransientUnavailableAndLatencyOnAFifthOfCalls) {
  const std::vector<std::string> faults = {
      "--fail-rate", "0.2", "--fail-code", "UNAVAILABLE",
      "--latency-ms", "20", "--seed", "11"};
  ASSERT_NO_FATAL_FAILURE(Start(faults, CountedKeys("flaky", 50),
                                "  max_retries = 10\n"));
  ProcessResult apply = ws_->Apply();
  ASSERT_EQ(apply.exit_code, 0) << Log();
  EXPECT_TRUE(Contains(apply.out, "Apply complete! Resources: 50 added")) << Log();
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 0) << "plan not empty under faults" << Log();
  ExpectServerAndStateHold(Names("flaky", 50));
  // The faults were real: the server refused calls.
  const std::string server_log = tf_e2e::ReadFile(server_->dir() / "server.log");
  EXPECT_GT(Count(server_log, "injected"), 5) << "no fault was injected";
  ProcessResult destroy = ws_->Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Log();
  ExpectServerEmpty();
}

TEST_F(ReliabilityE2E, TwoSecondTokensAreRefreshedDuringALongApply) {
  // 40 creates two at a time, 250 ms each: the apply outlives several
  // tokens.
  ASSERT_NO_FATAL_FAILURE(Start({"--token-ttl", "2", "--latency-ms", "250"},
                                CountedKeys("ttl", 40), ""));
  const auto started = std::chrono::steady_clock::now();
  ProcessResult apply = ws_->Terraform({"apply", "-auto-approve", "-parallelism=2"});
  const auto took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(apply.exit_code, 0) << Log();
  EXPECT_FALSE(Contains(apply.all(), "Error")) << Log();
  std::cout << "apply took "
            << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
            << " ms with 2 s tokens\n";
  EXPECT_EQ(ws_->Plan().exit_code, 0) << Log();
  ExpectServerAndStateHold(Names("ttl", 40));
  ASSERT_EQ(ws_->Terraform({"destroy", "-auto-approve", "-parallelism=2"}).exit_code, 0)
      << Log();
  ExpectServerEmpty();
  // More tokens were issued than provider processes started: the long
  // commands refreshed theirs.
  const std::string server_log = tf_e2e::ReadFile(server_->dir() / "server.log");
  const int tokens = Count(server_log, "\"token request\"");
  const int processes = Count(ws_->transcript(), "$ terraform ");
  EXPECT_GT(tokens, processes) << tokens << " tokens for " << processes
                               << " terraform commands";
}

TEST_F(ReliabilityE2E, LostCreateAnswersAreAdoptedAndTheNextApplyConverges) {
  // Every create commits and then answers UNAVAILABLE: the secrets are lost.
  ASSERT_NO_FATAL_FAILURE(
      Start({"--fail-after-commit"}, CountedKeys("lost", 5), ""));
  ProcessResult apply = ws_->Apply();
  EXPECT_EQ(apply.exit_code, 1) << Log();
  EXPECT_EQ(Count(apply.all(), "Union API key created but its secret was lost"), 5)
      << Log();
  // Nothing is orphaned: all five are on the server and in state, tainted
  // and without a secret.
  int tainted = 0, without_secret = 0;
  std::multiset<std::string> ids = StateIds(&tainted, &without_secret);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(tainted, 5);
  EXPECT_EQ(without_secret, 5);
  ExpectServerAndStateHold(Names("lost", 5));

  // The outage is over: the next apply replaces the five and converges.
  server_->Restart();
  ASSERT_TRUE(server_->ready()) << server_->failure();
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 2) << Log();
  EXPECT_EQ(Count(plan.out, "is tainted, so must be replaced"), 5) << Log();
  ProcessResult again = ws_->Apply();
  ASSERT_EQ(again.exit_code, 0) << Log();
  EXPECT_EQ(ws_->Plan().exit_code, 0) << Log();
  tainted = without_secret = 0;
  StateIds(&tainted, &without_secret);
  EXPECT_EQ(tainted, 0);
  EXPECT_EQ(without_secret, 0);
  ExpectServerAndStateHold(Names("lost", 5));
  // And the new credentials work.
  std::map<std::string, json> state = ws_->StateValues();
  const json& k0 = state["union_api_key.k[0]"];
  ASSERT_TRUE(k0["client_secret"].is_string());
  std::string error;
  json token = ExchangeForToken(server_->http(), k0["client_id"],
                                k0["client_secret"], &error);
  EXPECT_TRUE(token.is_object() && token.contains("access_token")) << error;
  ASSERT_EQ(ws_->Destroy().exit_code, 0) << Log();
  ExpectServerEmpty();
}

TEST_F(ReliabilityE2E, ServerKilledMidApplyThenStateAndServerAgree) {
  const std::vector<std::string> slow = {"--latency-ms", "100"};
  ASSERT_NO_FATAL_FAILURE(
      Start(slow, CountedKeys("crash", 40), "  max_retries = 10\n"));
  RunningCommand apply = ws_->Start({"apply", "-auto-approve"});
  ASSERT_GT(apply.pid, 0);
  // Kill the server once some keys exist and most are still to come.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int created = 0;
  while (std::chrono::steady_clock::now() < give_up) {
    created = Count(tf_e2e::ReadFile(apply.out), "Creation complete");
    if (created >= 8) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_GE(created, 8) << Log();
  server_->Kill();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  server_->Restart(slow);
  ASSERT_TRUE(server_->ready()) << server_->failure();
  ProcessResult interrupted = ws_->Finish(apply);
  EXPECT_FALSE(interrupted.timed_out) << Log();
  EXPECT_LT(Count(interrupted.out, "Creation complete"), 40 + 1);
  std::cout << "apply during the crash: exit " << interrupted.exit_code << ", "
            << Count(interrupted.out, "Creation complete") << " created\n";

  // The next apply and a refresh settle everything.
  ProcessResult again = ws_->Apply();
  ASSERT_EQ(again.exit_code, 0) << Log();
  ASSERT_EQ(ws_->Terraform({"apply", "-refresh-only", "-auto-approve"}).exit_code, 0)
      << Log();
  EXPECT_EQ(ws_->Plan().exit_code, 0) << Log();
  ExpectServerAndStateHold(Names("crash", 40));
  ASSERT_EQ(ws_->Destroy().exit_code, 0) << Log();
  ExpectServerEmpty();
}

TEST_F(ReliabilityE2E, FiveHundredKeysAtParallelism32) {
  ASSERT_NO_FATAL_FAILURE(Start({}, CountedKeys("many", 500), ""));
  ProcessResult apply = ws_->Terraform({"apply", "-auto-approve", "-parallelism=32"});
  ASSERT_EQ(apply.exit_code, 0) << Log();
  EXPECT_TRUE(Contains(apply.out, "Apply complete! Resources: 500 added")) << Log();
  EXPECT_EQ(ws_->Terraform({"plan", "-detailed-exitcode", "-parallelism=32"}).exit_code, 0)
      << Log();
  ExpectServerAndStateHold(Names("many", 500));
  EXPECT_EQ(ws_->secrets_seen(), 1000u);  // a secret and credentials each
  ProcessResult destroy =
      ws_->Terraform({"destroy", "-auto-approve", "-parallelism=32"});
  ASSERT_EQ(destroy.exit_code, 0) << Log();
  EXPECT_TRUE(Contains(destroy.out, "Resources: 500 destroyed")) << Log();
  ExpectServerEmpty();
}

}  // namespace
}  // namespace union_e2e
