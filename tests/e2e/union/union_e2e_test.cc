// union_e2e_test.cc: the union provider driven by the real `terraform` CLI
// against a union-devserver, one server and one workspace per test.
//
// After every apply both `plan -detailed-exitcode` and
// `plan -detailed-exitcode -refresh=false` must be empty (exit 0).
// A missing terraform fails the suite (it is never skipped).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/common/expect_text.h"
#include "tests/e2e/union/e2e_fixture.h"
#include "tests/e2e/union/harness.h"
#include "union/api_key.h"
#include "union/client.h"
#include "union/config.h"
#include "union/credentials.h"

namespace union_e2e {
namespace {

using nlohmann::json;

using tf_e2e::Contains;
using tf_e2e::ExpectText;

class UnionE2E : public ServerWorkspaceTest {
 protected:
  UnionE2E() : ServerWorkspaceTest("union-e2e") {}

  // Writes the config, inits on first use, applies, and checks both plans
  // are empty afterwards.
  void ApplyOk(const std::string& body,
               const std::string& provider_extra = "") {
    ws_->WriteMainTf(body, provider_extra);
    if (!initialised_) {
      ProcessResult init = ws_->Init();
      ASSERT_EQ(init.exit_code, 0) << Log();
      initialised_ = true;
    }
    ProcessResult apply = ws_->Apply();
    ASSERT_EQ(apply.exit_code, 0) << Log();
    ExpectEmptyPlans();
  }

  void ExpectEmptyPlans() {
    ProcessResult refreshed = ws_->Plan(/*refresh=*/true);
    EXPECT_EQ(refreshed.exit_code, 0) << "refreshed plan not empty" << Log();
    ProcessResult cached = ws_->Plan(/*refresh=*/false);
    EXPECT_EQ(cached.exit_code, 0) << "plan -refresh=false not empty" << Log();
  }

  // Plans `body` and expects changes (exit 2); returns the plan output.
  std::string PlanChanges(const std::string& body) {
    ws_->WriteMainTf(body);
    ProcessResult plan = ws_->Plan();
    EXPECT_EQ(plan.exit_code, 2) << Log();
    return plan.out;
  }

  json Key(const std::string& client_id) {
    ProcessResult r = server_->Cli({"get", client_id});
    if (r.exit_code != 0) return nullptr;
    return json::parse(r.out, nullptr, false);
  }

  // A union-client ApiKeys on the dev server with its admin key.
  unionc::ApiKeys AdminKeys() {
    unionc::ConfigInputs in;
    in.api_key = server_->admin_key();
    in.endpoint = server_->endpoint();
    in.insecure = true;
    absl::StatusOr<unionc::ClientConfig> config = unionc::ResolveConfig(
        in, [](std::string_view) -> std::optional<std::string> {
          return std::nullopt;
        });
    EXPECT_TRUE(config.ok()) << config.status();
    absl::StatusOr<std::shared_ptr<unionc::Client>> client =
        unionc::Client::Create(*config);
    EXPECT_TRUE(client.ok()) << client.status();
    return unionc::ApiKeys(*client);
  }

  std::set<std::string> ServerClientIds() {
    absl::StatusOr<std::vector<unionc::ApiKey>> all = AdminKeys().ListAll(0);
    EXPECT_TRUE(all.ok()) << all.status();
    std::set<std::string> ids;
    if (all.ok()) {
      for (const unionc::ApiKey& k : *all) ids.insert(k.client_id);
    }
    return ids;
  }

  bool initialised_ = false;
};

constexpr char kAdminClientId[] = "union-devserver-admin";

TEST_F(UnionE2E, CreateGivesCredentialsThatObtainAToken) {
  ApplyOk(R"(
resource "union_api_key" "ci" {
  name = "E2E Create #1"
}
output "creds" {
  value     = union_api_key.ci.encoded_credentials
  sensitive = true
}
)");
  auto state = ws_->StateValues();
  ASSERT_EQ(state.count("union_api_key.ci"), 1u) << Log();
  const json& v = state["union_api_key.ci"];
  EXPECT_EQ(v["client_id"], "e2e-create-1");
  EXPECT_EQ(v["id"], "e2e-create-1");
  EXPECT_EQ(v["name"], "E2E Create #1");
  EXPECT_EQ(v["client_name"], "e2e-create-1");
  EXPECT_EQ(v["redirect_uris"],
            json::array({"http://localhost:8080/authorization-code/callback"}));
  EXPECT_EQ(v["skip_default_policy_assignments"], false);
  EXPECT_EQ(v["token_endpoint_auth_method"], "CLIENT_SECRET_BASIC");
  EXPECT_TRUE(v["client_id_issued_at"].is_string());
  ASSERT_TRUE(v["encoded_credentials"].is_string());
  ASSERT_TRUE(v["client_secret"].is_string());

  absl::StatusOr<unionc::ApiKeyCredentials> creds =
      unionc::ApiKeyCredentials::Decode(
          v["encoded_credentials"].get<std::string>());
  ASSERT_TRUE(creds.ok()) << creds.status();
  EXPECT_EQ(creds->client_id, "e2e-create-1");
  EXPECT_EQ(creds->endpoint, server_->endpoint());
  EXPECT_TRUE(creds->client_secret == v["client_secret"].get<std::string>())
      << "the encoded credentials carry another secret";
  // The same value through `terraform output -raw`.
  ProcessResult raw =
      ws_->Terraform({"output", "-raw", "creds"}, /*record=*/false);
  ASSERT_EQ(raw.exit_code, 0);
  EXPECT_TRUE(raw.out == v["encoded_credentials"].get<std::string>());

  std::string error;
  json token = ExchangeForToken(server_->http(), creds->client_id,
                                creds->client_secret, &error);
  ASSERT_FALSE(token.is_null()) << "token exchange failed: " << error;
  EXPECT_TRUE(token.contains("access_token"));
  EXPECT_GT(token.value("expires_in", 0), 0);
}

TEST_F(UnionE2E, UpdateInPlaceChangesNameAndRedirectUris) {
  ApplyOk(R"(resource "union_api_key" "k" { name = "upd" })");
  const json before = ws_->StateValues()["union_api_key.k"];
  const std::string body = R"(
resource "union_api_key" "k" {
  name          = "upd"
  client_name   = "Updated Name"
  redirect_uris = ["http://localhost:9999/cb", "http://localhost:9998/cb"]
}
)";
  std::string plan = PlanChanges(body);
  ExpectText(
      plan, {"will be updated in-place", "0 to add, 1 to change, 0 to destroy"},
      {"must be replaced"});
  ApplyOk(body);
  const json after = ws_->StateValues()["union_api_key.k"];
  EXPECT_EQ(after["client_name"], "Updated Name");
  EXPECT_EQ(after["redirect_uris"], json::array({"http://localhost:9999/cb",
                                                 "http://localhost:9998/cb"}));
  EXPECT_TRUE(after["client_secret"] == before["client_secret"]);
  EXPECT_EQ(after["client_id_issued_at"], before["client_id_issued_at"]);
  json server = Key("upd");
  ASSERT_TRUE(server.is_object());
  EXPECT_EQ(server["client_name"], "Updated Name");
  EXPECT_EQ(server["redirect_uris"], after["redirect_uris"]);
  EXPECT_EQ(server["grant_types"], after["grant_types"]);  // preserved
}

TEST_F(UnionE2E, NameChangeReplacesTheKey) {
  ApplyOk(R"(resource "union_api_key" "k" { name = "replace-one" })");
  const std::string body =
      R"(resource "union_api_key" "k" { name = "replace-two" })";
  std::string plan = PlanChanges(body);
  ExpectText(plan, {"must be replaced", "1 to add, 0 to change, 1 to destroy"});
  ApplyOk(body);
  EXPECT_EQ(ws_->StateValues()["union_api_key.k"]["client_id"], "replace-two");
  EXPECT_EQ(server_->Cli({"get", "replace-one"}).exit_code, 2);
  EXPECT_EQ(server_->Cli({"get", "replace-two"}).exit_code, 0);
  // A change of case only keeps the key (same client_id), in place.
  const std::string same =
      R"(resource "union_api_key" "k" { name = "Replace-Two" })";
  plan = PlanChanges(same);
  EXPECT_FALSE(Contains(plan, "must be replaced")) << plan;
  ApplyOk(same);
}

TEST_F(UnionE2E, DriftIsDetected) {
  const std::string body = R"(resource "union_api_key" "k" { name = "drift" })";
  ApplyOk(body);
  // Deleted out of band: the plan re-creates it.
  ProcessResult del = server_->Cli({"delete", "drift"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  std::string plan = PlanChanges(body);
  EXPECT_TRUE(Contains(plan, "will be created")) << plan;
  ApplyOk(body);
  EXPECT_EQ(server_->Cli({"get", "drift"}).exit_code, 0);
  // Renamed out of band: the plan changes it back, in place.
  ProcessResult upd =
      server_->Cli({"update", "drift", "--client-name", "renamed"});
  ASSERT_EQ(upd.exit_code, 0) << upd.err;
  plan = PlanChanges(body);
  ExpectText(plan, {"will be updated in-place", "\"renamed\" -> \"drift\""});
  ApplyOk(body);
  EXPECT_EQ(Key("drift")["client_name"], "drift");
}

TEST_F(UnionE2E, ImportMatchesCreatedExceptSecrets) {
  const std::string body = R"(
resource "union_api_key" "k" {
  name          = "imp-src"
  client_name   = "Imported"
  redirect_uris = ["http://localhost:7000/cb"]
}
)";
  ApplyOk(body);
  json created = ws_->StateValues()["union_api_key.k"];
  ProcessResult rm = ws_->Terraform({"state", "rm", "union_api_key.k"});
  ASSERT_EQ(rm.exit_code, 0) << Log();
  ProcessResult imp = ws_->Terraform({"import", "union_api_key.k", "imp-src"});
  ASSERT_EQ(imp.exit_code, 0) << Log();
  EXPECT_TRUE(Contains(imp.all(), "Imported API key has no secret")) << Log();
  EXPECT_TRUE(Contains(imp.all(), "-replace")) << Log();
  json imported = ws_->StateValues()["union_api_key.k"];
  ASSERT_TRUE(imported.is_object()) << Log();
  EXPECT_TRUE(imported["client_secret"].is_null());
  EXPECT_TRUE(imported["encoded_credentials"].is_null());
  for (auto& [k, val] : created.items()) {
    if (k == "client_secret" || k == "encoded_credentials") continue;
    EXPECT_EQ(imported[k], val) << "attribute " << k;
  }
  ExpectEmptyPlans();
}

TEST_F(UnionE2E, DataSourcesReadOneAndPageThroughMany) {
  unionc::ApiKeys keys = AdminKeys();
  for (int i = 0; i < 160; ++i) {
    absl::StatusOr<unionc::ApiKey> k = keys.Create("bulk " + std::to_string(i));
    ASSERT_TRUE(k.ok()) << k.status();
  }
  ApplyOk(R"(
data "union_api_key" "one" {
  client_id = "bulk-7"
}
data "union_api_keys" "limited" {
  limit = 150
}
data "union_api_keys" "all" {}
output "one_name" { value = data.union_api_key.one.client_name }
output "one_grants" { value = data.union_api_key.one.grant_types }
output "limited_count" { value = length(data.union_api_keys.limited.keys) }
output "all_count" { value = length(data.union_api_keys.all.keys) }
output "all_ids" { value = data.union_api_keys.all.keys[*].client_id }
)");
  ProcessResult out = ws_->Terraform({"output", "-json"});
  ASSERT_EQ(out.exit_code, 0) << Log();
  json o = json::parse(out.out, nullptr, false);
  ASSERT_FALSE(o.is_discarded()) << out.out;
  EXPECT_EQ(o["one_name"]["value"], "bulk-7");
  EXPECT_EQ(o["one_grants"]["value"],
            json::array({"CLIENT_CREDENTIALS", "AUTHORIZATION_CODE"}));
  EXPECT_EQ(o["limited_count"]["value"], 150);
  EXPECT_EQ(o["all_count"]["value"], 161);  // 160 + the admin app
  std::set<std::string> ids;
  for (const json& id : o["all_ids"]["value"])
    ids.insert(id.get<std::string>());
  EXPECT_EQ(ids.size(), 161u);  // no duplicates across pages
  EXPECT_EQ(ids.count(kAdminClientId), 1u);

  // A client_id that does not exist: a clear error on client_id.
  ws_->WriteMainTf(
      R"(data "union_api_key" "missing" { client_id = "no-such-key" })");
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 1) << Log();
  EXPECT_TRUE(Contains(plan.all(), "Union API key not found")) << Log();
  EXPECT_TRUE(Contains(plan.all(), "no-such-key")) << Log();
}

TEST_F(UnionE2E, ErrorsAreClearAndNeverEchoSecrets) {
  ws_->WriteMainTf(R"(resource "union_api_key" "k" { name = "err" })");
  ASSERT_EQ(ws_->Init().exit_code, 0) << Log();

  // 1. A malformed key.
  const std::string garbage =
      "bm90LWEta2V5LXRvcHNlY3JldA";  // not-a-key-topsecret
  ws_->SetEnv("UNION_API_KEY", garbage);
  ProcessResult bad = ws_->Plan();
  EXPECT_EQ(bad.exit_code, 1) << Log();
  EXPECT_TRUE(Contains(bad.all(), "Invalid Union API key")) << Log();
  EXPECT_TRUE(Contains(bad.all(), "UNION_API_KEY")) << Log();
  EXPECT_FALSE(Contains(bad.all(), garbage));

  // 2. A well-formed key with a wrong secret.
  absl::StatusOr<unionc::ApiKeyCredentials> admin =
      unionc::ApiKeyCredentials::Decode(server_->admin_key());
  ASSERT_TRUE(admin.ok());
  unionc::ApiKeyCredentials wrong = *admin;
  wrong.client_secret = "wrong-secret-e2e-0123456789";
  const std::string wrong_key = wrong.Encode();
  ws_->SetEnv("UNION_API_KEY", wrong_key);
  // (A plan of a new resource makes no call; the create does.)
  ProcessResult denied = ws_->Apply();
  EXPECT_EQ(denied.exit_code, 1) << Log();
  EXPECT_TRUE(
      Contains(denied.all(), "Union rejected the provider's credentials"))
      << Log();
  EXPECT_FALSE(Contains(denied.all(), wrong.client_secret));
  EXPECT_FALSE(Contains(denied.all(), wrong_key));
  EXPECT_FALSE(Contains(denied.all(), admin->client_secret));
  ws_->SetEnv("UNION_API_KEY", server_->admin_key());

  // 3. An endpoint that accepts connections but never answers: the call
  //    fails after request_timeout instead of hanging.
  int blackhole = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(blackhole, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(blackhole, reinterpret_cast<sockaddr*>(&addr), sizeof addr),
            0);
  ASSERT_EQ(listen(blackhole, 64), 0);
  socklen_t len = sizeof addr;
  getsockname(blackhole, reinterpret_cast<sockaddr*>(&addr), &len);
  const std::string hole = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  ws_->WriteMainTf(R"(resource "union_api_key" "k" { name = "err" })",
                   "  endpoint = \"" + hole +
                       "\"\n  request_timeout = \"2s\"\n  max_retries = 0\n");
  const auto started = std::chrono::steady_clock::now();
  ProcessResult unreachable = ws_->Terraform({"apply", "-auto-approve"});
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  close(blackhole);
  RecordProperty("unreachable_apply_seconds", std::to_string(seconds));
  EXPECT_FALSE(unreachable.timed_out);
  EXPECT_EQ(unreachable.exit_code, 1) << Log();
  EXPECT_TRUE(Contains(unreachable.all(), "Union request timed out") ||
              Contains(unreachable.all(), "Union endpoint unreachable"))
      << Log();

  // 4. A duplicate name: the error gives the import command.
  ProcessResult made = server_->Cli({"create", "dup-key"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ws_->WriteMainTf(R"(resource "union_api_key" "k" { name = "Dup Key" })");
  ProcessResult dup = ws_->Apply();
  EXPECT_EQ(dup.exit_code, 1) << Log();
  EXPECT_TRUE(Contains(dup.all(), "Union API key already exists")) << Log();
  EXPECT_TRUE(Contains(dup.all(),
                       "terraform import <address of this resource> dup-key"))
      << Log();
}

TEST_F(UnionE2E, DestroyLeavesOnlyTheAdminApp) {
  ApplyOk(R"(
resource "union_api_key" "a" { name = "destroy-a" }
resource "union_api_key" "b" {
  name          = "destroy-b"
  redirect_uris = ["http://localhost:1234/cb"]
}
)");
  EXPECT_EQ(ServerClientIds(),
            (std::set<std::string>{kAdminClientId, "destroy-a", "destroy-b"}));
  ProcessResult destroy = ws_->Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Log();
  EXPECT_EQ(ServerClientIds(), (std::set<std::string>{kAdminClientId}));
  EXPECT_TRUE(ws_->StateValues().empty());
}

TEST_F(UnionE2E, SecretsAreMaskedAndNeverLogged) {
  const fs::path log = tmp_.path() / "tf-trace.log";
  ws_->SetEnv("TF_LOG", "trace");
  ws_->SetEnv("TF_LOG_PATH", log.string());
  const std::string body = R"(
resource "union_api_key" "a" { name = "secret-a" }
resource "union_api_key" "b" { name = "secret-b" }
output "a_creds" {
  value     = union_api_key.a.encoded_credentials
  sensitive = true
}
)";
  ws_->WriteMainTf(body);
  ProcessResult init = ws_->Init();
  ASSERT_EQ(init.exit_code, 0) << Log();
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 2) << Log();
  EXPECT_TRUE(Contains(plan.out, "(sensitive value)")) << plan.out;
  ProcessResult apply = ws_->Apply();
  ASSERT_EQ(apply.exit_code, 0) << Log();
  ProcessResult refresh =
      ws_->Terraform({"apply", "-refresh-only", "-auto-approve"});
  EXPECT_EQ(refresh.exit_code, 0) << Log();
  ws_->UnsetEnv("TF_LOG");
  ws_->UnsetEnv("TF_LOG_PATH");
  ExpectEmptyPlans();
  // A change shows the secrets masked in the plan.
  std::string change = PlanChanges(R"(
resource "union_api_key" "a" { name = "secret-a-2" }
resource "union_api_key" "b" { name = "secret-b" }
output "a_creds" {
  value     = union_api_key.a.encoded_credentials
  sensitive = true
}
)");
  EXPECT_TRUE(Contains(change, "client_secret") &&
              Contains(change, "(sensitive value)"))
      << change;

  std::vector<std::string> secrets;
  for (auto& [address, v] : ws_->StateValues()) {
    for (const char* attr : {"client_secret", "encoded_credentials"}) {
      ASSERT_TRUE(v[attr].is_string()) << address << "." << attr;
      secrets.push_back(v[attr].get<std::string>());
      // The secret inside the encoded credentials, base64-decoded.
    }
  }
  ASSERT_EQ(secrets.size(), 4u);
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string trace = ss.str();
  EXPECT_GT(trace.size(), 10000u) << "TF_LOG=trace wrote almost nothing";
  EXPECT_TRUE(Contains(trace, "union"))
      << "the log does not mention the provider";
  const std::string outputs = ws_->transcript();
  int hits = 0;
  for (const std::string& s : secrets) {
    if (Contains(trace, s)) ++hits;
    if (Contains(outputs, s)) ++hits;
  }
  EXPECT_EQ(hits, 0) << "a secret appeared in the trace log or command output";
  EXPECT_FALSE(Contains(trace, server_->admin_key()));
}

// The leak check every test ends with can fail: a secret planted in a log
// file is found, and named without being printed.
TEST_F(UnionE2E, LeakCheckFindsAPlantedSecret) {
  ApplyOk(R"(resource "union_api_key" "p" { name = "planted" })");
  EXPECT_TRUE(ws_->SecretLeaks().empty());
  std::map<std::string, json> state = ws_->StateValues();
  const std::string secret = state["union_api_key.p"]["client_secret"];
  const fs::path planted = ws_->dir() / "planted.log";
  tf_e2e::WriteFile(planted, "some log line\nuser=" + secret + " more\n");
  std::vector<std::string> leaks = ws_->SecretLeaks();
  fs::remove(planted);
  ASSERT_EQ(leaks.size(), 1u);
  EXPECT_TRUE(Contains(leaks[0], "planted.log")) << leaks[0];
  EXPECT_TRUE(Contains(leaks[0], "client_secret of union_api_key.p"))
      << leaks[0];
  EXPECT_FALSE(Contains(leaks[0], secret));
}

// Every example under examples/ is valid against the provider's schema
// (`terraform validate`), and the quick start applies and destroys cleanly.
TEST_F(UnionE2E, ExamplesValidateAndQuickstartApplies) {
  const fs::path examples = fs::path(TFPU_SOURCE_DIR) / "examples";
  std::set<fs::path> dirs;
  for (const auto& entry : fs::recursive_directory_iterator(examples)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tf") {
      dirs.insert(entry.path().parent_path());
    }
  }
  int validated = 0;
  for (const fs::path& dir : dirs) {
    SCOPED_TRACE(dir.string());
    Workspace ws(tmp_.path() / ("ex" + std::to_string(validated)), *server_);
    bool has_terraform_block = false;
    for (const auto& f : fs::directory_iterator(dir)) {
      if (f.path().extension() != ".tf") continue;
      fs::copy_file(f.path(), ws.dir() / "work" / f.path().filename());
      std::ifstream in(f.path());
      std::stringstream ss;
      ss << in.rdbuf();
      if (Contains(ss.str(), "required_providers")) has_terraform_block = true;
    }
    if (!has_terraform_block) {
      std::ofstream(ws.dir() / "work" / "versions.tf")
          << "terraform {\n  required_providers {\n    union = {\n"
             "      source  = \"unionai/union\"\n      version = \"0.1.0\"\n"
             "    }\n  }\n}\n";
    }
    ProcessResult init = ws.Init();
    ASSERT_EQ(init.exit_code, 0) << ws.transcript();
    ProcessResult validate = ws.Terraform({"validate"});
    EXPECT_EQ(validate.exit_code, 0) << ws.transcript();
    ++validated;
  }
  EXPECT_GE(validated, 5);

  // The quick start, as scripts/demo runs it.
  for (const auto& f : fs::directory_iterator(examples / "quickstart")) {
    fs::copy_file(f.path(), ws_->dir() / "work" / f.path().filename());
  }
  ASSERT_EQ(ws_->Init().exit_code, 0) << Log();
  ASSERT_EQ(ws_->Apply().exit_code, 0) << Log();
  ExpectEmptyPlans();
  EXPECT_EQ(ServerClientIds(),
            (std::set<std::string>{kAdminClientId, "ci-pipeline", "webapp"}));
  ASSERT_EQ(ws_->Destroy().exit_code, 0) << Log();
  EXPECT_EQ(ServerClientIds(), (std::set<std::string>{kAdminClientId}));
}

// A dev server whose creates commit and then answer UNAVAILABLE: the answer
// with the secret is lost (docs/design/ambiguous-create.md).
class UnionE2EAmbiguousCreate : public UnionE2E {
 protected:
  std::vector<std::string> ServerArgs() const override {
    return {"--fail-after-commit"};
  }
};

TEST_F(UnionE2EAmbiguousCreate, LostAnswerAdoptsTheKeyAsTainted) {
  ws_->WriteMainTf(R"(resource "union_api_key" "k" { name = "lost-answer" })",
                   "  max_retries = 0\n");
  ASSERT_EQ(ws_->Init().exit_code, 0) << Log();
  ProcessResult apply = ws_->Apply();
  EXPECT_EQ(apply.exit_code, 1) << Log();
  const std::string all = apply.all();
  EXPECT_TRUE(Contains(all, "Union API key created but its secret was lost"))
      << Log();
  EXPECT_TRUE(Contains(all, "tainted")) << Log();
  // The key exists on the server and is in state, tainted and without a
  // secret (no orphan); the next plan replaces it.
  EXPECT_EQ(server_->Cli({"get", "lost-answer"}).exit_code, 0);
  std::map<std::string, json> state = ws_->StateValues();
  ASSERT_EQ(state.count("union_api_key.k"), 1u) << Log();
  EXPECT_EQ(state["union_api_key.k"]["client_id"], "lost-answer");
  EXPECT_TRUE(state["union_api_key.k"]["client_secret"].is_null());
  EXPECT_EQ(state["union_api_key.k"]["(tainted)"], true);
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 2) << Log();
  EXPECT_TRUE(Contains(plan.out, "is tainted, so must be replaced")) << Log();
}

// TLS on both of the dev server's ports: the provider verifies the server
// against ca_cert_file on the gRPC channel and on the HTTPS token endpoint.
// In scripts/test's release stage this runs the static binary (its token
// call goes through the same Boost.Beast transport as the dynamic one).
class UnionE2ETls : public UnionE2E {
 protected:
  fs::path Cert() const { return tmp_.path() / "tls" / "cert.pem"; }
  fs::path Key() const { return tmp_.path() / "tls" / "key.pem"; }

  std::vector<std::string> ServerArgs() const override {
    return {"--tls-cert", Cert().string(), "--tls-key", Key().string()};
  }

  void SetUp() override {
    ASSERT_FALSE(tmp_.path().empty());
    fs::create_directories(tmp_.path() / "tls");
    // A throwaway self-signed certificate for the loopback address.
    ProcessResult made = tf_e2e::RunProcess(
        {"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
         "/CN=localhost", "-addext",
         "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", Key().string(),
         "-out", Cert().string()},
        {{"PATH", "/usr/bin:/bin"}}, tmp_.path(), std::chrono::seconds(60));
    ASSERT_EQ(made.exit_code, 0) << "openssl req failed: " << made.err;
    UnionE2E::SetUp();
    if (ws_) ws_->SetInsecure(false);
  }
};

TEST_F(UnionE2ETls, AppliesOverTlsWithItsCaAndRefusesWithoutIt) {
  const std::string body =
      R"(resource "union_api_key" "t" { name = "over-tls" })";
  // Without the CA the server's certificate is not trusted: a clear error,
  // not a hang.
  ws_->WriteMainTf(body, "  max_retries = 0\n  request_timeout = \"10s\"\n");
  ASSERT_EQ(ws_->Init().exit_code, 0) << Log();
  initialised_ = true;
  ProcessResult untrusted = ws_->Apply();
  EXPECT_EQ(untrusted.exit_code, 1) << Log();
  EXPECT_TRUE(Contains(untrusted.all(), "Error")) << Log();
  EXPECT_EQ(server_->Cli({"get", "over-tls"}).exit_code, 2);

  // With it, the whole lifecycle works.
  ApplyOk(body, "  ca_cert_file = \"" + Cert().string() + "\"\n");
  std::map<std::string, json> state = ws_->StateValues();
  EXPECT_TRUE(state["union_api_key.t"]["client_secret"].is_string()) << Log();
  EXPECT_EQ(server_->Cli({"get", "over-tls"}).exit_code, 0);
  // The token came from the HTTPS endpoint.
  const std::string server_log =
      tf_e2e::ReadFile(server_->dir() / "server.log");
  EXPECT_TRUE(Contains(server_log, "\"token request\"")) << server_log;
  ASSERT_EQ(ws_->Destroy().exit_code, 0) << Log();
  EXPECT_EQ(server_->Cli({"get", "over-tls"}).exit_code, 2);
}

// Zero-downtime rotation: name_prefix + rotate_when_changed +
// create_before_destroy. The new key exists before the old one is deleted,
// dependents get the new client_id, and only the new key remains.
// A union_api_key `label` named by `naming` (a name or name_prefix line)
// that is replaced, create_before_destroy, whenever `generation` changes.
std::string RotatingKey(const std::string& label, const std::string& naming,
                        const std::string& generation) {
  return absl::StrCat(R"(
resource "union_api_key" ")",
                      label, R"(" {
  )",
                      naming, R"(
  rotate_when_changed = { generation = ")",
                      generation, R"(" }
  lifecycle {
    create_before_destroy = true
  }
}
)");
}

std::string RotatingConfig(const std::string& generation) {
  return RotatingKey("rot", R"(name_prefix = "Rot ")", generation) + R"(
resource "terraform_data" "consumer" {
  input = union_api_key.rot.client_id
}
output "client_id" {
  value = union_api_key.rot.client_id
}
)";
}

TEST_F(UnionE2E, RotationCreatesTheNewKeyBeforeDestroyingTheOld) {
  ApplyOk(RotatingConfig("1"));
  std::map<std::string, json> first = ws_->StateValues();
  const std::string old_id = first["union_api_key.rot"]["client_id"];
  EXPECT_EQ(old_id.rfind("rot-", 0), 0u) << old_id;
  EXPECT_EQ(first["union_api_key.rot"]["name"], old_id);
  EXPECT_EQ(first["terraform_data.consumer"]["output"], old_id);

  ws_->WriteMainTf(RotatingConfig("2"));
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 2) << Log();
  EXPECT_TRUE(Contains(plan.out, "create replacement and then destroy"))
      << plan.out;
  ProcessResult apply = ws_->Apply();
  ASSERT_EQ(apply.exit_code, 0) << Log();
  const std::string& out = apply.out;
  const size_t created = out.find("union_api_key.rot: Creation complete");
  const size_t destroyed = out.find("Destruction complete");
  ASSERT_NE(created, std::string::npos) << out;
  ASSERT_NE(destroyed, std::string::npos) << out;
  EXPECT_LT(created, destroyed) << "the old key went first:\n" << out;
  ExpectEmptyPlans();

  std::map<std::string, json> second = ws_->StateValues();
  const json& key = second["union_api_key.rot"];
  const std::string new_id = key["client_id"];
  EXPECT_NE(new_id, old_id);
  EXPECT_EQ(new_id.rfind("rot-", 0), 0u) << new_id;
  EXPECT_EQ(second["terraform_data.consumer"]["output"], new_id);
  EXPECT_EQ(ServerClientIds(), (std::set<std::string>{kAdminClientId, new_id}));
  std::string error;
  json token = ExchangeForToken(
      server_->http(), new_id, key["client_secret"].get<std::string>(), &error);
  EXPECT_FALSE(token.is_null()) << "token exchange failed: " << error;
}

// examples/rotation, as a user runs it: apply, then rotate with a variable.
TEST_F(UnionE2E, RotationExampleRotatesWithAVariable) {
  const fs::path example = fs::path(TFPU_SOURCE_DIR) / "examples" / "rotation";
  for (const auto& f : fs::directory_iterator(example)) {
    fs::copy_file(f.path(), ws_->dir() / "work" / f.path().filename());
  }
  ASSERT_EQ(ws_->Init().exit_code, 0) << Log();
  ASSERT_EQ(ws_->Apply().exit_code, 0) << Log();
  ExpectEmptyPlans();
  const std::string first =
      ws_->StateValues()["union_api_key.deploy"]["client_id"];
  ASSERT_EQ(ws_->Terraform({"apply", "-auto-approve", "-var", "generation=2"})
                .exit_code,
            0)
      << Log();
  EXPECT_EQ(
      ws_->Terraform({"plan", "-detailed-exitcode", "-var", "generation=2"})
          .exit_code,
      0)
      << Log();
  const std::string second =
      ws_->StateValues()["union_api_key.deploy"]["client_id"];
  EXPECT_NE(first, second);
  EXPECT_EQ(second.rfind("deploy-", 0), 0u) << second;
  EXPECT_EQ(ServerClientIds(), (std::set<std::string>{kAdminClientId, second}));
  ASSERT_EQ(ws_->Terraform({"destroy", "-auto-approve", "-var", "generation=2"})
                .exit_code,
            0)
      << Log();
  EXPECT_EQ(ServerClientIds(), (std::set<std::string>{kAdminClientId}));
}

TEST_F(UnionE2E, NamePrefixWithCountGivesDistinctClientIds) {
  ApplyOk(R"(
resource "union_api_key" "fleet" {
  count       = 3
  name_prefix = "fleet-"
}
)");
  std::map<std::string, json> state = ws_->StateValues();
  std::set<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    const json& k = state["union_api_key.fleet[" + std::to_string(i) + "]"];
    ASSERT_TRUE(k.is_object()) << Log();
    const std::string id = k["client_id"];
    EXPECT_EQ(id.rfind("fleet-", 0), 0u) << id;
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 3u);
  std::set<std::string> want = ids;
  want.insert(kAdminClientId);
  EXPECT_EQ(ServerClientIds(), want);
}

TEST_F(UnionE2E, FixedNameRotationWithCreateBeforeDestroySaysUseNamePrefix) {
  auto config = [](const std::string& generation) {
    return RotatingKey("fixed", R"(name = "fixed-rotation")", generation);
  };
  ApplyOk(config("1"));
  const json before = ws_->StateValues()["union_api_key.fixed"];
  ws_->WriteMainTf(config("2"));
  ProcessResult apply = ws_->Apply();
  EXPECT_EQ(apply.exit_code, 1) << Log();
  const std::string all = apply.all();
  ExpectText(all, {"Union API key already exists", "name_prefix",
                   "create_before_destroy", "terraform import"});
  // The old key is still managed and still on the server.
  std::map<std::string, json> state = ws_->StateValues();
  ASSERT_EQ(state.count("union_api_key.fixed"), 1u) << Log();
  EXPECT_EQ(state["union_api_key.fixed"]["client_id"], "fixed-rotation");
  EXPECT_TRUE(state["union_api_key.fixed"]["client_secret"] ==
              before["client_secret"]);
  EXPECT_EQ(server_->Cli({"get", "fixed-rotation"}).exit_code, 0);
}

TEST_F(UnionE2E, ValidateRejectsBadNamingAndRedirectUris) {
  struct Case {
    const char* label;
    const char* body;
    std::vector<const char*> want;
  };
  const std::vector<Case> cases = {
      {"both",
       R"(resource "union_api_key" "k" {
  name        = "x"
  name_prefix = "x-"
})",
       {"Conflicting arguments", "name_prefix", "union_api_key.k"}},
      {"neither",
       R"(resource "union_api_key" "k" {
  client_name = "no name"
})",
       {"Missing required argument", "name_prefix", "union_api_key.k"}},
      {"javascript redirect",
       R"tf(resource "union_api_key" "k" {
  name          = "x"
  redirect_uris = ["https://ok.example/cb", "javascript:alert(1)"]
})tf",
       {"Invalid URI", "redirect_uris[1]", "javascript", "union_api_key.k"}},
  };
  bool initialised = false;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.label);
    ws_->WriteMainTf(c.body);
    if (!initialised) {
      ASSERT_EQ(ws_->Init().exit_code, 0) << Log();
      initialised = true;
    }
    ProcessResult v = ws_->Terraform({"validate"});
    EXPECT_EQ(v.exit_code, 1) << Log();
    for (const char* want : c.want) {
      EXPECT_TRUE(Contains(v.all(), want)) << want << " in\n" << v.all();
    }
  }
}

TEST_F(UnionE2E, ClientIdPrefixFilterReturnsExactlyTheMatchingKeys) {
  ApplyOk(R"(
resource "union_api_key" "team" {
  for_each = toset(["team-a-one", "team-a-two", "team-b-one", "xteam-a"])
  name     = each.key
}
data "union_api_keys" "team_a" {
  client_id_prefix = "team-a-"
  depends_on       = [union_api_key.team]
}
output "team_a" {
  value = sort([for k in data.union_api_keys.team_a.keys : k.client_id])
}
)");
  ProcessResult out = ws_->Terraform({"output", "-json", "team_a"});
  ASSERT_EQ(out.exit_code, 0) << Log();
  EXPECT_EQ(json::parse(out.out, nullptr, false),
            json::array({"team-a-one", "team-a-two"}))
      << out.out;
}

// union-client's retries reach the provider's log (TF_LOG=trace here), and
// the leak check in TearDown still passes.
class UnionE2EFlaky : public UnionE2E {
 protected:
  std::vector<std::string> ServerArgs() const override {
    return {"--fail-rate", "0.3", "--seed", "7"};
  }
};

TEST_F(UnionE2EFlaky, ClientRetriesShowInTheProviderLog) {
  ws_->SetEnv("TF_LOG", "debug");
  ApplyOk(R"(
resource "union_api_key" "k" {
  count = 6
  name  = "flaky-${count.index}"
}
)",
          "  max_retries = 8\n");
  const std::string log = tf_e2e::ReadFile(ws_->dir() / "terraform.log");
  EXPECT_TRUE(Contains(log, "union-client: ")) << "no union-client line";
  EXPECT_TRUE(Contains(log, "; retry ")) << "no retry line in the log";
  EXPECT_TRUE(Contains(log, "logger=union-client")) << "not via hclog";
}

// A dev server whose new keys' secrets live 3 seconds.
class UnionE2EExpiringSecrets : public UnionE2E {
 protected:
  std::vector<std::string> ServerArgs() const override {
    return {"--secret-ttl", "3s"};
  }
};

TEST_F(UnionE2EExpiringSecrets, ExpiryIsInStateAndARefreshAfterItWarns) {
  ws_->WriteMainTf(R"(resource "union_api_key" "k" { name = "expiring" })");
  ASSERT_EQ(ws_->Init().exit_code, 0) << Log();
  ASSERT_EQ(ws_->Apply().exit_code, 0) << Log();
  const json key = ws_->StateValues()["union_api_key.k"];
  ASSERT_TRUE(key["client_secret_expires_at"].is_string()) << key.dump();
  ASSERT_TRUE(key["client_id_issued_at"].is_string()) << key.dump();
  // Both are RFC 3339 UTC with whole seconds, so they compare as text.
  EXPECT_GT(key["client_secret_expires_at"].get<std::string>(),
            key["client_id_issued_at"].get<std::string>());
  // Wait until the secret has expired (ttl 3 s; whole seconds in state).
  sleep(5);
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 0) << Log();  // a warning, not a change
  EXPECT_TRUE(Contains(plan.all(), "Union API key secret expired")) << Log();
  EXPECT_TRUE(Contains(plan.all(), "\"expiring\"")) << Log();
  EXPECT_TRUE(Contains(plan.all(), "rotate_when_changed")) << Log();
}

}  // namespace
}  // namespace union_e2e
