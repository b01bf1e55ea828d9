// provider.h: the provider interface: its own schema and configuration, and
// the resource and data source types it offers.
//
//   class UnionProvider final : public Provider {
//     std::string TypeName() const override { return "union"; }
//     void Configure(const Context&, const ConfigureProviderRequest& req,
//                    ConfigureProviderResponse& resp) override {
//       resp.provider_data = std::make_shared<Client>(...);
//     }
//     std::vector<std::function<std::unique_ptr<Resource>()>> Resources()
//         override { return {[] { return std::make_unique<ApiKey>(); }}; }
//   };
// provider_data should be cheap to copy (e.g. a shared_ptr to a thread-safe
// client): it is handed to every resource object through WithConfigure.
// A Provider may also implement WithValidateConfig, WithFunctions and
// WithEphemeralResources.
#pragma once

#include <any>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/sdk/data_source.h"
#include "provider/framework/sdk/ephemeral_resource.h"
#include "provider/framework/sdk/function.h"
#include "provider/framework/sdk/resource.h"
#include "provider/framework/types/value.h"

namespace tf {

struct ConfigureProviderRequest {
  // May contain unknowns (e.g. values of not-yet-created resources).
  Value config{};
  std::string terraform_version{};
};
struct ConfigureProviderResponse {
  std::any provider_data{};
  Diagnostics diagnostics{};
};

class Provider {
 public:
  virtual ~Provider() = default;
  virtual std::string TypeName() const = 0;  // "union"
  virtual Schema GetSchema() const = 0;
  // May be called more than once in debug mode; never concurrently.
  virtual void Configure(const Context&, const ConfigureProviderRequest&,
                         ConfigureProviderResponse&) = 0;
  // Called once, at start; each factory makes a fresh object per request.
  virtual std::vector<std::function<std::unique_ptr<Resource>()>>
  Resources() = 0;
  virtual std::vector<std::function<std::unique_ptr<DataSource>()>>
  DataSources() = 0;
};

// A provider offering functions. Called once, at start; each factory makes
// a fresh object per call.
class WithFunctions {
 public:
  virtual ~WithFunctions() = default;
  virtual std::vector<std::function<std::unique_ptr<Function>()>>
  Functions() = 0;
};

// A provider offering ephemeral resources. Called once, at start; each
// factory makes a fresh object per request.
class WithEphemeralResources {
 public:
  virtual ~WithEphemeralResources() = default;
  virtual std::vector<std::function<std::unique_ptr<EphemeralResource>()>>
  EphemeralResources() = 0;
};

}  // namespace tf
