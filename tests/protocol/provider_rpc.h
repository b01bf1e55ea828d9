// provider_rpc.h: small helpers for tests that drive a tfplugin6 provider
// over gRPC: DynamicValue msgpack round trips and one unary call with a
// deadline that must answer OK.
//
//   auto resp = CallProvider<tfplugin6::GetFunctions::Response>(
//       *stub, &tfplugin6::Provider::Stub::GetFunctions,
//       tfplugin6::GetFunctions::Request{});
#pragma once

#include <gtest/gtest.h>
#include <grpcpp/grpcpp.h>

#include <string>

#include "provider/framework/types/msgpack.h"
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

}  // namespace tfpu::testing
