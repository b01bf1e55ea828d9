#include "provider/framework/testing/fakes.h"

namespace tf::testing {

std::function<std::unique_ptr<Resource>()> FakeResourceFactory(
    std::shared_ptr<const FakeResourceScript> script) {
  return [script]() -> std::unique_ptr<Resource> {
    if (script->identity_schema.has_value()) {
      return std::make_unique<FakeIdentityResource>(script);
    }
    if (script->with_capabilities) {
      return std::make_unique<FakeResourceWithCapabilities>(script);
    }
    return std::make_unique<FakeResource>(script);
  };
}

std::vector<std::function<std::unique_ptr<Resource>()>>
FakeProvider::Resources() {
  std::vector<std::function<std::unique_ptr<Resource>()>> out;
  for (const auto& s : script_.resources) out.push_back(FakeResourceFactory(s));
  return out;
}

std::vector<std::function<std::unique_ptr<DataSource>()>>
FakeProvider::DataSources() {
  std::vector<std::function<std::unique_ptr<DataSource>()>> out;
  for (const auto& s : script_.data_sources) {
    out.push_back([s]() -> std::unique_ptr<DataSource> {
      return std::make_unique<FakeDataSource>(s);
    });
  }
  return out;
}

std::vector<std::function<std::unique_ptr<Function>()>>
FakeProvider::Functions() {
  std::vector<std::function<std::unique_ptr<Function>()>> out;
  for (const auto& s : script_.functions) {
    out.push_back([s]() -> std::unique_ptr<Function> {
      return std::make_unique<FakeFunction>(s);
    });
  }
  return out;
}

std::vector<std::function<std::unique_ptr<EphemeralResource>()>>
FakeProvider::EphemeralResources() {
  std::vector<std::function<std::unique_ptr<EphemeralResource>()>> out;
  for (const auto& s : script_.ephemeral_resources) {
    out.push_back([s]() -> std::unique_ptr<EphemeralResource> {
      if (s->with_lifecycle) {
        return std::make_unique<FakeEphemeralResourceWithLifecycle>(s);
      }
      return std::make_unique<FakeEphemeralResource>(s);
    });
  }
  return out;
}

}  // namespace tf::testing
