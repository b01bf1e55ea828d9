#include "provider/framework/testing/fakes.h"

namespace tf::testing {

std::function<std::unique_ptr<Resource>()> FakeResourceFactory(
    std::shared_ptr<const FakeResourceScript> script) {
  return [script]() -> std::unique_ptr<Resource> {
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

}  // namespace tf::testing
