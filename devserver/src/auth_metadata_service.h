// AuthMetadataServiceImpl: flyteidl.service.AuthMetadataService, the public
// (token-free) OAuth2 discovery RPCs, answering from an AuthDiscovery.
#pragma once

#include "devserver/src/auth_discovery.h"
#include "flyteidl/service/auth.grpc.pb.h"

namespace devserver {

class AuthMetadataServiceImpl final
    : public flyteidl::service::AuthMetadataService::Service {
 public:
  explicit AuthMetadataServiceImpl(AuthDiscovery discovery)
      : discovery_(std::move(discovery)) {}

  grpc::Status GetOAuth2Metadata(
      grpc::ServerContext* context,
      const flyteidl::service::OAuth2MetadataRequest* request,
      flyteidl::service::OAuth2MetadataResponse* response) override;
  grpc::Status GetPublicClientConfig(
      grpc::ServerContext* context,
      const flyteidl::service::PublicClientAuthConfigRequest* request,
      flyteidl::service::PublicClientAuthConfigResponse* response) override;

 private:
  const AuthDiscovery discovery_;
};

}  // namespace devserver
