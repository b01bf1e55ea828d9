// api_key_create_test.cc: creating a union_api_key when the create call
// fails: ALREADY_EXISTS, ambiguous failures that did or did not commit,
// retries within the budget, unknown outcomes (api_key_create.cc).
#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "provider/union/model.h"
#include "provider/union/names.h"
#include "provider/union/testing/api_key_resource_fixture.h"

namespace union_provider {
namespace {

using tf::Type;
using tf::Value;
using ApiKeyCreateTest = testing::ApiKeyResourceTest;

// The one diagnostic in `diags`; a test failure (and an empty diagnostic)
// when there is not exactly one.
tf::Diagnostic OnlyDiagnostic(const tf::Diagnostics& diags) {
  if (diags.size() != 1u) {
    ADD_FAILURE() << "want one diagnostic, got " << diags.size();
    return {};
  }
  return diags.items()[0];
}

TEST_F(ApiKeyCreateTest, DuplicateNameGivesTheImportCommand) {
  Apply(Config("dup"));
  tf::CreateResponse cr = CreateAfterPlan(Config("DUP"));
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("terraform import <address of this resource> dup"),
            std::string::npos)
      << d.detail;
  EXPECT_EQ(d.attribute->ToString(), "name");
}

TEST_F(ApiKeyCreateTest, AmbiguousCreateThatCommittedAdoptsTheKeyTainted) {
  fake_->fail_next_create = absl::DeadlineExceededError("deadline exceeded");
  fake_->create_commits_before_failing = true;
  fake_->issued_at = absl::Now();  // made by this apply
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("amb"), &plan);
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.severity, tf::Severity::kError);
  EXPECT_EQ(d.summary, "Union API key created but its secret was lost");
  EXPECT_NE(d.detail.find("tainted"), std::string::npos) << d.detail;
  EXPECT_NE(d.detail.find("next terraform apply replaces it"),
            std::string::npos)
      << d.detail;
  // The key is in state (Terraform taints it), without a secret.
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("amb"));
  EXPECT_EQ(cr.state.Attr("id"), Value::String("amb"));
  EXPECT_TRUE(cr.state.Attr("client_secret").IsNull());
  EXPECT_TRUE(cr.state.Attr("encoded_credentials").IsNull());
  EXPECT_TRUE(cr.state.Attr("grant_types").IsKnown());
  EXPECT_NE(cr.state, plan);
  EXPECT_EQ(fake_->creates, 1);  // never created twice
  EXPECT_EQ(fake_->gets, 1);
}

TEST_F(ApiKeyCreateTest, AmbiguousCreateFindingAnOlderKeyLeavesItAlone) {
  // The key that exists was issued long before this apply: not ours.
  fake_->fail_next_create = absl::DeadlineExceededError("deadline exceeded");
  fake_->create_commits_before_failing = true;
  fake_->issued_at = absl::Now() - absl::Hours(3);
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("old"), &plan);
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("terraform import <address of this resource> old"),
            std::string::npos)
      << d.detail;
  EXPECT_EQ(cr.state, plan);  // nothing recorded: the framework drops it
  EXPECT_EQ(fake_->keys.count("old"), 1u);
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyCreateTest, AmbiguousCreateFindingADifferentKeyLeavesItAlone) {
  unionc::ApiKey other;
  other.client_id = "mine";
  other.client_name = "someone else's";
  other.redirect_uris = {"http://localhost:9999/cb"};
  other.client_id_issued_at = absl::Now();
  fake_->keys["mine"] = other;
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("mine"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  EXPECT_EQ(cr.diagnostics.items()[0].summary, "Union API key already exists");
  EXPECT_EQ(cr.state, plan);
  EXPECT_EQ(fake_->keys["mine"].client_name, "someone else's");
}

TEST_F(ApiKeyCreateTest, CreateThatCommitsAfterTheLookUpIsAdoptedOnRetry) {
  // The first create fails ambiguously, the look-up finds nothing, then the
  // server commits that first create: the retry is answered ALREADY_EXISTS.
  fake_->fail_next_create = absl::DeadlineExceededError("deadline exceeded");
  fake_->create_commits_after_next_get = true;
  fake_->issued_at = absl::Now();  // made by this apply
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("late"), &plan);
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.summary, "Union API key created but its secret was lost");
  EXPECT_NE(d.detail.find("DEADLINE_EXCEEDED"), std::string::npos) << d.detail;
  // In state (tainted by Terraform), so the key is not orphaned.
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("late"));
  EXPECT_TRUE(cr.state.Attr("client_secret").IsNull());
  EXPECT_TRUE(cr.state.Attr("grant_types").IsKnown());
  EXPECT_EQ(fake_->creates, 2);
  EXPECT_EQ(fake_->gets, 2);
  EXPECT_EQ(fake_->keys.count("late"), 1u);
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyCreateTest, RetryAnsweredAlreadyExistsByAnotherKeyReportsIt) {
  // After the empty look-up someone else creates a key with this client_id.
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  fake_->create_commits_after_next_get = true;
  fake_->issued_at = absl::Now() - absl::Hours(3);  // not this apply's
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("theirs"), &plan);
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("terraform import <address of this resource> theirs"),
            std::string::npos)
      << d.detail;
  EXPECT_EQ(cr.state, plan);  // nothing recorded
  EXPECT_EQ(fake_->keys.count("theirs"), 1u);
  EXPECT_EQ(fake_->deletes, 0);
}

TEST_F(ApiKeyCreateTest, CreateThatProvablyDidNotHappenIsRetried) {
  fake_->create_failures = {absl::UnavailableError("injected"),
                            absl::UnavailableError("injected")};
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("retry"), &plan);
  EXPECT_FALSE(cr.diagnostics.HasError());
  EXPECT_EQ(fake_->creates, 3);
  EXPECT_EQ(fake_->gets, 2);  // one look-up after each failure
  EXPECT_EQ(cr.state.Attr("client_secret"), Value::String("s3cr3t-retry"));
  EXPECT_EQ(fake_->keys.size(), 1u);
}

TEST_F(ApiKeyCreateTest, CreateRetriesStopAtTheBudgetAndSayItIsSafe) {
  fake_->max_create_attempts = 2;
  fake_->create_failures = {absl::UnavailableError("connection reset"),
                            absl::UnavailableError("connection reset"),
                            absl::UnavailableError("connection reset")};
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("amb2"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  EXPECT_EQ(cr.diagnostics.items()[0].summary, "Union endpoint unreachable");
  EXPECT_NE(cr.diagnostics.items()[0].detail.find(
                "(2 attempts), so it is safe to run terraform apply again"),
            std::string::npos)
      << cr.diagnostics.items()[0].detail;
  EXPECT_EQ(fake_->creates, 2);
  EXPECT_EQ(cr.state, plan);
  EXPECT_TRUE(fake_->keys.empty());
}

TEST_F(ApiKeyCreateTest, CreateWithUnknownOutcomeRecordsATentativeKey) {
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  fake_->fail_next_get = absl::UnavailableError("connection refused");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("unsure"), &plan);
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.severity, tf::Severity::kError);
  EXPECT_NE(d.detail.find("records it in state as tainted"), std::string::npos)
      << d.detail;
  EXPECT_EQ(cr.state.Attr("client_id"), Value::String("unsure"));
  EXPECT_EQ(cr.state.Attr("id"), Value::String("unsure"));
  EXPECT_TRUE(cr.state.Attr("client_secret").IsNull());
  // The next refresh settles it: the key does not exist, so it is dropped
  // and planned again.
  tf::ReadResponse rr = Read(cr.state);
  EXPECT_FALSE(rr.diagnostics.HasError());
  EXPECT_TRUE(rr.state.IsNull());
}

TEST_F(ApiKeyCreateTest, ServerlessAmbiguousCreateRecordsNothing) {
  fake_->serverless = true;
  fake_->fail_next_create = absl::UnavailableError("connection reset");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(Config("sl"), &plan);
  ASSERT_EQ(cr.diagnostics.size(), 1u);
  EXPECT_NE(cr.diagnostics.items()[0].detail.find("union-apikey get"),
            std::string::npos);
  EXPECT_EQ(cr.state, plan);
  EXPECT_EQ(fake_->gets, 0);
}

TEST_F(ApiKeyCreateTest, FixedNameAlreadyExistsNamesBothCauses) {
  Apply(Config("rotating"));
  Value config = Config("rotating");
  Value plan;
  tf::CreateResponse cr = CreateAfterPlan(config, &plan);
  const tf::Diagnostic d = OnlyDiagnostic(cr.diagnostics);
  EXPECT_EQ(d.summary, "Union API key already exists");
  EXPECT_NE(d.detail.find("create_before_destroy"), std::string::npos);
  EXPECT_NE(d.detail.find("name_prefix"), std::string::npos);
  EXPECT_NE(d.detail.find("terraform import <address of this resource> "
                          "rotating"),
            std::string::npos);
  EXPECT_EQ(d.attribute->ToString(), "name");
  EXPECT_EQ(fake_->keys.count("rotating"), 1u);  // the old key is untouched
  EXPECT_EQ(fake_->deletes, 0);
}

}  // namespace
}  // namespace union_provider
