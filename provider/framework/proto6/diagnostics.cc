#include "provider/framework/proto6/diagnostics.h"

#include "provider/framework/proto6/attribute_path.h"

namespace tf::proto6 {

void DiagnosticToProto(const Diagnostic& diagnostic,
                       tfplugin6::Diagnostic* out) {
  out->Clear();
  out->set_severity(diagnostic.severity == Severity::kError
                        ? tfplugin6::Diagnostic::ERROR
                        : tfplugin6::Diagnostic::WARNING);
  out->set_summary(diagnostic.summary);
  out->set_detail(diagnostic.detail);
  if (diagnostic.attribute.has_value() && !diagnostic.attribute->empty()) {
    AttributePathToProto(*diagnostic.attribute, out->mutable_attribute());
  }
}

void AppendDiagnostics(
    const Diagnostics& diagnostics,
    google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out) {
  for (const Diagnostic& d : diagnostics.items()) {
    DiagnosticToProto(d, out->Add());
  }
}

}  // namespace tf::proto6
