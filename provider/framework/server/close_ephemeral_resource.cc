// CloseEphemeralResource: the object's WithEphemeralClose, configured like
// Open; without it, success.
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

CloseEphemeralResourceResponse ProviderServer::CloseEphemeralResource(
    const CloseEphemeralResourceRequest& req) const {
  CloseEphemeralResourceResponse resp;
  auto e = NewEphemeralResource(req.type_name, resp.diagnostics);
  if (!e) return resp;
  WithEphemeralClose* close = DetectCapabilities(*e).ephemeral_close;
  if (close == nullptr) return resp;
  CloseEphemeralResponse cresp;
  close->Close(MakeContext(), {.private_data = req.private_data}, cresp);
  resp.diagnostics.Append(cresp.diagnostics);
  return resp;
}

}  // namespace tf::server
