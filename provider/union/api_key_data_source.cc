// api_key_data_source.cc: data "union_api_key".
#include "provider/union/api_key_data_source.h"

#include "absl/strings/str_cat.h"
#include "provider/union/model.h"
#include "provider/union/provider_data.h"
#include "provider/union/status_diagnostic.h"

namespace union_provider {

tf::Schema ApiKeyDataSource::GetSchema() const {
  tf::Schema s;
  s.block.description =
      "Reads one Union API key by client_id. The secret is never readable "
      "(Union returns it only at creation).";
  s.block.attributes = KeyAttributes(tf::Presence::kRequired);
  return s;
}

void ApiKeyDataSource::Read(const tf::Context&,
                            const tf::DataSourceReadRequest& req,
                            tf::DataSourceReadResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  const std::string client_id = req.config.Attr("client_id").AsString();
  absl::StatusOr<unionc::ApiKey> key = configured_->Get(client_id);
  if (IsGone(key.status())) {
    resp.diagnostics.AddAttributeError(
        tf::Path::Root("client_id"), "Union API key not found",
        absl::StrCat("No API key with client_id \"", client_id,
                     "\" exists in Union (organization \"",
                     configured_->Organization(),
                     "\"). Check the client_id; the union_api_keys data "
                     "source lists the existing keys."));
    return;
  }
  if (!key.ok()) {
    resp.diagnostics.Add(StatusToDiagnostic(
        key.status(), {.operation = "read",
                       .client_id = client_id,
                       .path = tf::Path::Root("client_id")}));
    return;
  }
  resp.state = KeyObject(*key);
}

}  // namespace union_provider
