#include "devserver/src/app_convert.h"

namespace devserver {
namespace {

namespace pb = ::cloudidl::identity;

template <typename Repeated>
std::vector<std::string> Strings(const Repeated& values) {
  return {values.begin(), values.end()};
}

template <typename Repeated>
std::vector<int> Ints(const Repeated& values) {
  return {values.begin(), values.end()};
}

void ReplaceIfGiven(const std::string& given, std::string& stored) {
  if (!given.empty()) stored = given;
}

}  // namespace

AppRecord RecordFromCreate(const pb::CreateAppRequest& r, absl::Time now) {
  AppRecord a;
  a.organization = r.organization();
  a.client_id = r.client_id();
  a.client_name = r.client_name();
  a.redirect_uris = Strings(r.redirect_uris());
  a.response_types = Ints(r.response_types());
  a.grant_types = Ints(r.grant_types());
  a.application_type = r.application_type();
  a.contacts = Strings(r.contacts());
  a.logo_uri = r.logo_uri();
  a.client_uri = r.client_uri();
  a.policy_uri = r.policy_uri();
  a.tos_uri = r.tos_uri();
  a.jwks_uri = r.jwks_uri();
  a.token_endpoint_auth_method = r.token_endpoint_auth_method();
  a.consent_method = r.consent_method();
  a.skip_default_policy_assignments = r.skip_default_policy_assignments();
  a.issued_at_unix_nanos = absl::ToUnixNanos(now);
  return a;
}

void ApplyUpdate(const pb::UpdateAppRequest& r, AppRecord& a) {
  ReplaceIfGiven(r.client_name(), a.client_name);
  if (r.redirect_uris_size() > 0) a.redirect_uris = Strings(r.redirect_uris());
  if (r.response_types_size() > 0) a.response_types = Ints(r.response_types());
  if (r.grant_types_size() > 0) a.grant_types = Ints(r.grant_types());
  if (r.application_type() != 0) a.application_type = r.application_type();
  if (r.contacts_size() > 0) a.contacts = Strings(r.contacts());
  ReplaceIfGiven(r.logo_uri(), a.logo_uri);
  ReplaceIfGiven(r.client_uri(), a.client_uri);
  ReplaceIfGiven(r.policy_uri(), a.policy_uri);
  ReplaceIfGiven(r.tos_uri(), a.tos_uri);
  ReplaceIfGiven(r.jwks_uri(), a.jwks_uri);
  if (r.token_endpoint_auth_method() != 0) {
    a.token_endpoint_auth_method = r.token_endpoint_auth_method();
  }
}

void RecordToProto(const AppRecord& a, pb::App* app) {
  app->Clear();
  app->set_organization(a.organization);
  app->set_client_id(a.client_id);
  auto* issued = app->mutable_client_id_issued_at();
  issued->set_seconds(a.issued_at_unix_nanos / 1'000'000'000);
  issued->set_nanos(static_cast<int>(a.issued_at_unix_nanos % 1'000'000'000));
  if (a.secret_expires_at_unix_nanos != 0) {
    auto* expires = app->mutable_client_secret_expires_at();
    expires->set_seconds(a.secret_expires_at_unix_nanos / 1'000'000'000);
    expires->set_nanos(
        static_cast<int>(a.secret_expires_at_unix_nanos % 1'000'000'000));
  }
  for (const auto& u : a.redirect_uris) app->add_redirect_uris(u);
  for (int t : a.response_types)
    app->add_response_types(static_cast<pb::ResponseTypes>(t));
  for (int g : a.grant_types)
    app->add_grant_types(static_cast<pb::GrantTypes>(g));
  app->set_application_type(
      static_cast<pb::ApplicationType>(a.application_type));
  for (const auto& c : a.contacts) app->add_contacts(c);
  app->set_client_name(a.client_name);
  app->set_logo_uri(a.logo_uri);
  app->set_client_uri(a.client_uri);
  app->set_policy_uri(a.policy_uri);
  app->set_tos_uri(a.tos_uri);
  app->set_jwks_uri(a.jwks_uri);
  app->set_token_endpoint_auth_method(
      static_cast<pb::TokenEndpointAuthMethod>(a.token_endpoint_auth_method));
  if (!a.organization.empty())
    app->mutable_profile()->set_apporg(a.organization);
}

}  // namespace devserver
