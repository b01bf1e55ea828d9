// identity.h: resource identity (Terraform 1.12+): a small, versioned object
// that names the remote object a resource instance manages (e.g. {id}),
// stored by Terraform beside the state and usable to import
// (`import { identity = {...} }`) instead of an id string.
//
//   class Thing final : public Resource, public WithIdentity { ...
//     IdentitySchema GetIdentitySchema() const override {
//       return {.attributes = {{.name = "id", .type = Type::String(),
//                               .required_for_import = true}}};
//     }
//     void Create(const Context&, const CreateRequest&,
//                 CreateResponse& resp) override {
//       ...
//       resp.identity = Value::Object({{"id", Value::String(id)}});
//     }
//   };
// Rules the server enforces: after Create, Update and Read (of an existing
// object) the identity is set, wholly known and of the identity type; once
// Terraform holds an identity it must not change (Read, Plan, Update keep
// it); it may only go from null to a value. Resources without WithIdentity
// never see or send identity data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"

namespace tf {

struct IdentityAttribute {
  std::string name{};  // ^[a-z0-9_]+$, unique
  Type type{};         // primitive, or a list of a primitive
  // Import by identity: the user must give it (required) or may (optional).
  // Exactly one of the two is set.
  bool required_for_import = false;
  bool optional_for_import = false;
  std::string description{};  // markdown
};

struct IdentitySchema {
  int64_t version = 0;  // bumped when the attributes change
  std::vector<IdentityAttribute> attributes{};

  // The object type of an identity value.
  Type ValueType() const;
  // Names valid and unique, at least one attribute, types primitive or lists
  // of primitives, exactly one of required/optional_for_import each.
  absl::Status Validate() const;
};

// A resource with an identity.
class WithIdentity {
 public:
  virtual ~WithIdentity() = default;
  virtual IdentitySchema GetIdentitySchema() const = 0;
};

struct UpgradeIdentityRequest {
  int64_t version = 0;     // older than the schema's version
  std::string raw_json{};  // the stored identity object, as JSON
};
struct UpgradeIdentityResponse {
  Value identity{};  // must be set: an object of the current identity type
  Diagnostics diagnostics{};
};
// Migrates an identity stored with an older identity version. Without it an
// older stored identity is an error; the current version never reaches it.
class WithUpgradeIdentity {
 public:
  virtual ~WithUpgradeIdentity() = default;
  virtual void UpgradeIdentity(const Context&, const UpgradeIdentityRequest&,
                               UpgradeIdentityResponse&) = 0;
};

}  // namespace tf
