#include "provider/framework/server/config_validation.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace tf::server {
namespace {

bool IsSet(const Value& v) { return v.IsKnown() && !v.IsNull(); }

void ValidateAt(const Block& block, const Value& config,
                bool write_only_allowed, const Path& base, Diagnostics& diags) {
  if (!IsSet(config) || config.type().kind() != TypeKind::kObject) return;
  for (const Attribute& a : block.attributes) {
    const Value& v = config.Attr(a.name);
    if (!v.IsKnown() || v.IsNull()) continue;
    Path path = base.Attr(a.name);
    if (!a.deprecation_message.empty()) {
      diags.AddAttributeWarning(path, "Attribute Deprecated",
                                a.deprecation_message);
    }
    if (a.write_only && !write_only_allowed) {
      diags.AddAttributeError(
          path, "Write-only Attribute Not Allowed",
          absl::StrCat("The attribute ", path.ToString(),
                       " is write-only, which this Terraform version does "
                       "not support. Use Terraform 1.11 or later."));
    }
    for (const auto& validator : a.validators) {
      validator->Validate(v, path, diags);
    }
  }
  for (const NestedBlock& nb : block.blocks) {
    const Value& v = config.Attr(nb.type_name);
    if (!IsSet(v)) continue;
    Path path = base.Attr(nb.type_name);
    if (nb.nesting == Nesting::kSingle) {
      if (!nb.block.deprecation_message.empty()) {
        diags.AddAttributeWarning(path, "Block Deprecated",
                                  nb.block.deprecation_message);
      }
      ValidateAt(nb.block, v, write_only_allowed, path, diags);
      continue;
    }
    if (!v.Elements().empty() && !nb.block.deprecation_message.empty()) {
      diags.AddAttributeWarning(path, "Block Deprecated",
                                nb.block.deprecation_message);
    }
    int64_t i = 0;
    for (const Value& e : v.Elements()) {
      // Set elements have no stable index; their diagnostics name the block.
      ValidateAt(nb.block, e, write_only_allowed,
                 nb.nesting == Nesting::kList ? path.Index(i) : path, diags);
      ++i;
    }
  }
}

}  // namespace

void ValidateAttributes(const Block& block, const Value& config,
                        bool write_only_allowed, Diagnostics& diags) {
  ValidateAt(block, config, write_only_allowed, Path(), diags);
}

}  // namespace tf::server
