// data_source.h: the data source interface.
//
// The response is pre-filled with the config (computed attributes null); a
// Read sets the computed attributes. The result must be wholly known.
//   void Read(const Context&, const DataSourceReadRequest& req,
//             DataSourceReadResponse& resp) override {
//     resp.state = resp.state.WithAttr("id", Value::String(Lookup(...)));
//   }
// A DataSource may also implement WithConfigure and WithValidateConfig.
#pragma once

#include <string>

#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/schema/schema.h"
#include "provider/framework/sdk/capabilities.h"
#include "provider/framework/sdk/context.h"
#include "provider/framework/types/value.h"

namespace tf {

struct DataSourceReadRequest {
  Value config{};
};
struct DataSourceReadResponse {
  Value state{};  // pre-filled with the config
  Diagnostics diagnostics{};
};

class DataSource {
 public:
  virtual ~DataSource() = default;
  virtual std::string TypeName() const = 0;  // e.g. "union_api_keys"
  virtual Schema GetSchema() const = 0;
  virtual void Read(const Context&, const DataSourceReadRequest&,
                    DataSourceReadResponse&) = 0;
};

}  // namespace tf
