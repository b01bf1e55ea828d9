#include "provider/framework/proto6/attribute_path.h"

namespace tf::proto6 {

Path AttributePathFromProto(const tfplugin6::AttributePath& proto) {
  Path path;
  for (const auto& step : proto.steps()) {
    switch (step.selector_case()) {
      case tfplugin6::AttributePath::Step::kAttributeName:
        path = path.Attr(step.attribute_name());
        break;
      case tfplugin6::AttributePath::Step::kElementKeyString:
        path = path.Key(step.element_key_string());
        break;
      case tfplugin6::AttributePath::Step::kElementKeyInt:
        path = path.Index(step.element_key_int());
        break;
      default:
        break;  // an empty step carries nothing
    }
  }
  return path;
}

void AttributePathToProto(const Path& path, tfplugin6::AttributePath* out) {
  out->Clear();
  for (const PathStep& step : path.steps()) {
    auto* s = out->add_steps();
    switch (step.kind) {
      case PathStep::kAttribute:
        s->set_attribute_name(step.name);
        break;
      case PathStep::kKeyString:
        s->set_element_key_string(step.name);
        break;
      case PathStep::kKeyInt:
        s->set_element_key_int(step.index);
        break;
    }
  }
}

}  // namespace tf::proto6
