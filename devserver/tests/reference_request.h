// reference_request.h: the CreateAppRequest the reference client sends for a
// new API key (union-client's ApiKeys::Create sends the same shape): both
// grant types, the default redirect URI, response type CODE, client secret
// basic auth and consent required. Tests start from it and change one thing.
//   pb::CreateAppRequest r = ReferenceCreateRequest("", "ci-pipeline-1");
#pragma once

#include <string>

#include "cloudidl/identity/app_payload.pb.h"

namespace devserver::testing {

inline cloudidl::identity::CreateAppRequest ReferenceCreateRequest(
    const std::string& org, const std::string& client_id) {
  namespace pb = ::cloudidl::identity;
  pb::CreateAppRequest r;
  r.set_organization(org);
  r.set_client_id(client_id);
  r.set_client_name(client_id);
  r.add_redirect_uris("http://localhost:8080/authorization-code/callback");
  r.add_grant_types(pb::CLIENT_CREDENTIALS);
  r.add_grant_types(pb::AUTHORIZATION_CODE);
  r.add_response_types(pb::CODE);
  r.set_token_endpoint_auth_method(pb::CLIENT_SECRET_BASIC);
  r.set_consent_method(pb::CONSENT_METHOD_REQUIRED);
  return r;
}

}  // namespace devserver::testing
