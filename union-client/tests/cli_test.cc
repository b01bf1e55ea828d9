// Runs the union-apikey binary against the in-process fake: output shape,
// the export line, secrets shown only by create, and exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "fake_union.h"
#include "http_test_server.h"
#include "test_keys.h"
#include "tls_discovery_server.h"
#include "union/credentials.h"

namespace unionc {
namespace {

using testing::FakeUnion;
using ::testing::HasSubstr;
using ::testing::Not;

struct Result {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    err_file_ = ::testing::TempDir() + "/union_apikey_stderr.txt";
  }

  // Runs `union-apikey <globals> <args>`.
  Result Run(const std::string& args, bool with_env_key = true,
             const std::string& globals = "--insecure --timeout 5") {
    std::string cmd;
    if (with_env_key) cmd = "UNION_API_KEY='" + fake_.api_key() + "' ";
    cmd += "UNION_ENDPOINT= FLYTE_API_KEY= UNIONAI_API_KEY= ";
    cmd += std::string(UNION_APIKEY_BINARY) + " " + globals + " " + args +
           " 2>" + err_file_;
    Result r;
    FILE* p = popen(cmd.c_str(), "r");
    EXPECT_NE(p, nullptr);
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
      r.out.append(buf.data(), n);
    int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    FILE* e = fopen(err_file_.c_str(), "r");
    if (e != nullptr) {
      while ((n = fread(buf.data(), 1, buf.size(), e)) > 0)
        r.err.append(buf.data(), n);
      fclose(e);
    }
    return r;
  }

  FakeUnion fake_;
  std::string err_file_;
};

TEST_F(CliTest, CreatePrintsJsonAndTheExportLineOnce) {
  Result r = Run("create 'CI Pipeline #1' --redirect-uri https://x/cb");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  size_t export_at = r.out.find("export UNION_API_KEY=\"");
  ASSERT_NE(export_at, std::string::npos) << r.out;
  auto j = nlohmann::json::parse(r.out.substr(0, export_at));
  EXPECT_EQ(j["client_id"], "ci-pipeline-1");
  EXPECT_EQ(j["client_secret"], "<redacted>");
  EXPECT_EQ(j["redirect_uris"], nlohmann::json::array({"https://x/cb"}));
  std::string line = r.out.substr(export_at);
  std::string encoded = line.substr(22, line.find('"', 22) - 22);
  auto creds = ApiKeyCredentials::Decode(encoded);
  ASSERT_TRUE(creds.ok()) << creds.status();
  EXPECT_EQ(creds->client_id, "ci-pipeline-1");
  EXPECT_EQ(creds->endpoint, fake_.endpoint());
  EXPECT_THAT(r.err, HasSubstr("only be shown once"));
  // The raw secret never appears; only the encoded key in the export line.
  EXPECT_EQ(r.out.find(creds->client_secret), std::string::npos);

  Result got = Run("get ci-pipeline-1");
  ASSERT_EQ(got.exit_code, 0) << got.err;
  EXPECT_THAT(got.out, Not(HasSubstr(creds->client_secret)));
  const auto got_json = nlohmann::json::parse(got.out);
  EXPECT_FALSE(got_json.contains("client_secret")) << got.out;
  EXPECT_FALSE(got_json.contains("encoded_credentials")) << got.out;
  EXPECT_EQ(got_json["client_id"], "ci-pipeline-1");
}

TEST_F(CliTest, ListUpdateDelete) {
  ASSERT_EQ(Run("create one").exit_code, 0);
  ASSERT_EQ(Run("create two").exit_code, 0);
  Result list = Run("list --limit 0");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto arr = nlohmann::json::parse(list.out);
  ASSERT_TRUE(arr.is_array());
  EXPECT_EQ(arr.size(), 2u);

  Result upd = Run("update one --client-name 'Number One'");
  ASSERT_EQ(upd.exit_code, 0) << upd.err;
  EXPECT_EQ(nlohmann::json::parse(upd.out)["client_name"], "Number One");

  Result del = Run("delete one");
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_EQ(nlohmann::json::parse(del.out)["deleted"], "one");
}

TEST_F(CliTest, ExitCodes) {
  Result missing = Run("get nope");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("not found"));
  EXPECT_THAT(missing.err, HasSubstr("union-apikey list"));

  Result no_key = Run("get nope", /*with_env_key=*/false);
  EXPECT_EQ(no_key.exit_code, 1);
  EXPECT_THAT(no_key.err, HasSubstr("UNION_API_KEY"));

  Result bad_key = Run("--api-key not-base64!! get x", /*with_env_key=*/false);
  EXPECT_EQ(bad_key.exit_code, 1);
  EXPECT_THAT(bad_key.err, HasSubstr("not valid base64"));
  EXPECT_THAT(bad_key.err, Not(HasSubstr("not-base64!!")));

  EXPECT_EQ(Run("frobnicate").exit_code, 1);
  EXPECT_EQ(Run("--help").exit_code, 0);

  ASSERT_EQ(Run("create dup").exit_code, 0);
  Result dup = Run("create dup");
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_THAT(dup.err, HasSubstr("already exists"));
  EXPECT_THAT(dup.err, Not(HasSubstr(fake_.state().client_secret)));
}

// Global options work after the subcommand too, and no parse error ever
// echoes a value given to --api-key.
TEST_F(CliTest, GlobalOptionsAfterTheSubcommand) {
  ASSERT_EQ(Run("create k").exit_code, 0);
  Result r =
      Run("get k --insecure --timeout 5 --api-key " + fake_.api_key() + " -v",
          /*with_env_key=*/false, /*globals=*/"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["client_id"], "k");
  EXPECT_THAT(r.err, HasSubstr("[debug]"));  // -v after the subcommand too
  EXPECT_THAT(r.err, Not(HasSubstr(fake_.api_key())));
}

TEST_F(CliTest, ParseErrorsNeverEchoTheApiKey) {
  const std::string key = fake_.api_key();
  const std::string secret = fake_.state().client_secret;
  for (const std::string& args : {
           "list --api-key " + key + " unexpected-positional",
           "list --api-key " + key + " --no-such-flag",
           "list --limit not-a-number --api-key " + key,
           "--api-key " + key + " list extra",
           "list --api-key=" + key + " extra",
           "frobnicate --api-key " + key,
           "list extra --api-key " + key,
           "get --api-key " + key,
       }) {
    Result r = Run(args, /*with_env_key=*/false);
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_THAT(r.out + r.err, Not(HasSubstr(key))) << args;
    EXPECT_THAT(r.out + r.err, Not(HasSubstr(secret))) << args;
    EXPECT_NE(r.err, "") << args;
  }
}

// A key with an extra field must not decode with the secret shifted into
// client_id (which -v logs): it is refused, echoing no part of it.
TEST_F(CliTest, MalformedKeyIsRefusedWithoutEchoingAnyPart) {
  const std::string secret = "malformed-key-secret-4242";
  const std::string key = absl::Base64Escape(
      absl::StrCat(fake_.endpoint(), ":admin:", secret, ":xfield9:None"));
  Result r = Run("-v list --api-key " + key, /*with_env_key=*/false);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("malformed"));
  EXPECT_THAT(r.err, HasSubstr("host[:port]"));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr(secret)));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr(key)));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("xfield9")));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("admin")));
  EXPECT_EQ(fake_.state().token_requests, 0);
}

TEST_F(CliTest, HugeClientIdIsShortenedInErrors) {
  const std::string huge(10000, 'z');
  Result r = Run("get " + huge);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("(10000 bytes)"));
  EXPECT_LT(r.err.size(), 500u);
  Result c = Run("create " + huge);
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_LT(c.err.size(), 500u);
  // CLI11's own parse errors echo arguments: shortened too.
  Result extra = Run("get a " + huge);
  EXPECT_EQ(extra.exit_code, 1);
  EXPECT_THAT(extra.err, HasSubstr("(10000 bytes)"));
  EXPECT_LT(extra.err.size(), 500u);
}

TEST_F(CliTest, JunkCaFileIsNamed) {
  const std::string junk = ::testing::TempDir() + "/union_apikey_junk_ca.pem";
  {
    FILE* f = fopen(junk.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("not a certificate\n", f);
    fclose(f);
  }
  Result r = Run("get x", true, "--timeout 5 --ca-cert " + junk);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no certificate in \"" + junk + "\""));
  Result missing =
      Run("get x", true, "--timeout 5 --ca-cert /nonexistent/ca.pem");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("cannot read the CA certificate file "
                                     "\"/nonexistent/ca.pem\" (No such file"));
  std::remove(junk.c_str());
}

// TLS gRPC whose discovery advertises an http:// token endpoint: refused
// unless --insecure, and nothing reaches the plaintext listener.
TEST_F(CliTest, PlaintextTokenEndpointIsRefused) {
  testing::HttpTestServer plaintext;
  std::atomic<int> requests{0};
  plaintext.http().set_pre_routing_handler(
      [&](const httplib::Request&, httplib::Response&) {
        ++requests;
        return httplib::Server::HandlerResponse::Unhandled;
      });
  plaintext.Start();
  testing::TlsDiscoveryServer server(plaintext.url("/oauth2/token"));
  ASSERT_TRUE(server.ok());
  const std::string secret = "cli-downgrade-secret-1234";
  const std::string key =
      testing::EncodedKey(server.endpoint(), "admin", secret);
  Result r =
      Run("-v --max-retries 0 get x", false,
          "--timeout 10 --ca-cert " + server.ca_file() + " --api-key " + key);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("failed precondition"));
  EXPECT_THAT(r.err, HasSubstr("scheme \"http\""));
  EXPECT_THAT(r.err, HasSubstr("--insecure"));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr(secret)));
  EXPECT_EQ(requests.load(), 0);
}

TEST_F(CliTest, CreateRefusesANameWithoutLettersOrDigits) {
  Result r = Run("create '!!!'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("invalid argument"));
  EXPECT_THAT(r.err, HasSubstr("no letter or digit"));
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(fake_.state().create_calls, 0);
}

TEST_F(CliTest, ListClientIdPrefix) {
  ASSERT_EQ(Run("create ci-one").exit_code, 0);
  ASSERT_EQ(Run("create ci-two").exit_code, 0);
  ASSERT_EQ(Run("create prod").exit_code, 0);
  Result r = Run("list --client-id-prefix ci-");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto arr = nlohmann::json::parse(r.out);
  ASSERT_EQ(arr.size(), 2u) << r.out;
  EXPECT_EQ(arr[0]["client_id"], "ci-one");
  EXPECT_EQ(arr[1]["client_id"], "ci-two");
}

TEST_F(CliTest, TimeoutGoesThroughTheOneTimeoutRule) {
  // Far above the maximum: clamped, so the call works (unclamped, the
  // deadline would overflow into a "no time left" error).
  ASSERT_EQ(Run("create k").exit_code, 0);
  Result huge = Run("get k", true, "--insecure --timeout 1e10");
  EXPECT_EQ(huge.exit_code, 0) << huge.err;
  EXPECT_EQ(nlohmann::json::parse(huge.out)["client_id"], "k");

  Result tiny = Run("get k", true, "--insecure --timeout 0.0001");
  EXPECT_EQ(tiny.exit_code, 1);
  EXPECT_THAT(tiny.err,
              HasSubstr("timeout 0.0001s is below the minimum of 1ms"));
  Result zero = Run("get k", true, "--insecure --timeout 0");
  EXPECT_EQ(zero.exit_code, 1);
  EXPECT_THAT(zero.err, HasSubstr("below the minimum of 1ms"));
  Result nan = Run("get k", true, "--insecure --timeout nan");
  EXPECT_EQ(nan.exit_code, 1);
}

}  // namespace
}  // namespace unionc
