// Internal: how a key is named on Union serverless (keys are per user there).
#pragma once

#include <string>
#include <string_view>

namespace unionc::client_internal {

struct KeyIdentity {
  std::string client_id;
  std::string org;
};

// client_id "{tenant}-{userhandle}-{name}" with tenant = the first DNS label
// of the endpoint; org = userhandle.
[[nodiscard]] KeyIdentity ServerlessKeyIdentity(std::string_view endpoint,
                                                std::string_view userhandle,
                                                std::string_view normalized_name);

}  // namespace unionc::client_internal
