// functions_ephemeral_e2e_test.cc: the union provider's functions
// (decode_api_key, encode_api_key) and ephemeral resources (union_api_key,
// union_access_token) driven by the real `terraform` CLI against a
// union-devserver.
//
// Ephemeral values never reach the state or a plan, so the test learns them
// the one way Terraform allows: a local-exec provisioner (which may read
// ephemeral values) writes them to a file outside the workspace during
// apply. Every file of the workspace (state, saved plan, TF_LOG=trace logs)
// and of the server, and every command's output, is then searched for them.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/e2e/common/expect_text.h"
#include "tests/e2e/union/e2e_fixture.h"
#include "tests/e2e/union/harness.h"
#include "union/credentials.h"

namespace union_e2e {
namespace {

using nlohmann::json;
using tf_e2e::Contains;
using tf_e2e::ExpectText;

// The prefix of every ephemeral key these tests create.
constexpr char kPrefix[] = "e2e-eph-";

// Where `text` holds an ephemeral key's client_id (the prefix and the
// start of its unique suffix) or an encoded key with such a client_id; with
// `secret_shaped`, also anything shaped like a dev server secret or token
// (32 random bytes, base64url: 43 characters).
std::vector<std::string> EphemeralTraces(const std::string& text,
                                         const std::string& where,
                                         bool secret_shaped) {
  std::vector<std::string> hits;
  static const std::regex kClientId(std::string(kPrefix) + "[0-9a-z]{8}");
  if (std::regex_search(text, kClientId)) {
    hits.push_back(where + ": an ephemeral key's client_id");
  }
  static const std::regex kBase64(R"([A-Za-z0-9+/]{40,}={0,2})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kBase64);
       it != std::sregex_iterator(); ++it) {
    absl::StatusOr<unionc::ApiKeyCredentials> c =
        unionc::ApiKeyCredentials::Decode(it->str());
    if (c.ok() && c->client_id.rfind(kPrefix, 0) == 0) {
      hits.push_back(where + ": an ephemeral key's encoded credentials");
    }
  }
  static const std::regex kSecretShaped(
      R"((^|[^A-Za-z0-9_-])[A-Za-z0-9_-]{43}([^A-Za-z0-9_=-]|$))");
  if (secret_shaped && std::regex_search(text, kSecretShaped)) {
    hits.push_back(where +
                   ": a 43-character base64url value (secret- or "
                   "token-shaped)");
  }
  return hits;
}

bool SkipBinaries(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == "mirror" || name == "tfdata" || name == ".terraform";
}

class FunctionsEphemeralE2E : public ServerWorkspaceTest {
 protected:
  FunctionsEphemeralE2E() : ServerWorkspaceTest("union-fn-eph-e2e") {}

  void SetUp() override {
    ServerWorkspaceTest::SetUp();
    if (HasFatalFailure()) return;
    fs::create_directories(capture_);
  }

  void Init() {
    ProcessResult init = ws_->Init();
    ASSERT_EQ(init.exit_code, 0) << Log();
  }

  // The client_ids on the server that start with kPrefix.
  std::vector<std::string> EphemeralKeysOnServer() {
    std::string error;
    std::vector<std::string> ids = server_->ClientIds(&error);
    EXPECT_TRUE(error.empty()) << error;
    std::vector<std::string> out;
    for (const std::string& id : ids) {
      if (id.rfind(kPrefix, 0) == 0) out.push_back(id);
    }
    return out;
  }

  // `terraform output -json` as name -> value.
  json Outputs() {
    ProcessResult r = ws_->Terraform({"output", "-json"}, /*record=*/false);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    json all = json::parse(r.out, nullptr, false);
    json out = json::object();
    if (!all.is_object()) return out;
    for (auto& [name, o] : all.items()) out[name] = o["value"];
    return out;
  }

  // The lines a local-exec provisioner wrote to capture_/<name>.
  std::vector<std::string> Captured(const std::string& name) {
    std::istringstream in(tf_e2e::ReadFile(capture_ / name));
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  }

  fs::path capture_ = tmp_.path() / "capture";
};

TEST_F(FunctionsEphemeralE2E, FunctionsRoundTripAndDecodeARealKey) {
  ws_->WriteMainTf(R"(
resource "union_api_key" "real" {
  name = "fn-real"
}
locals {
  again = provider::union::decode_api_key(
    provider::union::encode_api_key("127.0.0.1:8089", "app-id", "not-secret", ""))
}
output "endpoint" { value = local.again.endpoint }
output "client_id" { value = local.again.client_id }
output "organization" { value = local.again.organization }
output "real_client_id" {
  value = nonsensitive(provider::union::decode_api_key(
    union_api_key.real.encoded_credentials).client_id)
}
output "real_endpoint" {
  value = nonsensitive(provider::union::decode_api_key(
    union_api_key.real.encoded_credentials).endpoint)
}
)");
  Init();
  ProcessResult apply = ws_->Apply();
  ASSERT_EQ(apply.exit_code, 0) << Log();
  json out = Outputs();
  EXPECT_EQ(out["endpoint"], "127.0.0.1:8089") << out.dump();
  EXPECT_EQ(out["client_id"], "app-id");
  EXPECT_EQ(out["organization"], "");
  EXPECT_EQ(out["real_client_id"], "fn-real");
  EXPECT_EQ(out["real_endpoint"], server_->endpoint());
  EXPECT_EQ(ws_->Plan().exit_code, 0) << "plan after apply not empty" << Log();
}

TEST_F(FunctionsEphemeralE2E, ABadKeyIsACleanErrorNamingTheFunction) {
  const std::string bad = "bm90LWFuLWFwaS1rZXk";  // not base64-padded
  ws_->WriteMainTf(R"(
variable "key" {
  type      = string
  sensitive = true
  default   = ")" + bad +
                   R"("
}
output "parts" {
  value     = provider::union::decode_api_key(var.key)
  sensitive = true
}
)");
  Init();
  ProcessResult plan = ws_->Plan();
  EXPECT_EQ(plan.exit_code, 1) << Log();
  const std::string all = plan.all();
  ExpectText(all,
             {"decode_api_key", "is not a valid Union API key", "api_key"});
  EXPECT_FALSE(Contains(all, bad)) << "the bad value was echoed";
  ExpectText(all, {}, {"panic", "crash"});
}

// A provider configuration `alias` authenticating with `credential` =
// `value`, and a union_api_key data source reading union_api_key.target
// through it.
std::string ReaderOfTarget(const std::string& alias,
                           const std::string& credential,
                           const std::string& value) {
  return absl::StrCat(R"(
provider "union" {
  alias    = ")",
                      alias, R"("
  insecure = true
  )",
                      credential, " = ", value, R"(
}

data "union_api_key" ")",
                      alias, R"(" {
  provider   = union.)",
                      alias, R"(
  client_id  = union_api_key.target.client_id
  depends_on = [union_api_key.target]
}
)");
}

TEST_F(FunctionsEphemeralE2E, EphemeralKeyAndTokenConfigureAliasedProviders) {
  const std::string body =
      R"(
resource "union_api_key" "target" {
  name = "eph-target"
}

ephemeral "union_api_key" "run" {
  name_prefix = ")" +
      std::string(kPrefix) + R"("
}

)" +
      ReaderOfTarget("by_key", "api_key",
                     "ephemeral.union_api_key.run.encoded_credentials") +
      R"(
ephemeral "union_access_token" "t" {}
)" +
      ReaderOfTarget("by_token", "access_token",
                     "ephemeral.union_access_token.t.access_token") +
      R"(

resource "terraform_data" "capture" {
  input = [data.union_api_key.by_key.client_id,
           data.union_api_key.by_token.client_id]
  provisioner "local-exec" {
    command = "printf '%s\\n%s\\n%s\\n' \"$ID\" \"$SECRET\" \"$CREDS\" > ')" +
      (capture_ / "key").string() +
      R"(' && printf '%s\\n%s\\n%s\\n' \"$TOKEN\" \"$TYPE\" \"$EXPIRES\" > ')" +
      (capture_ / "token").string() + R"('"
    environment = {
      ID      = ephemeral.union_api_key.run.client_id
      SECRET  = ephemeral.union_api_key.run.client_secret
      CREDS   = ephemeral.union_api_key.run.encoded_credentials
      TOKEN   = ephemeral.union_access_token.t.access_token
      TYPE    = ephemeral.union_access_token.t.token_type
      EXPIRES = ephemeral.union_access_token.t.expires_at
    }
  }
}

output "target_via_function" {
  value = nonsensitive(provider::union::decode_api_key(
    union_api_key.target.encoded_credentials).client_id)
}
output "read_by_key" { value = data.union_api_key.by_key.client_name }
output "read_by_token" { value = data.union_api_key.by_token.client_name }
)";
  ws_->WriteMainTf(body);
  Init();

  // A saved plan holds nothing of the ephemeral key.
  ProcessResult plan = ws_->Terraform({"plan", "-out=tfplan"});
  ASSERT_EQ(plan.exit_code, 0) << Log();
  ProcessResult shown =
      ws_->Terraform({"show", "-json", "tfplan"}, /*record=*/false);
  ASSERT_EQ(shown.exit_code, 0);
  ASSERT_TRUE(json::parse(shown.out, nullptr, false).is_object());
  std::vector<std::string> in_plan =
      EphemeralTraces(shown.out, "terraform show -json tfplan",
                      /*secret_shaped=*/true);
  EXPECT_TRUE(in_plan.empty()) << Join(in_plan);
  EXPECT_TRUE(EphemeralKeysOnServer().empty())
      << "plan left an ephemeral key behind";

  ProcessResult apply = ws_->Terraform({"apply", "-auto-approve", "tfplan"});
  ASSERT_EQ(apply.exit_code, 0) << Log();
  json out = Outputs();
  EXPECT_EQ(out["read_by_key"], "eph-target") << out.dump();
  EXPECT_EQ(out["read_by_token"], "eph-target") << out.dump();
  EXPECT_EQ(out["target_via_function"], "eph-target") << out.dump();

  // The values the run used, as the provisioner saw them.
  std::vector<std::string> key = Captured("key");
  std::vector<std::string> token = Captured("token");
  ASSERT_EQ(key.size(), 3u);
  ASSERT_EQ(token.size(), 3u);
  const std::string& eph_id = key[0];
  EXPECT_EQ(eph_id.rfind(kPrefix, 0), 0u) << eph_id;
  EXPECT_TRUE(std::regex_match(
      eph_id, std::regex(std::string(kPrefix) + R"(\d{8}t\d{6}-[0-9a-z]{10})")))
      << eph_id;
  absl::StatusOr<unionc::ApiKeyCredentials> creds =
      unionc::ApiKeyCredentials::Decode(key[2]);
  ASSERT_TRUE(creds.ok()) << creds.status();
  EXPECT_EQ(creds->client_id, eph_id);
  EXPECT_TRUE(creds->client_secret == key[1]);
  EXPECT_EQ(creds->endpoint, server_->endpoint());
  EXPECT_FALSE(token[0].empty());
  EXPECT_EQ(token[1], "Bearer");
  EXPECT_TRUE(std::regex_match(
      token[2], std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << token[2];

  // Closed: no ephemeral key is left on the server.
  EXPECT_TRUE(EphemeralKeysOnServer().empty())
      << "apply left an ephemeral key behind";
  EXPECT_EQ(server_->Cli({"get", eph_id}).exit_code, 2);

  // Neither the state nor any file or output has the values (TF_LOG=trace
  // logs included).
  std::vector<std::string> in_state = EphemeralTraces(
      tf_e2e::ReadFile(ws_->dir() / "work" / "terraform.tfstate"),
      "terraform.tfstate", /*secret_shaped=*/false);
  EXPECT_TRUE(in_state.empty()) << Join(in_state);
  tf_e2e::SecretScanner scan({{key[1], "the ephemeral key's client_secret"},
                              {key[2], "the ephemeral key's credentials"},
                              {token[0], "the ephemeral access token"}});
  scan.ScanText(ws_->transcript(), "the command transcript");
  scan.ScanText(shown.out, "terraform show -json tfplan");
  for (const fs::path& root : {ws_->dir(), server_->dir()}) {
    scan.ScanTree(root, SkipBinaries);
  }
  EXPECT_TRUE(scan.hits().empty()) << Join(scan.hits());
  EXPECT_TRUE(
      Contains(tf_e2e::ReadFile(ws_->dir() / "terraform.log"), "ephemeral"))
      << "no trace log was written, so the search proves nothing";

  // Later runs open and close their own keys and leave none behind.
  EXPECT_EQ(ws_->Plan().exit_code, 0) << Log();
  ProcessResult destroy = ws_->Destroy();
  EXPECT_EQ(destroy.exit_code, 0) << Log();
  EXPECT_TRUE(EphemeralKeysOnServer().empty());

  if (const char* t = std::getenv("UNION13_TRANSCRIPT"); t && *t) {
    tf_e2e::WriteFile(t, ws_->transcript());
  }
}

TEST_F(FunctionsEphemeralE2E, TraceDetectorFindsWhatItLooksFor) {
  const std::string encoded =
      unionc::ApiKeyCredentials{"127.0.0.1:1", "e2e-eph-abcdefgh", "s", ""}
          .Encode();
  EXPECT_FALSE(EphemeralTraces("x " + encoded + " y", "t", false).empty());
  EXPECT_FALSE(EphemeralTraces("id e2e-eph-abcdefgh", "t", false).empty());
  const std::string shaped = "\"" + std::string(43, 'a') + "\"";
  EXPECT_FALSE(EphemeralTraces(shaped, "t", true).empty());
  EXPECT_TRUE(EphemeralTraces(shaped, "t", false).empty());
  EXPECT_TRUE(
      EphemeralTraces("{\"name_prefix\":\"e2e-eph-\"}", "t", true).empty());
}

}  // namespace
}  // namespace union_e2e
