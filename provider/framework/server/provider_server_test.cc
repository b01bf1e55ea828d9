// ProviderServer driven end to end with scripted fakes: each RPC's
// semantics, without any protocol.
#include "provider/framework/server/provider_server.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "provider/framework/server/test_schema.h"
#include "provider/framework/testing/fakes.h"
#include "provider/framework/types/number.h"

namespace tf::server::test {
namespace {

using tf::testing::FakeDataSourceScript;
using tf::testing::FakeProvider;
using tf::testing::FakeProviderScript;
using tf::testing::FakeResourceScript;

bool HasErrorAt(const Diagnostics& d, const std::string& path) {
  for (const Diagnostic& x : d.items()) {
    if (x.severity == Severity::kError && x.attribute &&
        x.attribute->ToString() == path) {
      return true;
    }
  }
  return false;
}

bool HasErrorSummary(const Diagnostics& d, const std::string& summary) {
  for (const Diagnostic& x : d.items()) {
    if (x.severity == Severity::kError && x.summary == summary) return true;
  }
  return false;
}

class ProviderServerTest : public ::testing::Test {
 protected:
  ProviderServerTest() {
    thing_ = std::make_shared<FakeResourceScript>();
    thing_->schema = test::ThingSchema();
    thing_->create = [](const CreateRequest& req, CreateResponse& resp) {
      // The write-only secret arrives through config only.
      std::string summary =
          req.config.Attr("secret").IsNull() ? "no-secret" : "secret";
      resp.state =
          resp.state.WithAttr("id", S("id-1")).WithAttr("summary", S(summary));
    };
    thing_->update = [](const UpdateRequest&, UpdateResponse& resp) {
      resp.state = resp.state.WithAttr("summary", S("updated"));
    };
    thing_->import_state = [](const ImportStateRequest& req,
                              ImportStateResponse& resp) {
      ImportStatePassthroughID(Path::Root("id"), req, resp);
    };
    lookup_ = std::make_shared<FakeDataSourceScript>();
    lookup_->schema =
        Schema{.block = {.attributes = {{.name = "name",
                                         .type = Type::String(),
                                         .presence = Presence::kRequired},
                                        {.name = "id",
                                         .type = Type::String(),
                                         .presence = Presence::kComputed}}}};
    lookup_->read = [](const DataSourceReadRequest& req,
                       DataSourceReadResponse& resp) {
      resp.state = resp.state.WithAttr(
          "id", S("id-of-" + req.config.Attr("name").AsString()));
    };
  }

  ProviderServer& Server() {
    if (server_ == nullptr) {
      FakeProviderScript p;
      p.schema =
          Schema{.block = {.attributes = {{.name = "endpoint",
                                           .type = Type::String(),
                                           .presence = Presence::kOptional}}}};
      p.configure = [](const tf::ConfigureProviderRequest& req,
                       tf::ConfigureProviderResponse& resp) {
        resp.provider_data = req.config.Attr("endpoint").IsNull()
                                 ? std::string("default")
                                 : req.config.Attr("endpoint").AsString();
      };
      p.resources = {thing_};
      p.data_sources = {lookup_};
      server_ =
          std::make_unique<ProviderServer>(std::make_unique<FakeProvider>(p));
    }
    return *server_;
  }

  PlanResourceChangeResponse Plan(const Value& prior, const Value& config) {
    // Terraform's proposed new state: config, with computed attributes
    // that are null in config taken from the prior state.
    Value proposed = config;
    if (!prior.IsNull() && !config.IsNull()) {
      for (const char* a : {"mode", "id", "summary"}) {
        if (config.Attr(a).IsNull())
          proposed = proposed.WithAttr(a, prior.Attr(a));
      }
    }
    return Server().PlanResourceChange({.type_name = "fake_thing",
                                        .prior_state = prior,
                                        .proposed_new_state = proposed,
                                        .config = config,
                                        .prior_private = "priv"});
  }

  // Creates a fake_thing: the plan for `config`, then its apply.
  ApplyResourceChangeResponse ApplyCreate(const Value& config) {
    const Value none = Value::Null(ThingSchema().ValueType());
    return Server().ApplyResourceChange(
        {.type_name = "fake_thing",
         .prior_state = none,
         .planned_state = Plan(none, config).planned_state,
         .config = config});
  }

  // Deletes a fake_thing stored as `prior`: a null plan and config.
  ApplyResourceChangeResponse ApplyDelete(const Value& prior) {
    const Value none = Value::Null(ThingSchema().ValueType());
    return Server().ApplyResourceChange({.type_name = "fake_thing",
                                         .prior_state = prior,
                                         .planned_state = none,
                                         .config = none});
  }

  std::shared_ptr<FakeResourceScript> thing_;
  std::shared_ptr<FakeDataSourceScript> lookup_;
  std::unique_ptr<ProviderServer> server_;
};

const Value kNullThing = Value::Null(test::ThingSchema().ValueType());

TEST_F(ProviderServerTest, SchemaLookup) {
  const TypeSchemas* thing = Server().FindType(Kind::kResource, "fake_thing");
  ASSERT_NE(thing, nullptr);
  EXPECT_TRUE(thing->type == test::ThingSchema().ValueType());
  EXPECT_EQ(Server().FindType(Kind::kResource, "nope"), nullptr);
  EXPECT_EQ(Server().FindType(Kind::kDataSource, "fake_thing"), nullptr);
  EXPECT_NE(Server().FindType(Kind::kDataSource, "fake_lookup"), nullptr);
  EXPECT_TRUE(Server().ProviderType() == Server().ProviderSchema().ValueType());
  GetProviderSchemaResponse s = Server().GetProviderSchema();
  EXPECT_TRUE(s.diagnostics.empty());
  EXPECT_EQ(s.resources.size(), 1u);
  EXPECT_EQ(s.data_sources.size(), 1u);
  EXPECT_EQ(s.resources.at("fake_thing").version, 2);
}

TEST_F(ProviderServerTest, InvalidSchemaIsReported) {
  thing_->schema.block.attributes.push_back(
      {.name = "Bad", .type = Type::String()});
  GetProviderSchemaResponse s = Server().GetProviderSchema();
  ASSERT_TRUE(s.diagnostics.HasError());
  EXPECT_NE(s.diagnostics.items()[0].detail.find("fake_thing"),
            std::string::npos);
}

TEST_F(ProviderServerTest, WriteOnlyInDataSourceIsReported) {
  lookup_->schema.block.attributes.push_back({.name = "pw",
                                              .type = Type::String(),
                                              .presence = Presence::kOptional,
                                              .write_only = true});
  EXPECT_TRUE(Server().GetProviderSchema().diagnostics.HasError());
}

TEST_F(ProviderServerTest, UnknownTypeIsADiagnostic) {
  PlanResourceChangeResponse p =
      Server().PlanResourceChange({.type_name = "nope", .config = Thing({})});
  EXPECT_TRUE(HasErrorSummary(p.diagnostics, "Resource Type Not Found"));
  ReadDataSourceResponse d = Server().ReadDataSource({.type_name = "nope"});
  EXPECT_TRUE(HasErrorSummary(d.diagnostics, "Data Source Type Not Found"));
  UpgradeResourceStateResponse u = Server().UpgradeResourceState(
      {.type_name = "nope", .raw_state_json = "{}"});
  EXPECT_TRUE(u.diagnostics.HasError());
}

TEST_F(ProviderServerTest, PlanCreate) {
  Value config = Thing({{"name", S("a")}, {"secret", S("pw")}});
  PlanResourceChangeResponse r = Plan(kNullThing, config);
  EXPECT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.planned_state, Thing({{"name", S("a")},
                                    {"mode", S("fast")},
                                    {"id", UnkS()},
                                    {"summary", UnkS()}}));
  EXPECT_TRUE(r.requires_replace.empty());
  EXPECT_EQ(r.planned_private, "priv");
}

TEST_F(ProviderServerTest, NoOpPlanEqualsPriorState) {
  Value prior = StoredThing();
  PlanResourceChangeResponse r = Plan(prior, Thing({{"name", S("a")}}));
  EXPECT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.planned_state, prior);
  EXPECT_TRUE(r.requires_replace.empty());
}

TEST_F(ProviderServerTest, PlanUpdateKeepsStableComputed) {
  Value prior = StoredThing();
  PlanResourceChangeResponse r =
      Plan(prior, Thing({{"name", S("a")}, {"size", Value::Int(5)}}));
  EXPECT_FALSE(r.diagnostics.HasError());
  EXPECT_EQ(r.planned_state, Thing({{"name", S("a")},
                                    {"size", Value::Int(5)},
                                    {"mode", S("fast")},
                                    {"id", S("1")},
                                    {"summary", UnkS()}}));
  EXPECT_TRUE(r.requires_replace.empty());
}

TEST_F(ProviderServerTest, PlanReplace) {
  Value prior = StoredThing();
  PlanResourceChangeResponse r = Plan(prior, Thing({{"name", S("b")}}));
  EXPECT_FALSE(r.diagnostics.HasError());
  ASSERT_EQ(r.requires_replace.size(), 1u);
  EXPECT_EQ(r.requires_replace[0].ToString(), "name");
}

TEST_F(ProviderServerTest, PlanDestroy) {
  bool modify_called = false;
  thing_->modify_plan = [&](const ModifyPlanRequest& req, ModifyPlanResponse&) {
    modify_called = true;
    EXPECT_TRUE(req.plan.IsNull());
  };
  PlanResourceChangeResponse r =
      Plan(Thing({{"name", S("a")}, {"id", S("1")}}), kNullThing);
  EXPECT_FALSE(r.diagnostics.HasError());
  EXPECT_TRUE(r.planned_state.IsNull());
  EXPECT_TRUE(modify_called);
}

TEST_F(ProviderServerTest, ModifyPlanMayNotResurrectDestroy) {
  thing_->modify_plan = [](const ModifyPlanRequest&, ModifyPlanResponse& resp) {
    resp.plan = Thing({{"name", S("zombie")}});
  };
  PlanResourceChangeResponse r = Plan(Thing({{"name", S("a")}}), kNullThing);
  EXPECT_TRUE(r.diagnostics.HasError());
}

TEST_F(ProviderServerTest, ModifyPlanRequiresReplaceAndInvalidPlan) {
  thing_->modify_plan = [](const ModifyPlanRequest& req,
                           ModifyPlanResponse& resp) {
    if (req.state.IsNull()) return;
    resp.requires_replace.push_back(Path::Root("size"));
    resp.requires_replace.push_back(Path::Root("mode"));  // unchanged: dropped
  };
  Value prior = StoredThing();
  PlanResourceChangeResponse r =
      Plan(prior, Thing({{"name", S("a")}, {"size", Value::Int(3)}}));
  ASSERT_EQ(r.requires_replace.size(), 1u);
  EXPECT_EQ(r.requires_replace[0].ToString(), "size");

  thing_->modify_plan = [](const ModifyPlanRequest&, ModifyPlanResponse& resp) {
    resp.plan = resp.plan.WithAttr("size", Value::Int(99));
  };
  PlanResourceChangeResponse bad =
      Plan(prior, Thing({{"name", S("a")}, {"size", Value::Int(3)}}));
  EXPECT_TRUE(HasErrorAt(bad.diagnostics, "size"));
}

TEST_F(ProviderServerTest, ApplyCreateUpdateDelete) {
  Value config = Thing({{"name", S("a")}, {"secret", S("pw")}});
  Value planned = Plan(kNullThing, config).planned_state;
  ApplyResourceChangeResponse created =
      Server().ApplyResourceChange({.type_name = "fake_thing",
                                    .prior_state = kNullThing,
                                    .planned_state = planned,
                                    .config = config,
                                    .planned_private = "p1"});
  EXPECT_TRUE(created.diagnostics.empty());
  EXPECT_EQ(created.new_state, Thing({{"name", S("a")},
                                      {"mode", S("fast")},
                                      {"id", S("id-1")},
                                      {"summary", S("secret")}}));
  EXPECT_EQ(created.private_data, "p1");

  Value config2 = Thing({{"name", S("a")}, {"size", Value::Int(4)}});
  Value planned2 = Plan(created.new_state, config2).planned_state;
  ApplyResourceChangeResponse updated =
      Server().ApplyResourceChange({.type_name = "fake_thing",
                                    .prior_state = created.new_state,
                                    .planned_state = planned2,
                                    .config = config2});
  EXPECT_TRUE(updated.diagnostics.empty());
  EXPECT_EQ(updated.new_state.Attr("summary"), S("updated"));
  EXPECT_EQ(updated.new_state.Attr("id"), S("id-1"));

  bool deleted = false;
  thing_->del = [&](const DeleteRequest& req, DeleteResponse&) {
    deleted = true;
    EXPECT_EQ(req.state.Attr("id"), S("id-1"));
  };
  ApplyResourceChangeResponse gone = ApplyDelete(updated.new_state);
  EXPECT_TRUE(deleted);
  EXPECT_TRUE(gone.diagnostics.empty());
  EXPECT_TRUE(gone.new_state.IsNull());
}

TEST_F(ProviderServerTest, ApplyChangingKnownValueNamesAttribute) {
  thing_->create = [](const CreateRequest&, CreateResponse& resp) {
    resp.state = resp.state.WithAttr("id", S("x"))
                     .WithAttr("summary", S("s"))
                     .WithAttr("name", S("renamed"));
  };
  ApplyResourceChangeResponse r = ApplyCreate(Thing({{"name", S("a")}}));
  EXPECT_TRUE(HasErrorAt(r.diagnostics, "name"));
  EXPECT_TRUE(r.new_state.IsWhollyKnown());
}

TEST_F(ProviderServerTest, ApplyLeavingUnknownNamesAttribute) {
  thing_->create = [](const CreateRequest&, CreateResponse& resp) {
    resp.state = resp.state.WithAttr("id", S("x"));  // summary left unknown
  };
  ApplyResourceChangeResponse r = ApplyCreate(Thing({{"name", S("a")}}));
  EXPECT_TRUE(HasErrorAt(r.diagnostics, "summary"));
  EXPECT_TRUE(r.new_state.IsWhollyKnown());  // answered with unknowns nulled
}

TEST_F(ProviderServerTest, ApplyFailedCreateReturnsNull) {
  thing_->create = [](const CreateRequest&, CreateResponse& resp) {
    resp.diagnostics.AddError("boom", "remote said no");
  };
  ApplyResourceChangeResponse r = ApplyCreate(Thing({{"name", S("a")}}));
  EXPECT_TRUE(HasErrorSummary(r.diagnostics, "boom"));
  EXPECT_TRUE(r.new_state.IsNull());
}

TEST_F(ProviderServerTest, ApplyFailedDeleteKeepsPrior) {
  thing_->del = [](const DeleteRequest&, DeleteResponse& resp) {
    resp.diagnostics.AddError("boom", "");
  };
  Value prior = Thing({{"name", S("a")}, {"id", S("1")}});
  ApplyResourceChangeResponse r = ApplyDelete(prior);
  EXPECT_TRUE(r.diagnostics.HasError());
  EXPECT_EQ(r.new_state, prior);
}

TEST_F(ProviderServerTest, ReadGoneAndRefreshed) {
  Value prior = Thing({{"name", S("a")}, {"id", S("1")}, {"summary", S("s")}});
  thing_->read = [](const ReadRequest& req, ReadResponse& resp) {
    if (req.state.Attr("id") == S("1")) {
      resp.RemoveResource();
    } else {
      resp.state = resp.state.WithAttr("summary", S("fresh"));
    }
  };
  ReadResourceResponse gone = Server().ReadResource(
      {.type_name = "fake_thing", .current_state = prior});
  EXPECT_TRUE(gone.diagnostics.empty());
  EXPECT_TRUE(gone.new_state.IsNull());

  ReadResourceResponse fresh =
      Server().ReadResource({.type_name = "fake_thing",
                             .current_state = prior.WithAttr("id", S("2")),
                             .private_data = "keep"});
  EXPECT_EQ(fresh.new_state.Attr("summary"), S("fresh"));
  EXPECT_EQ(fresh.private_data, "keep");
}

TEST_F(ProviderServerTest, ReadMustBeWhollyKnown) {
  thing_->read = [](const ReadRequest&, ReadResponse& resp) {
    resp.state = resp.state.WithAttr("summary", UnkS());
  };
  ReadResourceResponse r = Server().ReadResource(
      {.type_name = "fake_thing", .current_state = Thing({{"id", S("1")}})});
  EXPECT_TRUE(HasErrorAt(r.diagnostics, "summary"));
}

TEST_F(ProviderServerTest, Import) {
  ImportResourceStateResponse r =
      Server().ImportResourceState({.type_name = "fake_thing", .id = "abc"});
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_EQ(r.imported_resources.size(), 1u);
  EXPECT_EQ(r.imported_resources[0].type_name, "fake_thing");
  EXPECT_EQ(r.imported_resources[0].state, Thing({{"id", S("abc")}}));
}

TEST_F(ProviderServerTest, ImportThatSetsNothingFails) {
  thing_->import_state = [](const ImportStateRequest&, ImportStateResponse&) {};
  ImportResourceStateResponse r =
      Server().ImportResourceState({.type_name = "fake_thing", .id = "abc"});
  EXPECT_TRUE(HasErrorSummary(r.diagnostics, "Missing Resource Import State"));
  EXPECT_TRUE(r.imported_resources.empty());
}

TEST_F(ProviderServerTest, ImportNotImplemented) {
  thing_->with_capabilities = false;
  ImportResourceStateResponse r =
      Server().ImportResourceState({.type_name = "fake_thing", .id = "abc"});
  EXPECT_TRUE(
      HasErrorSummary(r.diagnostics, "Resource Import Not Implemented"));
}

TEST_F(ProviderServerTest, UpgradePrettyAndCompactJson) {
  Value want =
      Thing({{"name", S("a")}, {"size", Value::Int(3)}, {"id", S("1")}});
  for (const std::string& json :
       {std::string(R"({"name":"a","size":3,"mode":null,"id":"1",)"
                    R"("summary":null,"secret":null})"),
        std::string(
            "{\n  \"name\": \"a\",\n  \"size\": 3,\n  \"id\": \"1\"\n}\n")}) {
    UpgradeResourceStateResponse r = Server().UpgradeResourceState(
        {.type_name = "fake_thing", .version = 2, .raw_state_json = json});
    EXPECT_TRUE(r.diagnostics.empty()) << json;
    EXPECT_EQ(r.upgraded_state, want) << json;
  }
}

TEST_F(ProviderServerTest, UpgradeFromOlderVersionDropsRemovedAttributes) {
  std::string json = R"({"name":"a","legacy_flag":true,"id":"1"})";
  UpgradeResourceStateResponse same = Server().UpgradeResourceState(
      {.type_name = "fake_thing", .version = 2, .raw_state_json = json});
  EXPECT_TRUE(same.diagnostics.HasError());  // strict at the same version
  UpgradeResourceStateResponse older = Server().UpgradeResourceState(
      {.type_name = "fake_thing", .version = 1, .raw_state_json = json});
  EXPECT_TRUE(older.diagnostics.empty());
  EXPECT_EQ(older.upgraded_state, Thing({{"name", S("a")}, {"id", S("1")}}));
}

// The lenient path keeps number text exactly: a DOM that parses integers
// beyond uint64 as double would write 123456789012345680000000000000 (fuzz
// regression fuzz_json_state/lenient-upgrade-big-number).
TEST_F(ProviderServerTest, UpgradeFromOlderVersionKeepsBigNumbersExact) {
  const std::string kBig = "123456789012345678901234567890";
  absl::StatusOr<Number> big = Number::FromString(kBig);
  ASSERT_TRUE(big.ok()) << big.status();
  for (const std::string& json :
       {absl::StrCat(R"({"size":)", kBig, "}"),
        absl::StrCat(R"({"name":"a","legacy":{"x":[1e300]},"size":)", kBig,
                     R"(,"id":"1"})"),
        absl::StrCat("{\n  \"size\": ", kBig, ",\n  \"legacy\": 0.1\n}")}) {
    UpgradeResourceStateResponse r = Server().UpgradeResourceState(
        {.type_name = "fake_thing", .version = 1, .raw_state_json = json});
    ASSERT_TRUE(r.diagnostics.empty()) << json;
    EXPECT_EQ(r.upgraded_state.Attr("size"), Value::Num(*big)) << json;
    EXPECT_EQ(r.upgraded_state.Attr("size").AsNumber().ToString(), kBig)
        << json;
  }
}

TEST_F(ProviderServerTest, UpgradeFromNewerVersionFails) {
  UpgradeResourceStateResponse r = Server().UpgradeResourceState(
      {.type_name = "fake_thing", .version = 3, .raw_state_json = "{}"});
  EXPECT_TRUE(r.diagnostics.HasError());
  UpgradeResourceStateResponse bad = Server().UpgradeResourceState(
      {.type_name = "fake_thing", .version = 1, .raw_state_json = "{not json"});
  EXPECT_TRUE(bad.diagnostics.HasError());
}

TEST_F(ProviderServerTest, ValidateResourceConfig) {
  thing_->schema.block.attributes[0].validators = {StringLengthBetween(1, 3)};
  thing_->schema.block.attributes[1].deprecation_message = "use other";
  bool called = false;
  thing_->validate_config = [&](const ValidateConfigRequest&,
                                ValidateConfigResponse&) { called = true; };
  ValidateResourceConfigResponse ok = Server().ValidateResourceConfig(
      {.type_name = "fake_thing",
       .config = Thing({{"name", UnkS()}, {"size", Value::Int(1)}}),
       .write_only_allowed = true});
  EXPECT_FALSE(ok.diagnostics.HasError());
  ASSERT_EQ(ok.diagnostics.size(), 1u);  // the deprecation warning
  EXPECT_EQ(ok.diagnostics.items()[0].severity, Severity::kWarning);
  EXPECT_TRUE(called);

  ValidateResourceConfigResponse bad = Server().ValidateResourceConfig(
      {.type_name = "fake_thing",
       .config = Thing({{"name", S("toolong")}, {"secret", S("pw")}}),
       .write_only_allowed = false});
  EXPECT_TRUE(HasErrorAt(bad.diagnostics, "name"));
  EXPECT_TRUE(HasErrorAt(bad.diagnostics, "secret"));
}

TEST_F(ProviderServerTest, ConfigureHandsDataToResources) {
  std::vector<std::string> seen;
  thing_->configure = [&](const std::any& data, Diagnostics&) {
    seen.push_back(std::any_cast<std::string>(data));
  };
  Value prior = Thing({{"name", S("a")}, {"id", S("1")}});
  // Not configured yet: Configure is skipped.
  Server().ReadResource({.type_name = "fake_thing", .current_state = prior});
  EXPECT_TRUE(seen.empty());
  Value pconfig = Value::Object({{"endpoint", S("one")}});
  EXPECT_TRUE(
      Server().ConfigureProvider({.config = pconfig}).diagnostics.empty());
  Server().ReadResource({.type_name = "fake_thing", .current_state = prior});
  // Debug mode: configured again.
  Server().ConfigureProvider(
      {.config = Value::Object({{"endpoint", S("two")}})});
  Server().ReadResource({.type_name = "fake_thing", .current_state = prior});
  EXPECT_EQ(seen, (std::vector<std::string>{"one", "two"}));
}

TEST_F(ProviderServerTest, ConcurrentRequests) {
  Server().ConfigureProvider({.config = Value::Object({{"endpoint", S("e")}})});
  Value prior = StoredThing();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (t % 2 == 0) {
          Server().ConfigureProvider(
              {.config = Value::Object({{"endpoint", S("e")}})});
        }
        PlanResourceChangeResponse r = Plan(prior, Thing({{"name", S("a")}}));
        if (r.planned_state != prior) failures++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST_F(ProviderServerTest, DataSourceRead) {
  Value config = Value::Object({{"name", S("n")}, {"id", NullS()}});
  ReadDataSourceResponse r =
      Server().ReadDataSource({.type_name = "fake_lookup", .config = config});
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.state.Attr("id"), S("id-of-n"));

  lookup_->read = [](const DataSourceReadRequest&, DataSourceReadResponse&) {};
  ReadDataSourceResponse unknown = Server().ReadDataSource(
      {.type_name = "fake_lookup", .config = config.WithAttr("id", UnkS())});
  EXPECT_TRUE(HasErrorAt(unknown.diagnostics, "id"));

  lookup_->read = [](const DataSourceReadRequest&,
                     DataSourceReadResponse& resp) {
    resp.state = Value::Null(resp.state.type());
  };
  ReadDataSourceResponse null =
      Server().ReadDataSource({.type_name = "fake_lookup", .config = config});
  EXPECT_TRUE(null.diagnostics.HasError());
}

TEST_F(ProviderServerTest, StopProviderReachesContext) {
  bool stopped = false;
  thing_->read = [&](const ReadRequest&, ReadResponse&) {};
  Server().StopProvider();
  // The fake ignores the context; check through a resource that reads it.
  struct Probe final : Resource {
    bool* out;
    explicit Probe(bool* o) : out(o) {}
    std::string TypeName() const override { return "probe_thing"; }
    Schema GetSchema() const override { return {}; }
    void Create(const Context&, const CreateRequest&,
                CreateResponse&) override {}
    void Read(const Context& ctx, const ReadRequest&, ReadResponse&) override {
      *out = ctx.Stopped();
    }
    void Update(const Context&, const UpdateRequest&,
                UpdateResponse&) override {}
    void Delete(const Context&, const DeleteRequest&,
                DeleteResponse&) override {}
  };
  struct ProbeProvider final : Provider {
    bool* out;
    explicit ProbeProvider(bool* o) : out(o) {}
    std::string TypeName() const override { return "probe"; }
    Schema GetSchema() const override { return {}; }
    void Configure(const Context&, const tf::ConfigureProviderRequest&,
                   tf::ConfigureProviderResponse&) override {}
    std::vector<std::function<std::unique_ptr<Resource>()>> Resources()
        override {
      bool* o = out;
      return {[o] { return std::make_unique<Probe>(o); }};
    }
    std::vector<std::function<std::unique_ptr<DataSource>()>> DataSources()
        override {
      return {};
    }
  };
  ProviderServer srv(std::make_unique<ProbeProvider>(&stopped));
  Value state = Value::Object({});
  srv.ReadResource({.type_name = "probe_thing", .current_state = state});
  EXPECT_FALSE(stopped);
  srv.StopProvider();
  srv.ReadResource({.type_name = "probe_thing", .current_state = state});
  EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace tf::server::test
