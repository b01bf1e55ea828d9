#include "provider/framework/server/kind.h"

#include "absl/strings/str_cat.h"

namespace tf::server {

const KindNames& NamesOf(Kind kind) {
  static const KindNames kResource{"resource", "Resource", "Resource"};
  static const KindNames kDataSource{"data source", "Data source",
                                     "Data Source"};
  static const KindNames kEphemeral{"ephemeral resource", "Ephemeral resource",
                                    "Ephemeral Resource"};
  switch (kind) {
    case Kind::kResource:
      return kResource;
    case Kind::kDataSource:
      return kDataSource;
    case Kind::kEphemeralResource:
      return kEphemeral;
  }
  return kResource;
}

void AddTypeNotFound(Kind kind, const std::string& type_name,
                     Diagnostics& diags) {
  const KindNames& names = NamesOf(kind);
  diags.AddError(absl::StrCat(names.title, " Type Not Found"),
                 absl::StrCat("The provider does not support ", names.noun,
                              " type \"", type_name, "\"."));
}

}  // namespace tf::server
