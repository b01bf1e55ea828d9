// internal/rpc_helpers.h: the steps every RPC of ProviderService shares:
// logging (rpc and type name, never values), decoding request values with a
// schema type, encoding response values, "type not found" diagnostics.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "google/protobuf/timestamp.pb.h"
#include "provider/framework/diag/diagnostics.h"
#include "provider/framework/sdk/identity.h"
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
// Encodes `value` into `out`; on failure records an error naming `what`.
void Encode(const Value& value, const Type& type, const char* what,
            tfplugin6::DynamicValue* out, Diagnostics& diags);
// Identity data of a resource with an identity (`schema` non-null): a
// missing or empty field decodes to a null object of the identity type; a
// resource without identity ignores the field and gets a null Value.
bool DecodeIdentity(bool present, const tfplugin6::ResourceIdentityData& proto,
                    const IdentitySchema* schema, const char* what, Value& out,
                    Diagnostics& diags);
// True when `identity` goes on the wire: a non-null identity of a resource
// with an identity (`schema` non-null). Otherwise the field stays unset, so
// resources without identity send nothing.
bool SendIdentity(const Value& identity, const IdentitySchema* schema);
google::protobuf::Timestamp ToTimestamp(
    std::chrono::system_clock::time_point t);
void UnknownResource(const std::string& type_name, Diagnostics& diags);
void UnknownDataSource(const std::string& type_name, Diagnostics& diags);
void UnknownEphemeralResource(const std::string& type_name, Diagnostics& diags);
// plan_destroy = true (PlanResourceChange handles destroy),
// get_provider_schema_optional = false.
void SetCapabilities(tfplugin6::ServerCapabilities* caps);

}  // namespace tf::proto6::internal
