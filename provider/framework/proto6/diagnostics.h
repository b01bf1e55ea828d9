// diagnostics.h: tf::Diagnostics -> repeated tfplugin6.Diagnostic.
//   AppendDiagnostics(resp_diags, response->mutable_diagnostics());
#pragma once

#include "google/protobuf/repeated_ptr_field.h"
#include "provider/framework/diag/diagnostics.h"
#include "tfplugin6.pb.h"

namespace tf::proto6 {

void DiagnosticToProto(const Diagnostic& diagnostic,
                       tfplugin6::Diagnostic* out);

void AppendDiagnostics(
    const Diagnostics& diagnostics,
    google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out);

}  // namespace tf::proto6
