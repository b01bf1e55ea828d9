// serve.h: the public entry of the framework: turn a Provider into a plugin
// binary the terraform CLI can launch.
//
//   int main(int argc, char** argv) {
//     return tf::Serve(argc, argv,
//                      [] { return std::make_unique<UnionProvider>(); },
//                      {.address = "registry.terraform.io/unionai/union",
//                       .version = "0.1.0"});
//   }
// Flags: --version prints the version and exits 0; --debug serves in debug
// (reattach) mode and prints TF_REATTACH_PROVIDERS for the user. Otherwise
// it serves the plugin protocol as go-plugin does (see plugin/).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "provider/framework/sdk/provider.h"

namespace tf {

struct ServeOptions {
  // Registry address, e.g. "registry.terraform.io/unionai/union" (the
  // debug reattach key).
  std::string address{};
  std::string version{};
};

// Returns the process exit code.
[[nodiscard]] int Serve(int argc, char** argv,
                        std::function<std::unique_ptr<Provider>()> factory,
                        ServeOptions options);

}  // namespace tf
