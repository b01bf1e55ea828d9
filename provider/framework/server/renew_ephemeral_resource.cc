// RenewEphemeralResource: the object's WithEphemeralRenew, configured like
// Open; without it, success with the private data echoed and no renew_at.
#include "provider/framework/server/capabilities.h"
#include "provider/framework/server/provider_server.h"

namespace tf::server {

RenewEphemeralResourceResponse ProviderServer::RenewEphemeralResource(
    const RenewEphemeralResourceRequest& req) const {
  RenewEphemeralResourceResponse resp{.private_data = req.private_data};
  auto e = NewEphemeralResource(req.type_name, resp.diagnostics);
  if (!e) return resp;
  WithEphemeralRenew* renew = DetectCapabilities(*e).ephemeral_renew;
  if (renew == nullptr) return resp;
  RenewEphemeralResponse rresp{.private_data = req.private_data};
  renew->Renew(MakeContext(), {.private_data = req.private_data}, rresp);
  resp.diagnostics.Append(rresp.diagnostics);
  resp.private_data = std::move(rresp.private_data);
  resp.renew_at = rresp.renew_at;
  return resp;
}

}  // namespace tf::server
