#include "provider/framework/testing/fakes.h"

namespace tf::testing {
namespace {

// One factory per script of `scripts`, each making `make(script)`.
template <typename Base, typename Scripts, typename Make>
std::vector<std::function<std::unique_ptr<Base>()>> FactoriesOf(
    const Scripts& scripts, Make make) {
  std::vector<std::function<std::unique_ptr<Base>()>> out;
  for (const auto& s : scripts) {
    out.push_back([s, make]() -> std::unique_ptr<Base> { return make(s); });
  }
  return out;
}

}  // namespace

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
  return FactoriesOf<DataSource>(script_.data_sources, [](const auto& s) {
    return std::make_unique<FakeDataSource>(s);
  });
}

std::vector<std::function<std::unique_ptr<Function>()>>
FakeProvider::Functions() {
  return FactoriesOf<Function>(script_.functions, [](const auto& s) {
    return std::make_unique<FakeFunction>(s);
  });
}

std::vector<std::function<std::unique_ptr<EphemeralResource>()>>
FakeProvider::EphemeralResources() {
  return FactoriesOf<EphemeralResource>(
      script_.ephemeral_resources,
      [](const auto& s) -> std::unique_ptr<EphemeralResource> {
        if (s->with_lifecycle) {
          return std::make_unique<FakeEphemeralResourceWithLifecycle>(s);
        }
        return std::make_unique<FakeEphemeralResource>(s);
      });
}

}  // namespace tf::testing
