// main.cc: terraform-provider-union: serves the Union provider over the
// Terraform plugin protocol (see provider/framework/serve.h).
#include "provider/framework/serve.h"
#include "provider/union/provider.h"

int main(int argc, char** argv) {
  return tf::Serve(argc, argv, union_provider::NewProvider,
                   {.address = TFPU_PROVIDER_ADDRESS,
                    .version = TFPU_PROVIDER_VERSION});
}
