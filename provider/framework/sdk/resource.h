// resource.h: the managed resource interface and its request/response pairs.
//
// A resource implements the four lifecycle operations. The framework
// pre-fills each response so a handler only sets what it learns:
// Create/Update: state = plan; Read: state = prior state.
//   class Thing final : public Resource {
//     std::string TypeName() const override { return "tftest_thing"; }
//     Schema GetSchema() const override { ... }
//     void Create(const Context&, const CreateRequest& req,
//                 CreateResponse& resp) override {
//       resp.state = resp.state.WithAttr("id", Value::String(NewId()));
//     }
//     ...
//   };
// Optional capabilities (configure, import, validate, modify plan) are the
// With* interfaces in capabilities.h; resource identity is WithIdentity
// (identity.h). A fresh object is made per request.
#pragma once

#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/types/value.h"

namespace tf {

struct CreateRequest {
  Value config{};  // as written (write-only attributes are only here)
  Value plan{};    // the planned state (unknowns to fill)
};
struct CreateResponse {
  Value state{};  // pre-filled with the plan; every unknown must become known
  std::string private_data{};
  Diagnostics diagnostics{};
  // WithIdentity only: pre-filled null of the identity type; must be set.
  Value identity{};
};

struct ReadRequest {
  Value state{};  // the prior state
  std::string private_data{};
  // WithIdentity only: the stored identity (null when none is stored yet).
  Value identity{};
};
struct ReadResponse {
  Value state{};               // pre-filled with the prior state
  std::string private_data{};  // pre-filled with the request's
  Diagnostics diagnostics{};
  // WithIdentity only: pre-filled with the request's; must be set while the
  // object exists, and must not change once it was set.
  Value identity{};
  // The remote object is gone: Terraform drops it and plans a create.
  void RemoveResource() { state = Value::Null(state.type()); }
};

struct UpdateRequest {
  Value config{};
  Value plan{};
  Value state{};  // the prior state
  std::string private_data{};
  Value identity{};  // WithIdentity only: the planned (= prior) identity
};
struct UpdateResponse {
  Value state{};               // pre-filled with the plan
  std::string private_data{};  // pre-filled with the request's
  Diagnostics diagnostics{};
  // WithIdentity only: pre-filled with the request's; may only be changed
  // from null.
  Value identity{};
};

struct DeleteRequest {
  Value state{};  // the prior state
  std::string private_data{};
  Value identity{};  // WithIdentity only: the stored identity
};
struct DeleteResponse {
  Diagnostics diagnostics{};
};

// Interface of a managed resource. Methods may run concurrently on different
// objects; an object serves one request.
class Resource {
 public:
  virtual ~Resource() = default;
  virtual std::string TypeName() const = 0;  // full name, e.g. "union_api_key"
  virtual Schema GetSchema() const = 0;
  virtual void Create(const Context&, const CreateRequest&,
                      CreateResponse&) = 0;
  virtual void Read(const Context&, const ReadRequest&, ReadResponse&) = 0;
  virtual void Update(const Context&, const UpdateRequest&,
                      UpdateResponse&) = 0;
  virtual void Delete(const Context&, const DeleteRequest&,
                      DeleteResponse&) = 0;
};

}  // namespace tf
