// status_diagnostic_test.cc: the absl::Status -> tf::Diagnostic bridge.
#include "provider/union/status_diagnostic.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "union/config.h"
#include "union/errors.h"

namespace union_provider {
namespace {

TEST(StatusToDiagnostic, SummaryPerCode) {
  struct Case {
    absl::Status status;
    std::string summary;
  } cases[] = {
      {absl::NotFoundError("x"), "Union API key not found"},
      {absl::AlreadyExistsError("x"), "Union API key already exists"},
      {absl::UnauthenticatedError("x"), "Union rejected the provider's credentials"},
      {absl::PermissionDeniedError("x"), "Permission denied by Union"},
      {absl::InvalidArgumentError("x"), "Union rejected the request as invalid"},
      {absl::UnavailableError("x"), "Union endpoint unreachable"},
      {absl::DeadlineExceededError("x"), "Union request timed out"},
      {absl::ResourceExhaustedError("x"), "Union rate limit or quota exceeded"},
      {absl::CancelledError("x"), "Union request cancelled"},
      {absl::InternalError("x"), "Union API error"},
  };
  for (const Case& c : cases) {
    tf::Diagnostic d = StatusToDiagnostic(c.status, {.operation = "read"});
    EXPECT_EQ(d.severity, tf::Severity::kError);
    EXPECT_EQ(d.summary, c.summary) << c.status;
    EXPECT_FALSE(d.attribute.has_value());
  }
}

TEST(StatusToDiagnostic, RejectedCredentialsNameEveryKeyVariable) {
  tf::Diagnostic d =
      StatusToDiagnostic(absl::UnauthenticatedError("x"), {.operation = "read"});
  for (std::string_view var : unionc::kApiKeyEnvVars) {
    EXPECT_NE(d.detail.find(var), std::string::npos) << var;
  }
}

TEST(StatusToDiagnostic, DetailSaysWhatWasDoneAndCarriesThePath) {
  tf::Diagnostic d = StatusToDiagnostic(
      absl::DeadlineExceededError("deadline of 2s exceeded"),
      {.operation = "read", .client_id = "ci-key",
       .path = tf::Path::Root("client_id")});
  EXPECT_NE(d.detail.find("Could not read API key \"ci-key\""), std::string::npos)
      << d.detail;
  EXPECT_NE(d.detail.find("deadline of 2s exceeded"), std::string::npos);
  EXPECT_NE(d.detail.find("request_timeout"), std::string::npos);
  ASSERT_TRUE(d.attribute.has_value());
  EXPECT_EQ(d.attribute->ToString(), "client_id");
}

TEST(StatusToDiagnostic, RedactsTheGivenSecrets) {
  tf::Diagnostic d = StatusToDiagnostic(
      absl::UnauthenticatedError("bad secret hunter22 for admin"),
      {.operation = "configure", .secrets = {"hunter22"}});
  EXPECT_EQ(d.detail.find("hunter22"), std::string::npos) << d.detail;
  EXPECT_NE(d.detail.find("<redacted>"), std::string::npos);
}

TEST(StatusClassification, GoneAndAmbiguous) {
  EXPECT_TRUE(IsGone(absl::NotFoundError("")));
  EXPECT_FALSE(IsGone(absl::UnavailableError("")));
  EXPECT_TRUE(IsAmbiguous(absl::UnavailableError("")));
  EXPECT_TRUE(IsAmbiguous(absl::DeadlineExceededError("")));
  EXPECT_FALSE(IsAmbiguous(absl::AlreadyExistsError("")));
  EXPECT_FALSE(IsAmbiguous(absl::InvalidArgumentError("")));
  EXPECT_FALSE(IsAmbiguous(absl::UnauthenticatedError("")));
  // A channel that never connected sent nothing.
  const absl::Status refused = absl::UnavailableError(
      "cannot reach Union at 127.0.0.1:1 (failed to connect to all addresses)");
  EXPECT_TRUE(unionc::RequestNeverSent(refused));
  EXPECT_FALSE(IsAmbiguous(refused));
  EXPECT_FALSE(unionc::RequestNeverSent(absl::UnavailableError("Socket closed")));
  EXPECT_FALSE(unionc::RequestNeverSent(absl::DeadlineExceededError("failed to connect")));
}

TEST(StatusToDiagnostic, AdviceIsNotRepeated) {
  tf::Diagnostic with = StatusToDiagnostic(
      absl::UnavailableError("cannot reach Union at x; check the endpoint"),
      {.operation = "read"});
  EXPECT_EQ(with.detail.find("network access"), std::string::npos) << with.detail;
  tf::Diagnostic without =
      StatusToDiagnostic(absl::UnavailableError("Socket closed"), {.operation = "read"});
  EXPECT_NE(without.detail.find("network access"), std::string::npos);
}

}  // namespace
}  // namespace union_provider
