// arm64_qemu_test.cc: the linux_arm64 release binary, run under qemu-user,
// driven over gRPC the way terraform drives a provider: the go-plugin
// handshake with AutoMTLS and a pinned CLI-style client certificate,
// GetProviderSchema, ConfigureProvider, PlanResourceChange and
// ApplyResourceChange creating a union_api_key on a union-devserver, then
// the controller's Shutdown. Fails (never skips) when the binary or qemu is
// missing. Values are cty msgpack built here from the schema, independently
// of the framework's own codec.
#include <gmock/gmock.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <iostream>
#include <map>
#include <msgpack.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grpc_controller.grpc.pb.h"
#include "tests/e2e/union/harness.h"
#include "tests/protocol/plugin_harness.h"
#include "tests/release/arm64_binary.h"
#include "tfplugin6.grpc.pb.h"

namespace tfpu::release_testing {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using tfpu::testing::Handshake;
using tfpu::testing::PluginHarness;

// Emulation makes everything slower: generous limits, never assertions.
constexpr std::chrono::seconds kSlow(90);

std::chrono::system_clock::time_point SlowDeadline() {
  return std::chrono::system_clock::now() + kSlow;
}

// cty msgpack of an object with the attributes of `block`: the ones in
// `set` as strings or bools, every other one null.
using Setting = std::variant<std::string, bool>;
std::string ObjectFor(const tfplugin6::Schema::Block& block,
                      const std::map<std::string, Setting>& set) {
  msgpack::sbuffer buffer;
  msgpack::packer<msgpack::sbuffer> pk(buffer);
  pk.pack_map(block.attributes_size() + block.block_types_size());
  for (const auto& attr : block.attributes()) {
    pk.pack(attr.name());
    auto it = set.find(attr.name());
    if (it == set.end()) {
      pk.pack_nil();
    } else if (const auto* s = std::get_if<std::string>(&it->second)) {
      pk.pack(*s);
    } else {
      pk.pack(std::get<bool>(it->second));
    }
  }
  for (const auto& nested : block.block_types()) {
    pk.pack(nested.type_name());
    pk.pack_nil();
  }
  return std::string(buffer.data(), buffer.size());
}

std::string Diagnostics(
    const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) {
    out += (d.severity() == tfplugin6::Diagnostic::ERROR ? "error: " : "warning: ") +
           d.summary() + ": " + d.detail() + "\n";
  }
  return out;
}

bool HasError(
    const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) {
  for (const auto& d : diags) {
    if (d.severity() == tfplugin6::Diagnostic::ERROR) return true;
  }
  return false;
}

// The string attributes of a msgpack object (others are left out).
std::map<std::string, std::string> StringAttributes(const std::string& packed) {
  std::map<std::string, std::string> out;
  msgpack::object_handle oh = msgpack::unpack(packed.data(), packed.size());
  const msgpack::object& o = oh.get();
  if (o.type != msgpack::type::MAP) return out;
  for (uint32_t i = 0; i < o.via.map.size; ++i) {
    const msgpack::object_kv& kv = o.via.map.ptr[i];
    if (kv.key.type == msgpack::type::STR && kv.val.type == msgpack::type::STR) {
      out[kv.key.as<std::string>()] = kv.val.as<std::string>();
    }
  }
  return out;
}

TEST(Arm64QemuTest, HandshakeSchemaConfigureCreateAndShutdown) {
  std::string missing;
  std::optional<Arm64Runner> runner = Arm64Runner::Find(&missing);
  ASSERT_TRUE(runner.has_value()) << missing;

  union_e2e::TempDir tmp("release-arm64", "RELEASE_TEST_KEEP");
  ASSERT_FALSE(tmp.path().empty());
  union_e2e::DevServer server(tmp.path() / "server");
  ASSERT_TRUE(server.ready()) << server.failure();

  // 1. The handshake: protocol 6, a unix socket, AutoMTLS (a server cert).
  PluginHarness harness;
  auto child = runner->Start(harness.CliEnv());
  ASSERT_TRUE(child.ok()) << child.status();
  std::optional<std::string> line = (*child)->ReadStdoutLine(kSlow);
  ASSERT_TRUE(line.has_value()) << "no handshake line; stderr: "
                                << (*child)->Stderr();
  std::optional<Handshake> hs = tfpu::testing::ParseHandshake(*line);
  ASSERT_TRUE(hs.has_value()) << "malformed handshake: " << *line;
  EXPECT_THAT(hs->cert_der, Not(IsEmpty())) << "AutoMTLS was not used";
  std::cout << "arm64 handshake under " << runner->qemu() << ": " << *line
            << "\n";

  auto channel = PluginHarness::MtlsChannel(*hs, &harness.client());
  auto provider = tfplugin6::Provider::NewStub(channel);

  // A client without the pinned certificate is refused.
  {
    auto anonymous = PluginHarness::MtlsChannel(*hs, nullptr);
    auto stub = tfplugin6::Provider::NewStub(anonymous);
    grpc::ClientContext ctx;
    ctx.set_deadline(SlowDeadline());
    tfplugin6::GetProviderSchema::Response r;
    EXPECT_FALSE(
        stub->GetProviderSchema(&ctx, tfplugin6::GetProviderSchema::Request(), &r)
            .ok());
  }

  // 2. GetProviderSchema.
  tfplugin6::GetProviderSchema::Response schema;
  {
    grpc::ClientContext ctx;
    ctx.set_deadline(SlowDeadline());
    grpc::Status s = provider->GetProviderSchema(
        &ctx, tfplugin6::GetProviderSchema::Request(), &schema);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  ASSERT_FALSE(HasError(schema.diagnostics())) << Diagnostics(schema.diagnostics());
  ASSERT_TRUE(schema.provider().has_block());
  ASSERT_EQ(schema.resource_schemas().count("union_api_key"), 1u);
  const auto& key_block = schema.resource_schemas().at("union_api_key").block();

  // 3. ConfigureProvider against the dev server (plaintext, admin key).
  {
    tfplugin6::ConfigureProvider::Request req;
    req.set_terraform_version("1.11.4");
    req.mutable_config()->set_msgpack(ObjectFor(
        schema.provider().block(), {{"endpoint", server.endpoint()},
                                    {"api_key", server.admin_key()},
                                    {"insecure", true}}));
    tfplugin6::ConfigureProvider::Response resp;
    grpc::ClientContext ctx;
    ctx.set_deadline(SlowDeadline());
    grpc::Status s = provider->ConfigureProvider(&ctx, req, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_FALSE(HasError(resp.diagnostics())) << Diagnostics(resp.diagnostics());
  }

  // 4. Plan and apply the creation of one key.
  const std::string config =
      ObjectFor(key_block, {{"name", std::string("arm64-qemu")}});
  msgpack::sbuffer null_buffer;
  msgpack::packer<msgpack::sbuffer>(null_buffer).pack_nil();
  const std::string null_value(null_buffer.data(), null_buffer.size());

  tfplugin6::PlanResourceChange::Response plan;
  {
    tfplugin6::PlanResourceChange::Request req;
    req.set_type_name("union_api_key");
    req.mutable_prior_state()->set_msgpack(null_value);
    req.mutable_proposed_new_state()->set_msgpack(config);
    req.mutable_config()->set_msgpack(config);
    grpc::ClientContext ctx;
    ctx.set_deadline(SlowDeadline());
    grpc::Status s = provider->PlanResourceChange(&ctx, req, &plan);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_FALSE(HasError(plan.diagnostics())) << Diagnostics(plan.diagnostics());
  }
  EXPECT_EQ(StringAttributes(plan.planned_state().msgpack())["client_id"],
            "arm64-qemu");

  tfplugin6::ApplyResourceChange::Response applied;
  {
    tfplugin6::ApplyResourceChange::Request req;
    req.set_type_name("union_api_key");
    req.mutable_prior_state()->set_msgpack(null_value);
    *req.mutable_planned_state() = plan.planned_state();
    req.mutable_config()->set_msgpack(config);
    req.set_planned_private(plan.planned_private());
    grpc::ClientContext ctx;
    ctx.set_deadline(SlowDeadline());
    grpc::Status s = provider->ApplyResourceChange(&ctx, req, &applied);
    ASSERT_TRUE(s.ok()) << s.error_message();
    ASSERT_FALSE(HasError(applied.diagnostics()))
        << Diagnostics(applied.diagnostics());
  }
  std::map<std::string, std::string> state =
      StringAttributes(applied.new_state().msgpack());
  EXPECT_EQ(state["client_id"], "arm64-qemu");
  EXPECT_EQ(state["id"], "arm64-qemu");
  const std::string secret = state["client_secret"];
  EXPECT_FALSE(secret.empty()) << "no client_secret in the new state";
  EXPECT_FALSE(state["encoded_credentials"].empty());

  // The key exists on the server.
  std::string list_error;
  std::vector<std::string> ids = server.ClientIds(&list_error);
  ASSERT_TRUE(list_error.empty()) << list_error;
  EXPECT_THAT(ids, ::testing::Contains("arm64-qemu"));

  // 5. Shutdown through the go-plugin controller: a clean exit 0.
  {
    auto controller = plugin::GRPCController::NewStub(channel);
    grpc::ClientContext ctx;
    ctx.set_deadline(SlowDeadline());
    plugin::Empty req, resp;
    grpc::Status s = controller->Shutdown(&ctx, req, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  std::optional<int> code = (*child)->WaitForExit(kSlow);
  ASSERT_TRUE(code.has_value()) << "still running after Shutdown";
  EXPECT_EQ(*code, 0);
  EXPECT_EQ((*child)->Stdout(), *line + "\n") << "stdout holds more than the handshake";

  // No secret reached the provider's log (stderr); never print them.
  std::map<std::string, std::string> secrets = {
      {server.admin_key(), "the provider's api_key"}};
  if (!secret.empty()) secrets[secret] = "the new key's client_secret";
  tf_e2e::SecretScanner leaks(secrets);
  leaks.ScanText((*child)->Stderr(), "the provider's stderr");
  EXPECT_THAT(leaks.hits(), IsEmpty());
}

}  // namespace
}  // namespace tfpu::release_testing
