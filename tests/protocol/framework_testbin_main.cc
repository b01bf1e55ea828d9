// framework_testbin_main.cc: tf_framework_testbin, a provider built on the
// framework (tf::Serve) for the protocol tests of functions, ephemeral
// resources and resource identity. State lives in the process only.
//   function  provider::fwtest::join(sep, parts...)  (empty sep: error on 0)
//   ephemeral fwtest_secret {name; value computed}: private "p-<name>",
//             renew_at 2100-01-01T00:00:00Z; Renew appends "+r"; Close
//             fails unless the private data starts with "p-"
//   resource  fwtest_item {name; id computed}, identity {key} version 1
//             (version 0 stored {"id": ...} is upgraded); import by id or
//             identity
//   resource  fwtest_plain {name; id computed}, no identity
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "provider/framework/sdk/sdk.h"
#include "provider/framework/serve.h"
#include "provider/framework/types/json.h"

namespace {

using tf::Presence;
using tf::Type;
using tf::Value;

constexpr std::chrono::seconds kRenewAt(4'102'444'800);  // 2100-01-01

class JoinFunction final : public tf::Function {
 public:
  std::string Name() const override { return "join"; }
  tf::FunctionDefinition Definition() const override {
    return {
        .parameters = {{.name = "sep",
                        .type = Type::String(),
                        .description = "Separator."}},
        .variadic_parameter = tf::FunctionParameter{.name = "parts",
                                                    .type = Type::String(),
                                                    .allow_null_value = true},
        .return_type = Type::String(),
        .summary = "Joins strings",
        .description = "Joins `parts` with `sep`; null parts are skipped.",
        .deprecation_message = ""};
  }
  void Run(const tf::Context&, const tf::FunctionRunRequest& req,
           tf::FunctionRunResponse& resp) override {
    const std::string sep = req.arguments[0].AsString();
    if (sep.empty()) {
      resp.error =
          tf::FunctionError{.text = "sep must not be empty", .argument = 0};
      return;
    }
    std::string out;
    bool first = true;
    for (const Value& v : req.variadic_arguments) {
      if (v.IsNull()) continue;
      if (!first) out += sep;
      out += v.AsString();
      first = false;
    }
    resp.result = Value::String(out);
  }
};

class SecretEphemeral final : public tf::EphemeralResource,
                              public tf::WithEphemeralRenew,
                              public tf::WithEphemeralClose {
 public:
  std::string TypeName() const override { return "fwtest_secret"; }
  tf::Schema GetSchema() const override {
    return {.block = {
                .attributes = {{.name = "name",
                                .type = Type::String(),
                                .presence = Presence::kRequired,
                                .validators = {tf::StringLengthBetween(1, 8)}},
                               {.name = "value",
                                .type = Type::String(),
                                .presence = Presence::kComputed,
                                .sensitive = true}}}};
  }
  void Open(const tf::Context&, const tf::OpenEphemeralRequest& req,
            tf::OpenEphemeralResponse& resp) override {
    const std::string name = req.config.Attr("name").AsString();
    resp.result = resp.result.WithAttr("value", Value::String("v-" + name));
    resp.private_data = "p-" + name;
    resp.renew_at = std::chrono::system_clock::time_point(kRenewAt);
  }
  void Renew(const tf::Context&, const tf::RenewEphemeralRequest& req,
             tf::RenewEphemeralResponse& resp) override {
    resp.private_data = req.private_data + "+r";
    resp.renew_at = std::chrono::system_clock::time_point(kRenewAt);
  }
  void Close(const tf::Context&, const tf::CloseEphemeralRequest& req,
             tf::CloseEphemeralResponse& resp) override {
    if (req.private_data.rfind("p-", 0) != 0) {
      resp.diagnostics.AddError("Unknown lease",
                                "Close received private data it never issued.");
    }
  }
};

tf::Schema ItemSchema() {
  return {.block = {
              .attributes = {{.name = "name",
                              .type = Type::String(),
                              .presence = Presence::kRequired},
                             {.name = "id",
                              .type = Type::String(),
                              .presence = Presence::kComputed,
                              .plan_modifiers = {tf::UseStateForUnknown()}}}}};
}

class ItemResource : public tf::Resource, public tf::WithImportState {
 public:
  explicit ItemResource(std::string type_name)
      : type_name_(std::move(type_name)) {}
  std::string TypeName() const override { return type_name_; }
  tf::Schema GetSchema() const override { return ItemSchema(); }
  void Create(const tf::Context&, const tf::CreateRequest& req,
              tf::CreateResponse& resp) override {
    const std::string id = "item-" + req.plan.Attr("name").AsString();
    resp.state = resp.state.WithAttr("id", Value::String(id));
    SetIdentity(id, resp.identity);
  }
  void Read(const tf::Context&, const tf::ReadRequest& req,
            tf::ReadResponse& resp) override {
    const std::string id = req.state.Attr("id").AsString();
    if (id == "item-gone") {
      resp.RemoveResource();
      return;
    }
    if (req.state.Attr("name").IsNull()) {  // just imported
      resp.state = resp.state.WithAttr("name", Value::String(id.substr(5)));
    }
    SetIdentity(id, resp.identity);
  }
  void Update(const tf::Context&, const tf::UpdateRequest&,
              tf::UpdateResponse&) override {}
  void Delete(const tf::Context&, const tf::DeleteRequest&,
              tf::DeleteResponse&) override {}
  void ImportState(const tf::Context&, const tf::ImportStateRequest& req,
                   tf::ImportStateResponse& resp) override {
    if (req.identity.IsNull()) {
      tf::ImportStatePassthroughID(tf::Path::Root("id"), req, resp);
    } else {
      tf::ImportStatePassthroughWithIdentity(tf::Path::Root("id"), "key", req,
                                             resp);
    }
  }

 protected:
  virtual void SetIdentity(const std::string&, Value&) const {}

 private:
  std::string type_name_;
};

class IdentityItemResource final : public ItemResource,
                                   public tf::WithIdentity,
                                   public tf::WithUpgradeIdentity {
 public:
  IdentityItemResource() : ItemResource("fwtest_item") {}
  tf::IdentitySchema GetIdentitySchema() const override {
    return {.version = 1,
            .attributes = {{.name = "key",
                            .type = Type::String(),
                            .required_for_import = true,
                            .description = "The item id."}}};
  }
  void UpgradeIdentity(const tf::Context&,
                       const tf::UpgradeIdentityRequest& req,
                       tf::UpgradeIdentityResponse& resp) override {
    absl::StatusOr<Value> old =
        tf::DecodeJson(req.raw_json, Type::Object({{"id", Type::String()}}));
    if (!old.ok()) {
      resp.diagnostics.AddError("Cannot upgrade identity",
                                std::string(old.status().message()));
      return;
    }
    resp.identity = Value::Object({{"key", old->Attr("id")}});
  }

 protected:
  void SetIdentity(const std::string& id, Value& identity) const override {
    identity = Value::Object({{"key", Value::String(id)}});
  }
};

class FwtestProvider final : public tf::Provider,
                             public tf::WithFunctions,
                             public tf::WithEphemeralResources {
 public:
  std::string TypeName() const override { return "fwtest"; }
  tf::Schema GetSchema() const override { return {}; }
  void Configure(const tf::Context&, const tf::ConfigureProviderRequest&,
                 tf::ConfigureProviderResponse&) override {}
  std::vector<std::function<std::unique_ptr<tf::Resource>()>> Resources()
      override {
    return {[] { return std::make_unique<IdentityItemResource>(); },
            [] { return std::make_unique<ItemResource>("fwtest_plain"); }};
  }
  std::vector<std::function<std::unique_ptr<tf::DataSource>()>> DataSources()
      override {
    return {};
  }
  std::vector<std::function<std::unique_ptr<tf::Function>()>> Functions()
      override {
    return {[] { return std::make_unique<JoinFunction>(); }};
  }
  std::vector<std::function<std::unique_ptr<tf::EphemeralResource>()>>
  EphemeralResources() override {
    return {[] { return std::make_unique<SecretEphemeral>(); }};
  }
};

}  // namespace

int main(int argc, char** argv) {
  return tf::Serve(argc, argv,
                   [] { return std::make_unique<FwtestProvider>(); },
                   {.address = "registry.terraform.io/tfpu-test/fwtest",
                    .version = "0.0.1"});
}
