// internal/rpc_helpers.h: the steps every RPC of ProviderService shares:
// logging (rpc and type name, never values), looking the type up (or the
// "type not found" error), decoding request values with the schema types the
// server computed once, encoding response values.
//   return ServeType(server_, server::Kind::kResource, "ReadResource",
//                    req->type_name(), resp,
//                    [&](const server::TypeSchemas& types, Diagnostics& d) {
//                      ... Decode(req->current_state(), types.type, ...) ...
//                    });
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>

#include "google/protobuf/timestamp.pb.h"
#include "grpcpp/support/status.h"
#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/proto6/diagnostics.h"
#include "provider/framework/sdk/identity.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/types/type.h"
#include "provider/framework/types/value.h"
#include "tfplugin6.pb.h"

namespace tf::proto6::internal {

void LogRequest(const char* rpc, const std::string& type_name = "");
void LogResponse(const char* rpc, const Diagnostics& diags,
                 const std::string& type_name = "");
// Decodes `proto` into `out`; on failure records an error naming `what`.
bool Decode(const tfplugin6::DynamicValue& proto, const Type& type,
            const char* what, Value& out, Diagnostics& diags);
// One request value to decode with a type: the field, its name in errors and
// where the decoded value goes.
struct DecodeField {
  const tfplugin6::DynamicValue& proto;
  const char* what;
  Value& out;
};
// Decodes each field with `type`, in order, up to the first failure.
bool DecodeAll(std::initializer_list<DecodeField> fields, const Type& type,
               Diagnostics& diags);
// Encodes `value` into `out`; on failure records an error naming `what`.
void Encode(const Value& value, const Type& type, const char* what,
            tfplugin6::DynamicValue* out, Diagnostics& diags);
// Identity data of a resource with an identity (`schema` non-null): a
// missing or empty field decodes to a null object of the identity type; a
// resource without identity ignores the field and gets a null Value.
bool DecodeIdentity(bool present, const tfplugin6::ResourceIdentityData& proto,
                    const server::TypeSchemas& types, const char* what,
                    Value& out, Diagnostics& diags);
// Encodes `identity` into the message `field()` returns (e.g.
// resp->mutable_new_identity()) when it goes on the wire: a non-null
// identity of a resource with an identity. Otherwise the field stays unset,
// so resources without identity send nothing.
template <typename Field>
void EncodeIdentity(const Value& identity, const server::TypeSchemas& types,
                    const char* what, Field field, Diagnostics& diags) {
  if (types.Identity() == nullptr || identity.IsNull()) return;
  Encode(identity, types.identity_type, what, field()->mutable_identity_data(),
         diags);
}
// The answer ReadResource and ApplyResourceChange share: the server's
// diagnostics, then the new state, private data and new identity.
template <typename ServerResponse, typename Response>
void SetNewState(const ServerResponse& sresp, const server::TypeSchemas& types,
                 Response* resp, Diagnostics& diags) {
  diags.Append(sresp.diagnostics);
  Encode(sresp.new_state, types.type, "new state", resp->mutable_new_state(),
         diags);
  resp->set_private_(sresp.private_data);
  EncodeIdentity(
      sresp.new_identity, types, "new identity",
      [&] { return resp->mutable_new_identity(); }, diags);
}
google::protobuf::Timestamp ToTimestamp(
    std::chrono::system_clock::time_point t);
// The private data and renew_at of an ephemeral resource's Open or Renew
// answer, each set only when the resource set it.
template <typename Response>
void SetRenewal(
    const std::string& private_data,
    const std::optional<std::chrono::system_clock::time_point>& renew_at,
    Response* resp) {
  if (!private_data.empty()) resp->set_private_(private_data);
  if (renew_at.has_value()) *resp->mutable_renew_at() = ToTimestamp(*renew_at);
}
// plan_destroy = true (PlanResourceChange handles destroy),
// get_provider_schema_optional = false.
void SetCapabilities(tfplugin6::ServerCapabilities* caps);

// Serves one RPC: logs the request, runs `body(diags)`, puts the
// diagnostics into `resp` and logs the response. Domain errors are
// diagnostics: the status is always OK.
template <typename Response, typename Body>
grpc::Status Serve(const char* rpc, const std::string& type_name,
                   Response* resp, Body&& body) {
  LogRequest(rpc, type_name);
  Diagnostics diags;
  body(diags);
  AppendDiagnostics(diags, resp->mutable_diagnostics());
  LogResponse(rpc, diags, type_name);
  return grpc::Status::OK;
}

// Serve for an RPC about one type of `kind`: `body(types, diags)` runs with
// the type's schemas when the provider offers `type_name`; otherwise the
// answer is the type-not-found error.
template <typename Response, typename Body>
grpc::Status ServeType(const server::ProviderServer& srv, server::Kind kind,
                       const char* rpc, const std::string& type_name,
                       Response* resp, Body&& body) {
  return Serve(rpc, type_name, resp, [&](Diagnostics& diags) {
    const server::TypeSchemas* types = srv.FindType(kind, type_name);
    if (types == nullptr) {
      server::AddTypeNotFound(kind, type_name, diags);
      return;
    }
    body(*types, diags);
  });
}

}  // namespace tf::proto6::internal
