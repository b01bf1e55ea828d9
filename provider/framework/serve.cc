// tf::Serve: flags, then the proto6 service served by the plugin layer.
#include "provider/framework/serve.h"

#include <iostream>
#include <utility>

#include "CLI/CLI.hpp"
#include "grpcpp/impl/service_type.h"
#include "provider/framework/log/log.h"
#include "provider/framework/plugin/serve_plugin.h"
#include "provider/framework/proto6/provider_service.h"

namespace tf {

int Serve(int argc, char** argv,
          std::function<std::unique_ptr<Provider>()> factory,
          ServeOptions options) {
  CLI::App app{"Terraform provider " + options.address +
               ". Run it through terraform; --debug serves for a debugger."};
  bool debug = false;
  bool version = false;
  app.add_flag("--debug", debug,
               "serve in debug mode and print TF_REATTACH_PROVIDERS");
  app.add_flag("--version", version, "print the version and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);  // --help prints usage and returns 0
  }
  if (version) {
    std::cout << options.version << std::endl;
    return 0;
  }
  std::unique_ptr<Provider> provider = factory();
  if (provider == nullptr) {
    std::cerr << "provider factory returned no provider" << std::endl;
    return 1;
  }
  tf::log::Debug("starting provider",
                 {{"address", options.address}, {"version", options.version}});
  std::unique_ptr<grpc::Service> service =
      proto6::NewProviderService(std::move(provider));
  plugin::PluginOptions plugin_options{
      .address = options.address, .debug = debug, .on_shutdown = {}};
  return plugin::ServePlugin(plugin_options, service.get());
}

}  // namespace tf
