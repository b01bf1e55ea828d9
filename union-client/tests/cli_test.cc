// Runs the union-apikey binary against the in-process fake: output shape,
// the export line, secrets shown only by create, and exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "fake_union.h"
#include "union/credentials.h"

namespace unionc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::FakeUnion;

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

  Result Run(const std::string& args, bool with_env_key = true) {
    std::string cmd;
    if (with_env_key) cmd = "UNION_API_KEY='" + fake_.api_key() + "' ";
    cmd += "UNION_ENDPOINT= FLYTE_API_KEY= UNIONAI_API_KEY= ";
    cmd += std::string(UNION_APIKEY_BINARY) + " --insecure --timeout 5 " + args +
           " 2>" + err_file_;
    Result r;
    FILE* p = popen(cmd.c_str(), "r");
    EXPECT_NE(p, nullptr);
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    FILE* e = fopen(err_file_.c_str(), "r");
    if (e != nullptr) {
      while ((n = fread(buf.data(), 1, buf.size(), e)) > 0) r.err.append(buf.data(), n);
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
  EXPECT_THAT(got.out, Not(HasSubstr("client_secret")));
  EXPECT_EQ(nlohmann::json::parse(got.out)["client_id"], "ci-pipeline-1");
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

}  // namespace
}  // namespace unionc
