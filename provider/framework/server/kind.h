// kind.h: the kinds of typed objects a provider offers (managed resources,
// data sources, ephemeral resources), their names in messages, and the one
// "type not found" error both the server and the protocol adapters report.
//   if (srv.FindType(Kind::kDataSource, name) == nullptr)
//     AddTypeNotFound(Kind::kDataSource, name, diags);
#pragma once

#include <string>

#include "provider/framework/diag/diagnostics.h"

namespace tf::server {

enum class Kind { kResource, kDataSource, kEphemeralResource };

struct KindNames {
  const char* noun;      // "data source"
  const char* sentence;  // "Data source"
  const char* title;     // "Data Source"
};
const KindNames& NamesOf(Kind kind);

// Error "<Title> Type Not Found" naming `type_name`.
void AddTypeNotFound(Kind kind, const std::string& type_name,
                     Diagnostics& diags);

}  // namespace tf::server
