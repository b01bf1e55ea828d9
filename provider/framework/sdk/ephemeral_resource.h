// ephemeral_resource.h: ephemeral resources (Terraform 1.10+): values opened
// for the duration of one Terraform run (a short-lived token, a secret read
// from a vault) that are never written to the plan or the state.
//
//   class Token final : public EphemeralResource, public WithConfigure,
//                       public WithEphemeralClose {
//     std::string TypeName() const override { return "union_token"; }
//     Schema GetSchema() const override { ... }
//     void Open(const Context&, const OpenEphemeralRequest& req,
//               OpenEphemeralResponse& resp) override {
//       resp.result = resp.result.WithAttr("token", Value::String(t));
//       resp.private_data = lease_id;
//       resp.renew_at = std::chrono::system_clock::now() + 5min;
//     }
//     void Close(const Context&, const CloseEphemeralRequest& req,
//                CloseEphemeralResponse& resp) override { Revoke(req...); }
//   };
// The provider lists its ephemeral resources through WithEphemeralResources
// (provider.h). An ephemeral resource may also implement WithConfigure (it
// receives the provider data like a resource) and WithValidateConfig.
// Neither the result nor the private data is ever logged by the framework.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/types/value.h"

namespace tf {

struct OpenEphemeralRequest {
  Value config{};  // wholly known
};
struct OpenEphemeralResponse {
  // Pre-filled with the config (computed attributes null); must be wholly
  // known when Open returns without error.
  Value result{};
  // Opaque bytes handed back to Renew and Close (e.g. a lease id). Never
  // stored by Terraform, never logged by the framework.
  std::string private_data{};
  // Set: Terraform calls Renew (if implemented) before this time while it
  // still needs the value.
  std::optional<std::chrono::system_clock::time_point> renew_at{};
  Diagnostics diagnostics{};
};

struct RenewEphemeralRequest {
  std::string private_data{};  // from Open or the previous Renew
};
struct RenewEphemeralResponse {
  std::string private_data{};  // pre-filled with the request's
  std::optional<std::chrono::system_clock::time_point> renew_at{};
  Diagnostics diagnostics{};
};

struct CloseEphemeralRequest {
  std::string private_data{};  // from Open or the last Renew
};
struct CloseEphemeralResponse {
  Diagnostics diagnostics{};
};

// Interface of an ephemeral resource. A fresh object is made per request:
// keep what Renew and Close need in private_data, not in members.
class EphemeralResource {
 public:
  virtual ~EphemeralResource() = default;
  virtual std::string TypeName() const = 0;  // full name, e.g. "union_token"
  virtual Schema GetSchema() const = 0;
  virtual void Open(const Context&, const OpenEphemeralRequest&,
                    OpenEphemeralResponse&) = 0;
};

// Optional: extends the lease before renew_at. Without it, a Renew request
// succeeds without doing anything (and sets no new renew_at).
class WithEphemeralRenew {
 public:
  virtual ~WithEphemeralRenew() = default;
  virtual void Renew(const Context&, const RenewEphemeralRequest&,
                     RenewEphemeralResponse&) = 0;
};

// Optional: releases what Open acquired, once Terraform no longer needs it.
class WithEphemeralClose {
 public:
  virtual ~WithEphemeralClose() = default;
  virtual void Close(const Context&, const CloseEphemeralRequest&,
                     CloseEphemeralResponse&) = 0;
};

}  // namespace tf
