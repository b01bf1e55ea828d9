#include "devserver/src/auth_metadata_service.h"

namespace devserver {

namespace fs = ::flyteidl::service;

grpc::Status AuthMetadataServiceImpl::GetOAuth2Metadata(
    grpc::ServerContext* /*context*/,
    const fs::OAuth2MetadataRequest* /*request*/,
    fs::OAuth2MetadataResponse* response) {
  response->set_issuer(discovery_.issuer);
  response->set_token_endpoint(discovery_.token_endpoint);
  for (const auto& g : discovery_.grant_types_supported) {
    response->add_grant_types_supported(g);
  }
  for (const auto& m : discovery_.token_endpoint_auth_methods_supported) {
    response->add_token_endpoint_auth_methods_supported(m);
  }
  for (const auto& s : discovery_.scopes) response->add_scopes_supported(s);
  return grpc::Status::OK;
}

grpc::Status AuthMetadataServiceImpl::GetPublicClientConfig(
    grpc::ServerContext* /*context*/,
    const fs::PublicClientAuthConfigRequest* /*request*/,
    fs::PublicClientAuthConfigResponse* response) {
  response->set_client_id(discovery_.public_client_id);
  response->set_redirect_uri(discovery_.redirect_uri);
  for (const auto& s : discovery_.scopes) response->add_scopes(s);
  response->set_authorization_metadata_key(
      discovery_.authorization_metadata_key);
  response->set_service_http_endpoint(discovery_.issuer);
  response->set_audience(discovery_.audience);
  return grpc::Status::OK;
}

}  // namespace devserver
