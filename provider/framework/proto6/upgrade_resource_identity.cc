// UpgradeResourceIdentity: convert, call
// server::ProviderServer::UpgradeResourceIdentity, convert back.
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::UpgradeResourceIdentity(
    grpc::ServerContext*,
    const tfplugin6::UpgradeResourceIdentity::Request* req,
    tfplugin6::UpgradeResourceIdentity::Response* resp) {
  LogRequest("UpgradeResourceIdentity", req->type_name());
  Diagnostics diags;
  if (server_.ResourceSchema(req->type_name()) == nullptr) {
    UnknownResource(req->type_name(), diags);
  } else {
    server::UpgradeResourceIdentityResponse sresp =
        server_.UpgradeResourceIdentity(
            {.type_name = req->type_name(),
             .version = req->version(),
             .raw_identity_json = req->raw_identity().json()});
    diags.Append(sresp.diagnostics);
    const IdentitySchema* ischema =
        server_.ResourceIdentitySchema(req->type_name());
    if (SendIdentity(sresp.upgraded_identity, ischema)) {
      Encode(sresp.upgraded_identity, ischema->ValueType(), "upgraded identity",
             resp->mutable_upgraded_identity()->mutable_identity_data(), diags);
    }
  }
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse("UpgradeResourceIdentity", diags, req->type_name());
  return grpc::Status::OK;
}

}  // namespace tf::proto6::internal
