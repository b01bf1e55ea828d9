// api_keys_data_source.cc: data "union_api_keys".
#include "provider/union/api_keys_data_source.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "provider/union/model.h"
#include "provider/union/provider_data.h"
#include "provider/union/status_diagnostic.h"

namespace union_provider {
namespace {

// The rule of `limit`, declared in the schema and checked again at Read,
// where a limit unknown at validation time arrives known.
const std::shared_ptr<const tf::Validator>& LimitValidator() {
  static const auto* const v =
      new std::shared_ptr<const tf::Validator>(tf::Int64Between(1, kMaxListLimit));
  return *v;
}

}  // namespace

tf::Schema ApiKeysDataSource::GetSchema() const {
  tf::Schema s;
  s.block.description =
      "Lists the Union API keys of the organization, following pagination. "
      "Secrets are never listed.";
  s.block.attributes = {
      tf::Attribute{
          .name = "client_id_prefix",
          .type = tf::Type::String(),
          .presence = tf::Presence::kOptional,
          .description =
              "Only keys whose client_id starts with this prefix, e.g. the "
              "normalised `name_prefix` of rotated keys. Filtered by the "
              "server and checked again by the provider. Default: all "
              "keys."},
      tf::Attribute{
          .name = "limit",
          .type = tf::Type::Number(),
          .presence = tf::Presence::kOptional,
          .description = absl::StrCat(
              "The most keys to return (1 to ", kMaxListLimit,
              "). Default: all of them."),
          .validators = {LimitValidator()}},
      tf::Attribute{
          .name = "keys",
          .type = tf::Type::List(KeyObjectType()),
          .presence = tf::Presence::kComputed,
          .description =
              "The keys, in the server's order. Each has `id`, `client_id`, "
              "`client_name`, `organization`, `redirect_uris`, "
              "`grant_types`, `response_types`, "
              "`token_endpoint_auth_method`, `client_id_issued_at` and "
              "`client_secret_expires_at`, as in the `union_api_key` data "
              "source."},
  };
  return s;
}

void ApiKeysDataSource::Read(const tf::Context&,
                             const tf::DataSourceReadRequest& req,
                             tf::DataSourceReadResponse& resp) {
  if (!configured_) return AddNotConfiguredError(resp.diagnostics);
  int64_t limit = 0;
  const tf::Value& l = req.config.Attr("limit");
  if (!l.IsNull() && l.IsKnown()) {
    LimitValidator()->Validate(l, tf::Path::Root("limit"), resp.diagnostics);
    if (resp.diagnostics.HasError()) return;
    limit = l.AsNumber().AsInt64().value_or(0);
  }
  std::string prefix;
  const tf::Value& p = req.config.Attr("client_id_prefix");
  if (!p.IsNull() && p.IsKnown()) prefix = p.AsString();
  absl::StatusOr<std::vector<unionc::ApiKey>> keys = configured_->List(limit, prefix);
  if (!keys.ok()) {
    resp.diagnostics.Add(
        StatusToDiagnostic(keys.status(), {.operation = "list API keys"}));
    return;
  }
  std::vector<tf::Value> items;
  items.reserve(keys->size());
  for (const unionc::ApiKey& k : *keys) items.push_back(KeyObject(k));
  resp.state = req.config.WithAttr(
      "keys", tf::Value::List(KeyObjectType(), std::move(items)));
}

}  // namespace union_provider
