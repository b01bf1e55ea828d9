// protocol_test.cc: tf_plugin_testbin driven like the terraform CLI drives a
// provider: handshake, AutoMTLS, health, controller shutdown, signals, debug.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "grpc_controller.grpc.pb.h"
#include "health_check.grpc.pb.h"
#include "tests/protocol/plugin_harness.h"
#include "tfplugin6.grpc.pb.h"

namespace tfpu::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

bool IsSocket(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

std::string Dir(const std::string& path) {
  return path.substr(0, path.rfind('/'));
}

grpc::Status CallGetProviderSchema(
    const std::shared_ptr<grpc::Channel>& ch,
    tfplugin6::GetProviderSchema::Response* out) {
  auto stub = tfplugin6::Provider::NewStub(ch);
  grpc::ClientContext ctx;
  ctx.set_deadline(Deadline());
  tfplugin6::GetProviderSchema::Request req;
  return stub->GetProviderSchema(&ctx, req, out);
}

grpc::Status CallShutdown(const std::shared_ptr<grpc::Channel>& ch) {
  auto stub = plugin::GRPCController::NewStub(ch);
  grpc::ClientContext ctx;
  ctx.set_deadline(Deadline());
  plugin::Empty req, resp;
  return stub->Shutdown(&ctx, req, &resp);
}

class ProtocolTest : public ::testing::Test {
 protected:
  // Starts the testbin with `env` and returns its parsed handshake.
  std::optional<Handshake> StartWith(const std::vector<std::string>& env) {
    auto child = harness_.Start(env);
    EXPECT_TRUE(child.ok()) << child.status();
    if (!child.ok()) return std::nullopt;
    child_ = std::move(*child);
    auto hs = harness_.ReadHandshake(*child_);
    EXPECT_TRUE(hs.has_value())
        << "stdout: " << child_->Stdout() << "\nstderr: " << child_->Stderr();
    return hs;
  }

  PluginHarness harness_;
  std::unique_ptr<ChildProcess> child_;
};

TEST_F(ProtocolTest, MtlsWithCliCertificateServesAndShutsDownCleanly) {
  auto hs = StartWith(harness_.CliEnv());
  ASSERT_TRUE(hs.has_value());
  EXPECT_THAT(hs->cert_der, Not(IsEmpty()));
  EXPECT_EQ(Dir(Dir(hs->socket_path)), harness_.socket_dir());
  EXPECT_LT(hs->socket_path.size(), 104u);
  EXPECT_TRUE(IsSocket(hs->socket_path));

  auto channel = PluginHarness::MtlsChannel(*hs, &harness_.client());
  tfplugin6::GetProviderSchema::Response schema;
  grpc::Status status = CallGetProviderSchema(channel, &schema);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_TRUE(schema.has_provider());
  EXPECT_TRUE(schema.provider().has_block());

  auto health = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(Deadline());
  grpc::health::v1::HealthCheckRequest req;
  req.set_service("plugin");
  grpc::health::v1::HealthCheckResponse resp;
  status = health->Check(&ctx, req, &resp);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(resp.status(), grpc::health::v1::HealthCheckResponse::SERVING);

  // An RPC we do not define answers UNIMPLEMENTED (the CLI tolerates it).
  {
    auto stub = tfplugin6::Provider::NewStub(channel);
    grpc::ClientContext c;
    c.set_deadline(Deadline());
    tfplugin6::StopProvider::Response r;
    grpc::Status s =
        stub->StopProvider(&c, tfplugin6::StopProvider::Request(), &r);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::UNIMPLEMENTED);
  }

  ASSERT_TRUE(CallShutdown(channel).ok());
  std::optional<int> code = child_->WaitForExit(kWait);
  ASSERT_TRUE(code.has_value()) << "still running after Shutdown";
  EXPECT_EQ(*code, 0);
  EXPECT_FALSE(Exists(hs->socket_path));
  EXPECT_FALSE(Exists(Dir(hs->socket_path)));
  // stdout held exactly the handshake line and nothing else.
  EXPECT_EQ(child_->Stdout(), hs->line + "\n");
  EXPECT_THAT(child_->Stderr(), HasSubstr("on_shutdown called"));
}

TEST_F(ProtocolTest, ServesConcurrentRpcs) {
  auto hs = StartWith(harness_.CliEnv());
  ASSERT_TRUE(hs.has_value());
  auto channel = PluginHarness::MtlsChannel(*hs, &harness_.client());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 10; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        tfplugin6::GetProviderSchema::Response r;
        if (CallGetProviderSchema(channel, &r).ok()) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 50);
}

TEST_F(ProtocolTest, RejectsClientWithoutCertificate) {
  auto hs = StartWith(harness_.CliEnv());
  ASSERT_TRUE(hs.has_value());
  tfplugin6::GetProviderSchema::Response schema;
  grpc::Status status =
      CallGetProviderSchema(PluginHarness::MtlsChannel(*hs, nullptr), &schema);
  EXPECT_FALSE(status.ok());
  // The right client still gets in afterwards.
  EXPECT_TRUE(CallGetProviderSchema(
                  PluginHarness::MtlsChannel(*hs, &harness_.client()), &schema)
                  .ok());
}

TEST_F(ProtocolTest, RejectsClientWithAnotherCertificate) {
  auto hs = StartWith(harness_.CliEnv());
  ASSERT_TRUE(hs.has_value());
  KeyAndCert stranger = MakeCliStyleCertificate();
  tfplugin6::GetProviderSchema::Response schema;
  grpc::Status status = CallGetProviderSchema(
      PluginHarness::MtlsChannel(*hs, &stranger), &schema);
  EXPECT_FALSE(status.ok());
}

TEST_F(ProtocolTest, PlaintextWhenNoClientCertificate) {
  std::vector<std::string> env;
  for (const auto& e : harness_.CliEnv()) {
    if (e.rfind("PLUGIN_CLIENT_CERT=", 0) != 0) env.push_back(e);
  }
  auto hs = StartWith(env);
  ASSERT_TRUE(hs.has_value());
  EXPECT_THAT(hs->line, ::testing::EndsWith("|grpc|"));
  EXPECT_THAT(hs->cert_der, IsEmpty());
  auto channel = PluginHarness::PlainChannel(hs->socket_path);
  tfplugin6::GetProviderSchema::Response schema;
  grpc::Status status = CallGetProviderSchema(channel, &schema);
  EXPECT_TRUE(status.ok()) << status.error_message();
  ASSERT_TRUE(CallShutdown(channel).ok());
  EXPECT_EQ(child_->WaitForExit(kWait), std::optional<int>(0));
}

struct RefusalCase {
  std::string name;
  std::vector<std::string> env_override;  // replaces variables
  bool drop_cookie = false;
  std::string stderr_mentions;  // a word the user-facing message contains
};

void PrintTo(const RefusalCase& c, std::ostream* os) { *os << c.name; }

class RefusalTest : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(RefusalTest, ExitsOneWithMessageAndSilentStdout) {
  PluginHarness harness;
  std::vector<std::string> env;
  for (const auto& e : harness.CliEnv()) {
    bool replaced = false;
    for (const auto& o : GetParam().env_override) {
      if (e.substr(0, e.find('=')) == o.substr(0, o.find('='))) replaced = true;
    }
    if (GetParam().drop_cookie && e.rfind("TF_PLUGIN_MAGIC_COOKIE=", 0) == 0) {
      replaced = true;
    }
    if (!replaced) env.push_back(e);
  }
  for (const auto& o : GetParam().env_override) env.push_back(o);
  auto child = harness.Start(env);
  ASSERT_TRUE(child.ok()) << child.status();
  std::optional<int> code = (*child)->WaitForExit(kWait);
  ASSERT_TRUE(code.has_value()) << "did not exit";
  EXPECT_EQ(*code, 1);
  EXPECT_THAT((*child)->Stdout(), IsEmpty());
  EXPECT_THAT((*child)->Stderr(), Not(IsEmpty()));
  EXPECT_THAT((*child)->Stderr(), HasSubstr(GetParam().stderr_mentions));
}

INSTANTIATE_TEST_SUITE_P(
    Handshake, RefusalTest,
    ::testing::Values(
        RefusalCase{
            "WrongCookie", {"TF_PLUGIN_MAGIC_COOKIE=nope"}, false, "terraform"},
        RefusalCase{"MissingCookie", {}, /*drop_cookie=*/true, "terraform"},
        RefusalCase{"OnlyProtocol5",
                    {"PLUGIN_PROTOCOL_VERSIONS=5"},
                    false,
                    "protocol 6"},
        RefusalCase{"UnparseableClientCert",
                    {"PLUGIN_CLIENT_CERT=-----BEGIN CERTIFICATE-----\nzz\n"},
                    false,
                    "PLUGIN_CLIENT_CERT"}),
    [](const auto& info) { return info.param.name; });

TEST_F(ProtocolTest, LogsHclogJsonOnStderrUnderTfLog) {
  std::vector<std::string> env = harness_.CliEnv();
  env.push_back("TF_LOG=trace");
  auto hs = StartWith(env);
  ASSERT_TRUE(hs.has_value());
  ASSERT_TRUE(
      CallShutdown(PluginHarness::MtlsChannel(*hs, &harness_.client())).ok());
  ASSERT_TRUE(child_->WaitForExit(kWait).has_value());
  std::string err = child_->Stderr();
  EXPECT_THAT(err, Not(HasSubstr("BEGIN")));  // no PEM dumped
  std::vector<std::string> messages;
  size_t pos = 0;
  while (pos < err.size()) {
    size_t nl = err.find('\n', pos);
    std::string line = err.substr(pos, nl == std::string::npos ? nl : nl - pos);
    pos = nl == std::string::npos ? err.size() : nl + 1;
    if (line.empty() || line[0] != '{') continue;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(record.is_discarded()) << line;
    EXPECT_TRUE(record.contains("@level")) << line;
    EXPECT_TRUE(record.contains("@timestamp")) << line;
    EXPECT_EQ(record["@module"], "provider") << line;
    messages.push_back(record["@message"]);
  }
  EXPECT_THAT(messages, ::testing::Contains("plugin serving"));
  EXPECT_THAT(messages, ::testing::Contains("plugin stopping"));
  // stdout stays clean even with logging on.
  EXPECT_EQ(child_->Stdout(), hs->line + "\n");
}

TEST_F(ProtocolTest, SigtermStopsAndRemovesSocket) {
  auto hs = StartWith(harness_.CliEnv());
  ASSERT_TRUE(hs.has_value());
  ASSERT_TRUE(IsSocket(hs->socket_path));
  ASSERT_TRUE(child_->Signal(SIGTERM));
  std::optional<int> code = child_->WaitForExit(kWait);
  ASSERT_TRUE(code.has_value()) << "still running after SIGTERM";
  EXPECT_EQ(*code, 0);
  EXPECT_FALSE(Exists(hs->socket_path));
  EXPECT_FALSE(Exists(Dir(hs->socket_path)));
  EXPECT_THAT(child_->Stderr(), HasSubstr("on_shutdown called"));
}

TEST_F(ProtocolTest, SigintIsIgnored) {
  auto hs = StartWith(harness_.CliEnv());
  ASSERT_TRUE(hs.has_value());
  auto channel = PluginHarness::MtlsChannel(*hs, &harness_.client());
  tfplugin6::GetProviderSchema::Response schema;
  ASSERT_TRUE(CallGetProviderSchema(channel, &schema).ok());
  ASSERT_TRUE(child_->Signal(SIGINT));
  // An ignored signal is discarded when sent; a fatal one would end the
  // process. Either way the outcome is visible after a round trip.
  ASSERT_TRUE(CallGetProviderSchema(channel, &schema).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(child_->Running());
  EXPECT_TRUE(CallGetProviderSchema(channel, &schema).ok());
  EXPECT_TRUE(IsSocket(hs->socket_path));
}

TEST_F(ProtocolTest, DebugModePrintsReattachLineAndStopsOnSigint) {
  // No cookie, no client cert: a human started it.
  auto child = harness_.Start(
      {"PLUGIN_UNIX_SOCKET_DIR=" + harness_.socket_dir()}, {"--debug"});
  ASSERT_TRUE(child.ok()) << child.status();
  child_ = std::move(*child);
  ASSERT_TRUE(child_->WaitForStdout("'\n", kWait))
      << "stdout: " << child_->Stdout() << "\nstderr: " << child_->Stderr();
  std::string out = child_->Stdout();
  const std::string key = "TF_REATTACH_PROVIDERS='";
  size_t start = out.find(key);
  ASSERT_NE(start, std::string::npos) << out;
  start += key.size();
  size_t end = out.find('\'', start);
  ASSERT_NE(end, std::string::npos);
  nlohmann::json reattach =
      nlohmann::json::parse(out.substr(start, end - start), nullptr, false);
  ASSERT_FALSE(reattach.is_discarded()) << out;
  const std::string address = "registry.terraform.io/tfpu-test/testbin";
  ASSERT_TRUE(reattach.contains(address)) << reattach.dump();
  const auto& entry = reattach[address];
  EXPECT_EQ(entry["Protocol"], "grpc");
  EXPECT_EQ(entry["ProtocolVersion"], 6);
  EXPECT_EQ(entry["Pid"], child_->pid());
  EXPECT_EQ(entry["Test"], true);
  EXPECT_EQ(entry["Addr"]["Network"], "unix");
  std::string socket = entry["Addr"]["String"];
  EXPECT_TRUE(IsSocket(socket)) << socket;

  tfplugin6::GetProviderSchema::Response schema;
  grpc::Status status =
      CallGetProviderSchema(PluginHarness::PlainChannel(socket), &schema);
  EXPECT_TRUE(status.ok()) << status.error_message();

  ASSERT_TRUE(child_->Signal(SIGINT));
  std::optional<int> code = child_->WaitForExit(kWait);
  ASSERT_TRUE(code.has_value()) << "debug mode ignored SIGINT";
  EXPECT_EQ(*code, 0);
  EXPECT_FALSE(Exists(socket));
}

}  // namespace
}  // namespace tfpu::testing
