// ProviderServer's GetFunctions and CallFunction with scripted functions.
#include <atomic>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "provider/framework/server/provider_server.h"
#include "provider/framework/testing/fakes.h"

namespace tf::server {
namespace {

using tf::testing::FakeFunctionScript;
using tf::testing::FakeProvider;
using tf::testing::FakeProviderScript;

class FunctionsTest : public ::testing::Test {
 protected:
  FunctionsTest() {
    join_ = std::make_shared<FakeFunctionScript>();
    join_->name = "join";
    join_->definition = {
        .parameters = {{.name = "sep", .type = Type::String()},
                       {.name = "first",
                        .type = Type::String(),
                        .allow_null_value = true}},
        .variadic_parameter =
            FunctionParameter{.name = "more", .type = Type::String()},
        .return_type = Type::String(),
        .summary = "Joins strings"};
    join_->run = [calls = calls_](const FunctionRunRequest& req,
                                  FunctionRunResponse& resp) {
      ++*calls;
      const std::string sep = req.arguments[0].AsString();
      if (sep.empty()) {
        resp.error =
            FunctionError{.text = "sep must not be empty", .argument = 0};
        return;
      }
      std::string out = req.arguments[1].IsNull() ? std::string("-")
                                                  : req.arguments[1].AsString();
      for (const Value& v : req.variadic_arguments) out += sep + v.AsString();
      resp.result = Value::String(out);
    };
    FakeProviderScript p;
    p.functions = {join_};
    server_ =
        std::make_unique<ProviderServer>(std::make_unique<FakeProvider>(p));
  }

  CallFunctionResponse Call(std::vector<Value> args) {
    return server_->CallFunction(
        {.name = "join", .arguments = std::move(args)});
  }

  std::shared_ptr<int> calls_ = std::make_shared<int>(0);
  std::shared_ptr<FakeFunctionScript> join_;
  std::unique_ptr<ProviderServer> server_;
};

Value S(const char* s) { return Value::String(s); }

TEST_F(FunctionsTest, GetFunctionsListsDefinitions) {
  GetFunctionsResponse r = server_->GetFunctions();
  EXPECT_FALSE(r.diagnostics.HasError());
  ASSERT_EQ(r.functions.count("join"), 1u);
  EXPECT_EQ(r.functions["join"].summary, "Joins strings");
  EXPECT_EQ(r.functions["join"].parameters.size(), 2u);
  ASSERT_TRUE(r.functions["join"].variadic_parameter.has_value());
  EXPECT_EQ(server_->GetProviderSchema().functions.count("join"), 1u);
}

TEST_F(FunctionsTest, RunsWithFixedAndVariadicArguments) {
  CallFunctionResponse r = Call({S(","), S("a"), S("b"), S("c")});
  ASSERT_FALSE(r.error.has_value()) << r.error->text;
  EXPECT_EQ(r.result, S("a,b,c"));
  r = Call({S(","), Value::Null(Type::String())});
  ASSERT_FALSE(r.error.has_value());
  EXPECT_EQ(r.result, S("-"));
}

TEST_F(FunctionsTest, FunctionErrorCarriesArgumentIndex) {
  CallFunctionResponse r = Call({S(""), S("a")});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->text, "sep must not be empty");
  EXPECT_EQ(r.error->argument, 0);
}

TEST_F(FunctionsTest, NullToNonNullableParameterIsErrorWithoutRunning) {
  CallFunctionResponse r = Call({S(","), S("a"), Value::Null(Type::String())});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->argument, 2);
  EXPECT_EQ(*calls_, 0);
}

TEST_F(FunctionsTest, UnknownArgumentGivesUnknownResultWithoutRunning) {
  CallFunctionResponse r =
      Call({S(","), S("a"), Value::Unknown(Type::String())});
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.result, Value::Unknown(Type::String()));
  EXPECT_EQ(*calls_, 0);
}

TEST_F(FunctionsTest, ArityErrors) {
  CallFunctionResponse r = Call({S(",")});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_FALSE(r.error->argument.has_value());
  EXPECT_EQ(*calls_, 0);
}

TEST_F(FunctionsTest, UnknownFunction) {
  CallFunctionResponse r = server_->CallFunction({.name = "nope"});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_NE(r.error->text.find("\"nope\""), std::string::npos);
}

TEST_F(FunctionsTest, WrongResultTypeIsProviderBug) {
  join_->run = [](const FunctionRunRequest&, FunctionRunResponse& resp) {
    resp.result = Value::Int(1);
  };
  CallFunctionResponse r = Call({S(","), S("a")});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_NE(r.error->text.find("bug in the provider"), std::string::npos);
}

TEST_F(FunctionsTest, OutOfRangeErrorIndexIsDropped) {
  join_->run = [](const FunctionRunRequest&, FunctionRunResponse& resp) {
    resp.error = FunctionError{.text = "bad", .argument = 7};
  };
  CallFunctionResponse r = Call({S(","), S("a")});
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->text, "bad");
  EXPECT_FALSE(r.error->argument.has_value());
}

TEST(FunctionDefinitionCheckTest, InvalidNamesAreSchemaErrors) {
  auto bad = std::make_shared<FakeFunctionScript>();
  bad->name = "Bad-Name";
  bad->definition = {.parameters = {{.name = "x", .type = Type::String()},
                                    {.name = "x", .type = Type::String()}},
                     .return_type = Type::String()};
  FakeProviderScript p;
  p.functions = {bad};
  ProviderServer srv(std::make_unique<FakeProvider>(p));
  GetFunctionsResponse r = srv.GetFunctions();
  ASSERT_EQ(r.diagnostics.items().size(), 2u);
  EXPECT_NE(r.diagnostics.items()[0].detail.find("name must match"),
            std::string::npos);
  EXPECT_NE(r.diagnostics.items()[1].detail.find("declared twice"),
            std::string::npos);
}

}  // namespace
}  // namespace tf::server
