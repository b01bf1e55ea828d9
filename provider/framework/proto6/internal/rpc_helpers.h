// internal/rpc_helpers.h: the steps every RPC of ProviderService shares:
// logging (rpc and type name, never values), decoding request values with a
// schema type, encoding response values, "type not found" diagnostics.
#pragma once

#include <string>

#include "provider/framework/diag/diagnostics.h"
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
void UnknownResource(const std::string& type_name, Diagnostics& diags);
void UnknownDataSource(const std::string& type_name, Diagnostics& diags);
// plan_destroy = true (PlanResourceChange handles destroy),
// get_provider_schema_optional = false.
void SetCapabilities(tfplugin6::ServerCapabilities* caps);

}  // namespace tf::proto6::internal
