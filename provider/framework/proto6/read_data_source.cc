// ReadDataSource: convert, call server::ProviderServer::ReadDataSource, convert
// back.
#include "provider/framework/proto6/internal/provider_service.h"
#include "provider/framework/proto6/internal/rpc_helpers.h"

namespace tf::proto6::internal {

grpc::Status ProviderService::ReadDataSource(
    grpc::ServerContext*, const tfplugin6::ReadDataSource::Request* req,
    tfplugin6::ReadDataSource::Response* resp) {
  return ServeType(
      server_, server::Kind::kDataSource, "ReadDataSource", req->type_name(),
      resp, [&](const server::TypeSchemas& types, Diagnostics& diags) {
        server::ReadDataSourceRequest sreq{.type_name = req->type_name()};
        if (!Decode(req->config(), types.type, "configuration", sreq.config,
                    diags)) {
          return;
        }
        server::ReadDataSourceResponse sresp = server_.ReadDataSource(sreq);
        diags.Append(sresp.diagnostics);
        Encode(sresp.state, types.type, "state", resp->mutable_state(), diags);
      });
}

}  // namespace tf::proto6::internal
