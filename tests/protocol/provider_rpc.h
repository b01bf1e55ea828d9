// provider_rpc.h: small helpers for tests that drive a tfplugin6 provider
// over gRPC: DynamicValue msgpack round trips, one unary call with a
// deadline that must answer OK, and a fixture around one provider process.
//
//   auto resp = CallProvider<tfplugin6::GetFunctions::Response>(
//       *stub, &tfplugin6::Provider::Stub::GetFunctions,
//       tfplugin6::GetFunctions::Request{});
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/framework/types/msgpack.h"
#include "tests/protocol/child_process.h"
#include "tests/protocol/plugin_harness.h"
#include "tfplugin6.grpc.pb.h"

namespace tfpu::testing {

// `v` of type `t` as a msgpack DynamicValue (a test failure if it cannot
// be encoded).
inline tfplugin6::DynamicValue EncodeDynamic(const tf::Value& v,
                                             const tf::Type& t) {
  tfplugin6::DynamicValue out;
  absl::StatusOr<std::string> bytes = tf::EncodeMsgpack(v, t);
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  if (bytes.ok()) out.set_msgpack(*bytes);
  return out;
}

// The msgpack DynamicValue `dv` as a value of type `t` (a test failure and
// a null value if it cannot be decoded).
inline tf::Value DecodeDynamic(const tfplugin6::DynamicValue& dv,
                               const tf::Type& t) {
  absl::StatusOr<tf::Value> v = tf::DecodeMsgpack(dv.msgpack(), t);
  EXPECT_TRUE(v.ok()) << v.status();
  return v.ok() ? *v : tf::Value();
}

// Runs one unary RPC with Deadline() and expects an OK status.
template <typename Resp, typename Req, typename Method>
Resp CallProvider(tfplugin6::Provider::Stub& stub, Method method,
                  const Req& req) {
  grpc::ClientContext ctx;
  ctx.set_deadline(Deadline());
  Resp resp;
  grpc::Status s = (stub.*method)(&ctx, req, &resp);
  EXPECT_TRUE(s.ok()) << s.error_message();
  return resp;
}

// A fixture around one provider process, as the CLI drives it (AutoMTLS):
//
//   void SetUp() override {
//     Connect(harness_.StartFramework(harness_.CliEnv()));
//   }
//   auto meta = Rpc(&Stub::GetMetadata, {});
class ProviderProcessTest : public ::testing::Test {
 protected:
  // Takes the spawned provider, reads its handshake and opens the stub (a
  // fatal test failure when any step fails).
  void Connect(absl::StatusOr<std::unique_ptr<ChildProcess>> child) {
    ASSERT_TRUE(child.ok()) << child.status();
    child_ = std::move(*child);
    auto hs = harness_.ReadHandshake(*child_);
    ASSERT_TRUE(hs.has_value()) << "stderr: " << child_->Stderr();
    ASSERT_FALSE(hs->cert_der.empty());  // AutoMTLS
    stub_ = tfplugin6::Provider::NewStub(
        PluginHarness::MtlsChannel(*hs, &harness_.client()));
  }

  // Runs one unary RPC with a deadline and expects an OK status; the
  // request and response types are those of `method`.
  template <typename Req, typename Resp>
  Resp Rpc(grpc::Status (tfplugin6::Provider::Stub::*method)(
               grpc::ClientContext*, const Req&, Resp*),
           const Req& req) {
    return CallProvider<Resp>(*stub_, method, req);
  }

  // Calls the provider function `name` with `args`.
  tfplugin6::CallFunction::Response Call(
      const std::string& name,
      const std::vector<tfplugin6::DynamicValue>& args) {
    tfplugin6::CallFunction::Request req;
    req.set_name(name);
    for (const auto& a : args) *req.add_arguments() = a;
    return Rpc(&tfplugin6::Provider::Stub::CallFunction, req);
  }

  PluginHarness harness_;
  std::unique_ptr<ChildProcess> child_;
  std::unique_ptr<tfplugin6::Provider::Stub> stub_;
};

}  // namespace tfpu::testing
