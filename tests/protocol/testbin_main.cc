// testbin_main.cc: tf_plugin_testbin, the smallest provider tf::plugin can
// serve: GetProviderSchema answers an empty provider block; every other RPC
// is UNIMPLEMENTED. It writes "on_shutdown called" to stderr when stopped.
#include <grpcpp/grpcpp.h>
#include <unistd.h>

#include <cstring>

#include "provider/framework/plugin/serve_plugin.h"
#include "tfplugin6.grpc.pb.h"

namespace {

class TrivialProvider final : public tfplugin6::Provider::Service {
 public:
  grpc::Status GetProviderSchema(
      grpc::ServerContext* /*context*/,
      const tfplugin6::GetProviderSchema::Request* /*request*/,
      tfplugin6::GetProviderSchema::Response* response) override {
    response->mutable_provider()->mutable_block();
    return grpc::Status::OK;
  }
};

}  // namespace

int main(int argc, char** argv) {
  TrivialProvider provider;
  tf::plugin::PluginOptions options;
  options.address = "registry.terraform.io/tfpu-test/testbin";
  options.debug = argc > 1 && std::strcmp(argv[1], "--debug") == 0;
  options.on_shutdown = [] {
    constexpr char kMarker[] = "on_shutdown called\n";
    ssize_t ignored = ::write(STDERR_FILENO, kMarker, sizeof(kMarker) - 1);
    (void)ignored;
  };
  return tf::plugin::ServePlugin(options, &provider);
}
