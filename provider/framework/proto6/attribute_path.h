// attribute_path.h: tfplugin6.AttributePath <-> tf::Path.
//   Path p = AttributePathFromProto(proto);       // redirect_uris[0]
//   AttributePathToProto(Path::Root("tags").Key("env"), &proto);
#pragma once

#include "provider/framework/types/path.h"
#include "tfplugin6.pb.h"

namespace tf::proto6 {

Path AttributePathFromProto(const tfplugin6::AttributePath& proto);
void AttributePathToProto(const Path& path, tfplugin6::AttributePath* out);

}  // namespace tf::proto6
