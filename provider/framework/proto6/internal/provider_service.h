// internal/provider_service.h: the tfplugin6.Provider service class. Every
// RPC does the same steps: log (rpc and type name, never values), convert
// the request (decoding DynamicValues with the schema the server holds),
// call server::ProviderServer, convert back. Domain errors are diagnostics
// with an OK status, never a gRPC error. Tests call the methods directly.
#pragma once

#include <memory>

#include "provider/framework/server/provider_server.h"
#include "tfplugin6.grpc.pb.h"

namespace tf::proto6::internal {

class ProviderService final : public tfplugin6::Provider::Service {
 public:
  explicit ProviderService(std::unique_ptr<Provider> provider)
      : server_(std::move(provider)) {}

  grpc::Status GetMetadata(grpc::ServerContext*,
                           const tfplugin6::ProviderMetadata::Request*,
                           tfplugin6::ProviderMetadata::Response*) override;
  grpc::Status GetProviderSchema(
      grpc::ServerContext*, const tfplugin6::GetProviderSchema::Request*,
      tfplugin6::GetProviderSchema::Response*) override;
  grpc::Status GetResourceIdentitySchemas(
      grpc::ServerContext*,
      const tfplugin6::GetResourceIdentitySchemas::Request*,
      tfplugin6::GetResourceIdentitySchemas::Response*) override;
  grpc::Status ValidateProviderConfig(
      grpc::ServerContext*, const tfplugin6::ValidateProviderConfig::Request*,
      tfplugin6::ValidateProviderConfig::Response*) override;
  grpc::Status ValidateResourceConfig(
      grpc::ServerContext*, const tfplugin6::ValidateResourceConfig::Request*,
      tfplugin6::ValidateResourceConfig::Response*) override;
  grpc::Status ValidateDataResourceConfig(
      grpc::ServerContext*,
      const tfplugin6::ValidateDataResourceConfig::Request*,
      tfplugin6::ValidateDataResourceConfig::Response*) override;
  grpc::Status UpgradeResourceState(
      grpc::ServerContext*, const tfplugin6::UpgradeResourceState::Request*,
      tfplugin6::UpgradeResourceState::Response*) override;
  grpc::Status ConfigureProvider(
      grpc::ServerContext*, const tfplugin6::ConfigureProvider::Request*,
      tfplugin6::ConfigureProvider::Response*) override;
  grpc::Status ReadResource(grpc::ServerContext*,
                            const tfplugin6::ReadResource::Request*,
                            tfplugin6::ReadResource::Response*) override;
  grpc::Status PlanResourceChange(
      grpc::ServerContext*, const tfplugin6::PlanResourceChange::Request*,
      tfplugin6::PlanResourceChange::Response*) override;
  grpc::Status ApplyResourceChange(
      grpc::ServerContext*, const tfplugin6::ApplyResourceChange::Request*,
      tfplugin6::ApplyResourceChange::Response*) override;
  grpc::Status ImportResourceState(
      grpc::ServerContext*, const tfplugin6::ImportResourceState::Request*,
      tfplugin6::ImportResourceState::Response*) override;
  grpc::Status ReadDataSource(grpc::ServerContext*,
                              const tfplugin6::ReadDataSource::Request*,
                              tfplugin6::ReadDataSource::Response*) override;
  grpc::Status UpgradeResourceIdentity(
      grpc::ServerContext*, const tfplugin6::UpgradeResourceIdentity::Request*,
      tfplugin6::UpgradeResourceIdentity::Response*) override;
  grpc::Status GetFunctions(grpc::ServerContext*,
                            const tfplugin6::GetFunctions::Request*,
                            tfplugin6::GetFunctions::Response*) override;
  grpc::Status CallFunction(grpc::ServerContext*,
                            const tfplugin6::CallFunction::Request*,
                            tfplugin6::CallFunction::Response*) override;
  grpc::Status ValidateEphemeralResourceConfig(
      grpc::ServerContext*,
      const tfplugin6::ValidateEphemeralResourceConfig::Request*,
      tfplugin6::ValidateEphemeralResourceConfig::Response*) override;
  grpc::Status OpenEphemeralResource(
      grpc::ServerContext*, const tfplugin6::OpenEphemeralResource::Request*,
      tfplugin6::OpenEphemeralResource::Response*) override;
  grpc::Status RenewEphemeralResource(
      grpc::ServerContext*, const tfplugin6::RenewEphemeralResource::Request*,
      tfplugin6::RenewEphemeralResource::Response*) override;
  grpc::Status CloseEphemeralResource(
      grpc::ServerContext*, const tfplugin6::CloseEphemeralResource::Request*,
      tfplugin6::CloseEphemeralResource::Response*) override;
  grpc::Status StopProvider(grpc::ServerContext*,
                            const tfplugin6::StopProvider::Request*,
                            tfplugin6::StopProvider::Response*) override;

 private:
  server::ProviderServer server_;
};

}  // namespace tf::proto6::internal
