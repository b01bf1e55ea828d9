// terraform-provider-tftest: a test-only provider built on the framework
// (never shipped). Resource tftest_thing and data source tftest_lookup over
// a JSON-file store named by env TFTEST_STORE; function
// provider::tftest::shout and ephemeral resource tftest_token, whose
// Open/Renew/Close append a line (never a value) to "<TFTEST_STORE>.journal".
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "provider/framework/sdk/sdk.h"
#include "provider/framework/serve.h"
#include "tests/e2e/framework/tftest/thing_store.h"

namespace tftest {
namespace {

using tf::Presence;
using tf::Type;
using tf::Value;

std::shared_ptr<ThingStore> StoreFrom(const std::any& data,
                                      tf::Diagnostics& diags) {
  const auto* store = std::any_cast<std::shared_ptr<ThingStore>>(&data);
  if (store == nullptr) {
    diags.AddError("Unexpected provider data", "This is a test provider bug.");
    return nullptr;
  }
  return *store;
}

Value SizeValue(const std::optional<std::string>& size) {
  if (!size) return Value::Null(Type::Number());
  absl::StatusOr<tf::Number> n = tf::Number::FromString(*size);
  return n.ok() ? Value::Num(*n) : Value::Null(Type::Number());
}

Value Summary(const Value& size) {
  if (!size.IsKnown()) return Value::Unknown(Type::String());
  if (size.IsNull()) return Value::String("no size");
  return Value::String(absl::StrCat("size is ", size.AsNumber().ToString()));
}

// Fills name/size/tags/secret of `t` from a plan value.
void FromPlan(const Value& plan, Thing& t) {
  t.name = plan.Attr("name").AsString();
  const Value& size = plan.Attr("size");
  t.size =
      size.IsNull() ? std::nullopt : std::optional(size.AsNumber().ToString());
  const Value& tags = plan.Attr("tags");
  if (tags.IsNull()) {
    t.tags.reset();
  } else {
    std::vector<std::string> out;
    for (const Value& e : tags.Elements()) out.push_back(e.AsString());
    t.tags = out;
  }
  const Value& secret = plan.Attr("secret");
  t.secret = secret.IsNull() ? std::nullopt : std::optional(secret.AsString());
}

Value ToValue(const Thing& t) {
  Value tags = Value::Null(Type::List(Type::String()));
  if (t.tags) {
    std::vector<Value> elems;
    for (const std::string& s : *t.tags) elems.push_back(Value::String(s));
    tags = Value::List(Type::String(), std::move(elems));
  }
  Value size = SizeValue(t.size);
  return Value::Object({{"id", Value::String(t.id)},
                        {"name", Value::String(t.name)},
                        {"size", size},
                        {"tags", tags},
                        {"secret", t.secret ? Value::String(*t.secret)
                                            : Value::Null(Type::String())},
                        {"password_wo", Value::Null(Type::String())},
                        {"created_at", Value::String(t.created_at)},
                        {"summary", Summary(size)}});
}

class ThingResource final : public tf::Resource,
                            public tf::WithConfigure,
                            public tf::WithImportState,
                            public tf::WithModifyPlan {
 public:
  std::string TypeName() const override { return "tftest_thing"; }

  tf::Schema GetSchema() const override {
    return tf::Schema{
        .version = 0,
        .block = {.attributes =
                      {{.name = "name",
                        .type = Type::String(),
                        .presence = Presence::kRequired,
                        .description = "Name; changing it replaces the thing.",
                        .plan_modifiers = {tf::RequiresReplace()},
                        .validators = {tf::StringLengthBetween(1, 64)}},
                       {.name = "size",
                        .type = Type::Number(),
                        .presence = Presence::kOptional},
                       {.name = "tags",
                        .type = Type::List(Type::String()),
                        .presence = Presence::kOptional},
                       {.name = "secret",
                        .type = Type::String(),
                        .presence = Presence::kOptional,
                        .sensitive = true},
                       {.name = "password_wo",
                        .type = Type::String(),
                        .presence = Presence::kOptional,
                        .sensitive = true,
                        .write_only = true,
                        .description = "Write-only: sent on create and update, "
                                       "never stored in state."},
                       {.name = "id",
                        .type = Type::String(),
                        .presence = Presence::kComputed,
                        .plan_modifiers = {tf::UseStateForUnknown()}},
                       {.name = "created_at",
                        .type = Type::String(),
                        .presence = Presence::kComputed,
                        .plan_modifiers = {tf::UseStateForUnknown()}},
                       {.name = "summary",
                        .type = Type::String(),
                        .presence = Presence::kComputed}},
                  .description = "A thing kept in the test store."}};
  }

  void Configure(const std::any& data, tf::Diagnostics& diags) override {
    store_ = StoreFrom(data, diags);
  }

  void Create(const tf::Context&, const tf::CreateRequest& req,
              tf::CreateResponse& resp) override {
    if (!Ready(resp.diagnostics)) return;
    Thing t;
    FromPlan(req.plan, t);
    if (!req.config.Attr("password_wo").IsNull()) t.password_writes = 1;
    absl::StatusOr<Thing> created = store_->Create(t);
    if (!created.ok()) {
      resp.diagnostics.AddError("Cannot create thing",
                                std::string(created.status().message()));
      return;
    }
    resp.state = resp.state.WithAttr("id", Value::String(created->id))
                     .WithAttr("created_at", Value::String(created->created_at))
                     .WithAttr("summary", Summary(req.plan.Attr("size")));
  }

  void Read(const tf::Context&, const tf::ReadRequest& req,
            tf::ReadResponse& resp) override {
    if (!Ready(resp.diagnostics)) return;
    absl::StatusOr<Thing> t = store_->Get(req.state.Attr("id").AsString());
    if (absl::IsNotFound(t.status())) {
      resp.RemoveResource();
      return;
    }
    if (!t.ok()) {
      resp.diagnostics.AddError("Cannot read thing",
                                std::string(t.status().message()));
      return;
    }
    resp.state = ToValue(*t);
  }

  void Update(const tf::Context&, const tf::UpdateRequest& req,
              tf::UpdateResponse& resp) override {
    if (!Ready(resp.diagnostics)) return;
    absl::StatusOr<Thing> t = store_->Get(req.state.Attr("id").AsString());
    if (!t.ok()) {
      resp.diagnostics.AddError("Cannot update thing",
                                std::string(t.status().message()));
      return;
    }
    FromPlan(req.plan, *t);
    if (!req.config.Attr("password_wo").IsNull()) ++t->password_writes;
    if (absl::Status s = store_->Update(*t); !s.ok()) {
      resp.diagnostics.AddError("Cannot update thing",
                                std::string(s.message()));
      return;
    }
    resp.state = resp.state.WithAttr("summary", Summary(req.plan.Attr("size")));
  }

  void Delete(const tf::Context&, const tf::DeleteRequest& req,
              tf::DeleteResponse& resp) override {
    if (!Ready(resp.diagnostics)) return;
    absl::Status s = store_->Delete(req.state.Attr("id").AsString());
    if (!s.ok() && !absl::IsNotFound(s)) {
      resp.diagnostics.AddError("Cannot delete thing",
                                std::string(s.message()));
    }
  }

  void ImportState(const tf::Context&, const tf::ImportStateRequest& req,
                   tf::ImportStateResponse& resp) override {
    tf::ImportStatePassthroughID(tf::Path::Root("id"), req, resp);
  }

  // summary only changes when size does.
  void ModifyPlan(const tf::Context&, const tf::ModifyPlanRequest& req,
                  tf::ModifyPlanResponse& resp) override {
    if (req.state.IsNull() || req.plan.IsNull()) return;
    if (req.plan.Attr("size") == req.state.Attr("size")) {
      resp.plan = resp.plan.WithAttr("summary", req.state.Attr("summary"));
    } else {
      resp.plan = resp.plan.WithAttr("summary", Summary(req.plan.Attr("size")));
    }
  }

 private:
  bool Ready(tf::Diagnostics& diags) const {
    if (store_ != nullptr) return true;
    diags.AddError("Provider not configured",
                   "The tftest provider was not configured.");
    return false;
  }
  std::shared_ptr<ThingStore> store_;
};

class LookupDataSource final : public tf::DataSource, public tf::WithConfigure {
 public:
  std::string TypeName() const override { return "tftest_lookup"; }
  tf::Schema GetSchema() const override {
    return tf::Schema{
        .block = {.attributes = {{.name = "name",
                                  .type = Type::String(),
                                  .presence = Presence::kRequired},
                                 {.name = "id",
                                  .type = Type::String(),
                                  .presence = Presence::kComputed},
                                 {.name = "size",
                                  .type = Type::Number(),
                                  .presence = Presence::kComputed}}}};
  }
  void Configure(const std::any& data, tf::Diagnostics& diags) override {
    store_ = StoreFrom(data, diags);
  }
  void Read(const tf::Context&, const tf::DataSourceReadRequest& req,
            tf::DataSourceReadResponse& resp) override {
    if (store_ == nullptr) {
      resp.diagnostics.AddError("Provider not configured", "");
      return;
    }
    absl::StatusOr<Thing> t =
        store_->FindByName(req.config.Attr("name").AsString());
    if (!t.ok()) {
      resp.diagnostics.AddAttributeError(tf::Path::Root("name"),
                                         "Thing not found",
                                         std::string(t.status().message()));
      return;
    }
    resp.state = resp.state.WithAttr("id", Value::String(t->id))
                     .WithAttr("size", SizeValue(t->size));
  }

 private:
  std::shared_ptr<ThingStore> store_;
};

// provider::tftest::shout(input, suffixes...): input upper-cased, then each
// suffix; an empty input is an error on argument 0.
class ShoutFunction final : public tf::Function {
 public:
  std::string Name() const override { return "shout"; }
  tf::FunctionDefinition Definition() const override {
    return {.parameters = {{.name = "input",
                            .type = Type::String(),
                            .description = "The text to shout."}},
            .variadic_parameter = tf::FunctionParameter{.name = "suffixes",
                                                        .type = Type::String()},
            .return_type = Type::String(),
            .summary = "Upper-cases a string",
            .description = "Returns `input` upper-cased, then each suffix."};
  }
  void Run(const tf::Context&, const tf::FunctionRunRequest& req,
           tf::FunctionRunResponse& resp) override {
    std::string s = req.arguments[0].AsString();
    if (s.empty()) {
      resp.error =
          tf::FunctionError{.text = "input must not be empty", .argument = 0};
      return;
    }
    for (char& c : s) c = static_cast<char>(std::toupper(c));
    for (const Value& v : req.variadic_arguments) s += v.AsString();
    resp.result = Value::String(s);
  }
};

// Appends one line to "<TFTEST_STORE>.journal", so the e2e test can see
// which ephemeral calls happened. Never writes a value.
void Journal(const std::string& line) {
  const char* path = std::getenv("TFTEST_STORE");
  if (path == nullptr || *path == '\0') return;
  std::ofstream(std::string(path) + ".journal", std::ios::app) << line << "\n";
}

// ephemeral "tftest_token": a token derived from `name` (never stored), with
// a private lease handed from Open to Renew and Close.
class TokenEphemeralResource final : public tf::EphemeralResource,
                                     public tf::WithConfigure,
                                     public tf::WithEphemeralRenew,
                                     public tf::WithEphemeralClose {
 public:
  std::string TypeName() const override { return "tftest_token"; }
  tf::Schema GetSchema() const override {
    return tf::Schema{
        .block = {
            .attributes = {{.name = "name",
                            .type = Type::String(),
                            .presence = Presence::kRequired,
                            .validators = {tf::StringLengthBetween(1, 32)}},
                           {.name = "token",
                            .type = Type::String(),
                            .presence = Presence::kComputed,
                            .sensitive = true}},
            .description = "A short-lived token."}};
  }
  void Configure(const std::any& data, tf::Diagnostics& diags) override {
    configured_ = StoreFrom(data, diags) != nullptr;
  }
  void Open(const tf::Context&, const tf::OpenEphemeralRequest& req,
            tf::OpenEphemeralResponse& resp) override {
    if (!configured_) {
      resp.diagnostics.AddError("Provider not configured",
                                "The tftest provider was not configured.");
      return;
    }
    const std::string name = req.config.Attr("name").AsString();
    resp.result = resp.result.WithAttr(
        "token", Value::String("eph-token-" + name + "-x9"));
    resp.private_data = "eph-lease-" + name;
    resp.renew_at = std::chrono::system_clock::now() + std::chrono::hours(1);
    Journal("open " + name);
  }
  void Renew(const tf::Context&, const tf::RenewEphemeralRequest& req,
             tf::RenewEphemeralResponse& resp) override {
    Journal(req.private_data.rfind("eph-lease-", 0) == 0 ? "renew ok"
                                                         : "renew bad-lease");
    resp.renew_at = std::chrono::system_clock::now() + std::chrono::hours(1);
  }
  void Close(const tf::Context&, const tf::CloseEphemeralRequest& req,
             tf::CloseEphemeralResponse&) override {
    Journal(req.private_data.rfind("eph-lease-", 0) == 0 ? "close ok"
                                                         : "close bad-lease");
  }

 private:
  bool configured_ = false;
};

class TftestProvider final : public tf::Provider,
                             public tf::WithFunctions,
                             public tf::WithEphemeralResources {
 public:
  std::string TypeName() const override { return "tftest"; }
  tf::Schema GetSchema() const override { return {}; }
  void Configure(const tf::Context&, const tf::ConfigureProviderRequest&,
                 tf::ConfigureProviderResponse& resp) override {
    const char* path = std::getenv("TFTEST_STORE");
    if (path == nullptr || *path == '\0') {
      resp.diagnostics.AddError("TFTEST_STORE not set",
                                "Set TFTEST_STORE to the store file path.");
      return;
    }
    resp.provider_data = std::make_shared<ThingStore>(path);
  }
  std::vector<std::function<std::unique_ptr<tf::Resource>()>> Resources()
      override {
    return {[] { return std::make_unique<ThingResource>(); }};
  }
  std::vector<std::function<std::unique_ptr<tf::DataSource>()>> DataSources()
      override {
    return {[] { return std::make_unique<LookupDataSource>(); }};
  }
  std::vector<std::function<std::unique_ptr<tf::Function>()>> Functions()
      override {
    return {[] { return std::make_unique<ShoutFunction>(); }};
  }
  std::vector<std::function<std::unique_ptr<tf::EphemeralResource>()>>
  EphemeralResources() override {
    return {[] { return std::make_unique<TokenEphemeralResource>(); }};
  }
};

}  // namespace
}  // namespace tftest

int main(int argc, char** argv) {
  return tf::Serve(
      argc, argv, [] { return std::make_unique<tftest::TftestProvider>(); },
      {.address = "registry.terraform.io/tftest/tftest", .version = "0.0.1"});
}
