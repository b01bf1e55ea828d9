// Serverless key naming.
#include "serverless.h"

#include "absl/strings/str_cat.h"
#include "absl_compat.h"
#include "union/endpoint.h"

namespace unionc::client_internal {

KeyIdentity ServerlessKeyIdentity(std::string_view endpoint,
                                  std::string_view userhandle,
                                  std::string_view normalized_name) {
  const std::string host = EndpointHost(NormalizeEndpoint(endpoint));
  const std::string tenant = host.substr(0, host.find('.'));
  return KeyIdentity{
      .client_id = absl::StrCat(tenant, "-", internal::Av(userhandle), "-",
                                internal::Av(normalized_name)),
      .org = std::string(userhandle)};
}

}  // namespace unionc::client_internal
