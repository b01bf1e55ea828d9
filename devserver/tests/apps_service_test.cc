// AppsService of a spawned union-devserver: auth, status codes, secrets,
// update semantics, pagination and organization scoping.
#include <algorithm>
#include <set>
#include <thread>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "devserver/tests/test_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

namespace pb = ::cloudidl::identity;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AppsServiceTest : public DevServerTest {
 protected:
  grpc::Status Get(const std::string& org, const std::string& id,
                   pb::App* out = nullptr) {
    return AdminGet(org, id, out);
  }
  grpc::Status Delete(const std::string& org, const std::string& id) {
    return AdminCall(&pb::AppsService::Stub::Delete,
                     AppRequest<pb::DeleteAppRequest>(org, id));
  }
  grpc::Status Update(const pb::UpdateAppRequest& request,
                      pb::App* out = nullptr) {
    pb::UpdateAppResponse response;
    grpc::Status s =
        AdminCall(&pb::AppsService::Stub::Update, request, &response);
    if (out != nullptr) *out = response.app();
    return s;
  }
};

TEST_F(AppsServiceTest, EveryMethodRequiresAValidBearerToken) {
  for (const std::string& bad : {std::string(), std::string("not-a-token")}) {
    auto call = [&](auto method, const auto& request) {
      return CallApps(*apps(), method, bad, request).error_code();
    };
    pb::CreateAppRequest create;
    create.set_client_id("should-not-exist");
    create.set_client_name("should-not-exist");
    EXPECT_EQ(call(&pb::AppsService::Stub::Create, create),
              grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(call(&pb::AppsService::Stub::Get,
                   AppRequest<pb::GetAppRequest>("", admin_.client_id)),
              grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(call(&pb::AppsService::Stub::Update,
                   AppRequest<pb::UpdateAppRequest>("", admin_.client_id)),
              grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(call(&pb::AppsService::Stub::Delete,
                   AppRequest<pb::DeleteAppRequest>("", admin_.client_id)),
              grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(call(&pb::AppsService::Stub::List, pb::ListAppsRequest()),
              grpc::StatusCode::UNAUTHENTICATED);
  }
  // Wrong scheme.
  grpc::ClientContext ctx;
  Prepare(ctx, "");
  ctx.AddMetadata("authorization", "Basic " + token_);
  pb::GetAppResponse g;
  pb::GetAppRequest get;
  get.set_client_id(admin_.client_id);
  EXPECT_EQ(apps()->Get(&ctx, get, &g).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(Get("", "should-not-exist").error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(AppsServiceTest, LifecycleAndSecretOnlyOnCreate) {
  const absl::Time before = absl::Now() - absl::Seconds(5);
  pb::CreateAppResponse created;
  ASSERT_TRUE(CreateKey("", "ci-pipeline-1", &created).ok());
  const pb::App& app = created.app();
  EXPECT_EQ(app.client_id(), "ci-pipeline-1");
  EXPECT_EQ(app.client_name(), "ci-pipeline-1");
  EXPECT_GE(app.client_secret().size(), 32u);
  EXPECT_GE(app.client_id_issued_at().seconds(), absl::ToUnixSeconds(before));
  EXPECT_THAT(app.grant_types(),
              ElementsAre(pb::CLIENT_CREDENTIALS, pb::AUTHORIZATION_CODE));
  EXPECT_EQ(app.token_endpoint_auth_method(), pb::CLIENT_SECRET_BASIC);

  // The new key's own credentials work at the token endpoint.
  EXPECT_TRUE(
      FetchToken(server_->http_port(), "ci-pipeline-1", app.client_secret())
          .ok());

  pb::App got;
  ASSERT_TRUE(Get("", "ci-pipeline-1", &got).ok());
  EXPECT_EQ(got.client_secret(), "");
  EXPECT_EQ(got.client_name(), "ci-pipeline-1");
  EXPECT_EQ(got.client_id_issued_at().seconds(),
            app.client_id_issued_at().seconds());
  EXPECT_THAT(got.redirect_uris(),
              ElementsAre("http://localhost:8080/authorization-code/callback"));

  pb::ListAppsRequest list;
  pb::ListAppsResponse listed;
  ASSERT_TRUE(AdminCall(&pb::AppsService::Stub::List, list, &listed).ok());
  ASSERT_EQ(listed.apps_size(), 2);  // admin + ours
  for (const auto& a : listed.apps()) EXPECT_EQ(a.client_secret(), "");

  pb::UpdateAppRequest update;
  update.set_client_id("ci-pipeline-1");
  update.set_client_name("renamed");
  pb::App updated;
  ASSERT_TRUE(Update(update, &updated).ok());
  EXPECT_EQ(updated.client_secret(), "");
  EXPECT_EQ(updated.client_name(), "renamed");

  ASSERT_TRUE(Delete("", "ci-pipeline-1").ok());
  EXPECT_EQ(Get("", "ci-pipeline-1").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_FALSE(
      FetchToken(server_->http_port(), "ci-pipeline-1", app.client_secret())
          .ok());
}

TEST_F(AppsServiceTest, StatusCodesAsUnionAnswers) {
  ASSERT_TRUE(CreateKey("", "taken").ok());
  grpc::Status dup = CreateKey("", "taken");
  EXPECT_EQ(dup.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(dup.error_message(), HasSubstr("taken"));

  EXPECT_EQ(Get("", "missing").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Delete("", "missing").error_code(), grpc::StatusCode::NOT_FOUND);
  pb::UpdateAppRequest update;
  update.set_client_id("missing");
  update.set_client_name("x");
  EXPECT_EQ(Update(update).error_code(), grpc::StatusCode::NOT_FOUND);

  grpc::Status empty_id = CreateKey("", "");
  EXPECT_EQ(empty_id.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(empty_id.error_message(), HasSubstr("client_id"));

  pb::CreateAppRequest no_name;
  no_name.set_client_id("no-name");
  pb::CreateAppResponse response;
  grpc::Status s =
      AdminCall(&pb::AppsService::Stub::Create, no_name, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "client_name: must be at least 1 character");

  EXPECT_EQ(Get("", "").error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(CreateKey("", "Upper Case").error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(AppsServiceTest, UpdateKeepsFieldsItIsNotGivenAndNeverTheSecret) {
  pb::CreateAppResponse created;
  ASSERT_TRUE(CreateKey("", "keep", &created).ok());
  const std::string secret = created.app().client_secret();

  pb::UpdateAppRequest only_uris;
  only_uris.set_client_id("keep");
  only_uris.add_redirect_uris("https://example.com/cb");
  pb::App after;
  ASSERT_TRUE(Update(only_uris, &after).ok());
  EXPECT_THAT(after.redirect_uris(), ElementsAre("https://example.com/cb"));
  EXPECT_EQ(after.client_name(), "keep");
  EXPECT_THAT(after.grant_types(),
              ElementsAre(pb::CLIENT_CREDENTIALS, pb::AUTHORIZATION_CODE));
  EXPECT_EQ(after.token_endpoint_auth_method(), pb::CLIENT_SECRET_BASIC);

  pb::UpdateAppRequest only_name;
  only_name.set_client_id("keep");
  only_name.set_client_name("new-name");
  ASSERT_TRUE(Update(only_name, &after).ok());
  EXPECT_EQ(after.client_name(), "new-name");
  EXPECT_THAT(after.redirect_uris(), ElementsAre("https://example.com/cb"));

  pb::App got;
  ASSERT_TRUE(Get("", "keep", &got).ok());
  EXPECT_EQ(got.client_name(), "new-name");
  EXPECT_EQ(got.client_id_issued_at().seconds(),
            created.app().client_id_issued_at().seconds());
  // The original secret still authenticates.
  EXPECT_TRUE(FetchToken(server_->http_port(), "keep", secret).ok());
}

TEST_F(AppsServiceTest, OrganizationsAreIsolated) {
  ASSERT_TRUE(CreateKey("acme", "acme-key").ok());
  ASSERT_TRUE(CreateKey("globex", "globex-key").ok());
  pb::App app;
  ASSERT_TRUE(Get("acme", "acme-key", &app).ok());
  EXPECT_EQ(app.organization(), "acme");
  EXPECT_EQ(Get("globex", "acme-key").error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Get("", "acme-key").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Delete("globex", "acme-key").error_code(),
            grpc::StatusCode::NOT_FOUND);
  pb::UpdateAppRequest update;
  update.set_organization("globex");
  update.set_client_id("acme-key");
  update.set_client_name("hijack");
  EXPECT_EQ(Update(update).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(ListAll("acme", 10), ElementsAre("acme-key"));
  EXPECT_THAT(ListAll("globex", 10), ElementsAre("globex-key"));
  EXPECT_THAT(ListAll("", 10), ElementsAre(admin_.client_id));
  ASSERT_TRUE(Get("acme", "acme-key", &app).ok());
  EXPECT_EQ(app.client_name(), "acme-key");
}

TEST_F(AppsServiceTest, PaginatesAllKeysExactlyOnce) {
  std::vector<std::string> expected;
  for (int i = 0; i < 250; ++i) {
    expected.push_back(absl::StrFormat("page-key-%03d", i));
    ASSERT_TRUE(CreateKey("paging", expected.back()).ok());
  }
  // Exactly three pages of 100, 100 and 50.
  std::vector<int> sizes;
  std::vector<std::string> seen;
  std::string token;
  do {
    pb::ListAppsRequest request;
    request.set_organization("paging");
    request.mutable_request()->set_limit(100);
    request.mutable_request()->set_token(token);
    pb::ListAppsResponse response;
    ASSERT_TRUE(
        AdminCall(&pb::AppsService::Stub::List, request, &response).ok());
    sizes.push_back(response.apps_size());
    for (const auto& a : response.apps()) seen.push_back(a.client_id());
    token = response.token();
    ASSERT_LE(sizes.size(), 4u);
  } while (!token.empty());
  EXPECT_THAT(sizes, ElementsAre(100, 100, 50));
  EXPECT_EQ(seen, expected);
  // limit 0 means the default page size (100).
  pb::ListAppsRequest request;
  request.set_organization("paging");
  pb::ListAppsResponse response;
  ASSERT_TRUE(AdminCall(&pb::AppsService::Stub::List, request, &response).ok());
  EXPECT_EQ(response.apps_size(), 100);
  EXPECT_FALSE(response.token().empty());
}

TEST_F(AppsServiceTest, PagesStayCorrectWhileKeysChange) {
  for (int i = 0; i < 250; ++i) {
    ASSERT_TRUE(CreateKey("moving", absl::StrFormat("k-%03d", i)).ok());
  }
  auto page = [&](const std::string& token, pb::ListAppsResponse* out) {
    pb::ListAppsRequest request;
    request.set_organization("moving");
    request.mutable_request()->set_limit(100);
    request.mutable_request()->set_token(token);
    grpc::ClientContext ctx;
    Authorize(ctx);
    return apps()->List(&ctx, request, out);
  };
  pb::ListAppsResponse first;
  ASSERT_TRUE(page("", &first).ok());
  ASSERT_EQ(first.apps_size(), 100);
  EXPECT_EQ(first.apps(99).client_id(), "k-099");
  // Between pages: delete keys on both sides of the cursor, add keys on both.
  ASSERT_TRUE(Delete("moving", "k-000").ok());
  ASSERT_TRUE(Delete("moving", "k-100").ok());
  ASSERT_TRUE(Delete("moving", "k-150").ok());
  ASSERT_TRUE(CreateKey("moving", "k-050a").ok());
  ASSERT_TRUE(CreateKey("moving", "k-150a").ok());
  std::vector<std::string> rest;
  std::string token = first.token();
  while (!token.empty()) {
    pb::ListAppsResponse next;
    ASSERT_TRUE(page(token, &next).ok());
    for (const auto& a : next.apps()) rest.push_back(a.client_id());
    token = next.token();
    ASSERT_LE(rest.size(), 300u);
  }
  std::vector<std::string> expected;
  for (int i = 101; i < 250; ++i) {
    if (i == 150) {
      expected.push_back("k-150a");
      continue;
    }
    expected.push_back(absl::StrFormat("k-%03d", i));
  }
  EXPECT_EQ(rest, expected);
}

TEST_F(AppsServiceTest, ForeignPageTokenIsInvalidArgument) {
  pb::ListAppsRequest request;
  request.mutable_request()->set_token("definitely-not-ours");
  pb::ListAppsResponse response;
  grpc::Status s = AdminCall(&pb::AppsService::Stub::List, request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("token"));
}

// Lists `org` with `filters` in pages of `page_size`; the client_ids seen
// and the size of each page.
struct FilteredListing {
  std::vector<std::string> ids;
  std::vector<int> page_sizes;
  grpc::Status status;
};

class ListFilterTest : public AppsServiceTest {
 protected:
  using Filter = ::cloudidl::common::Filter;

  static Filter Make(Filter::Function function,
                     std::vector<std::string> values) {
    Filter f;
    f.set_function(function);
    f.set_field("client_id");
    for (std::string& v : values) f.add_values(std::move(v));
    return f;
  }

  grpc::Status ListPage(const std::string& org,
                        const std::vector<Filter>& filters, unsigned limit,
                        const std::string& token, pb::ListAppsResponse* out) {
    pb::ListAppsRequest request;
    request.set_organization(org);
    request.mutable_request()->set_limit(limit);
    request.mutable_request()->set_token(token);
    for (const Filter& f : filters)
      *request.mutable_request()->add_filters() = f;
    grpc::ClientContext ctx;
    Authorize(ctx);
    return apps()->List(&ctx, request, out);
  }

  FilteredListing ListFiltered(const std::string& org,
                               const std::vector<Filter>& filters,
                               unsigned page_size) {
    FilteredListing out;
    std::string token;
    for (int pages = 0; pages < 1000; ++pages) {
      pb::ListAppsResponse response;
      out.status = ListPage(org, filters, page_size, token, &response);
      if (!out.status.ok()) break;
      out.page_sizes.push_back(response.apps_size());
      for (const auto& a : response.apps()) out.ids.push_back(a.client_id());
      token = response.token();
      if (token.empty()) break;
    }
    return out;
  }
};

TEST_F(ListFilterTest, FiltersSelectExactlyTheMatchingKeysAcrossPages) {
  std::vector<std::string> tf_keys;
  for (int i = 0; i < 250; ++i) {
    // Interleaved so that every page of the unfiltered order mixes both.
    const std::string id = i % 2 == 0 ? absl::StrFormat("k-%03d-tf-x", i)
                                      : absl::StrFormat("k-%03d-other", i);
    ASSERT_TRUE(CreateKey("filtering", id).ok()) << id;
    if (i % 2 == 0) tf_keys.push_back(id);
  }
  // The provider's query: CONTAINS, over several pages.
  FilteredListing contains =
      ListFiltered("filtering", {Make(Filter::CONTAINS, {"-tf-"})}, 40);
  ASSERT_TRUE(contains.status.ok()) << contains.status.error_message();
  EXPECT_EQ(contains.ids, tf_keys);
  EXPECT_THAT(contains.page_sizes, ElementsAre(40, 40, 40, 5));

  // Two filters AND together.
  FilteredListing both = ListFiltered(
      "filtering",
      {Make(Filter::CONTAINS, {"-tf-"}), Make(Filter::ENDS_WITH, {"-x"}),
       Make(Filter::GREATER_THAN_OR_EQUAL, {"k-100"})},
      10);
  ASSERT_TRUE(both.status.ok()) << both.status.error_message();
  std::vector<std::string> expected;
  for (const std::string& id : tf_keys)
    if (id >= "k-100") expected.push_back(id);
  EXPECT_EQ(both.ids, expected);
  EXPECT_EQ(both.page_sizes.size(), 8u);  // 75 keys in pages of 10

  // EQUAL, VALUE_IN and a filter nothing matches.
  EXPECT_THAT(
      ListFiltered("filtering", {Make(Filter::EQUAL, {"k-007-other"})}, 5).ids,
      ElementsAre("k-007-other"));
  EXPECT_THAT(
      ListFiltered(
          "filtering",
          {Make(Filter::VALUE_IN, {"k-249-other", "k-000-tf-x", "missing"})}, 1)
          .ids,
      ElementsAre("k-000-tf-x", "k-249-other"));
  FilteredListing none =
      ListFiltered("filtering", {Make(Filter::ENDS_WITH, {"-nope"})}, 50);
  ASSERT_TRUE(none.status.ok());
  EXPECT_TRUE(none.ids.empty());
  EXPECT_THAT(none.page_sizes, ElementsAre(0));
  // Unfiltered still lists all 250.
  EXPECT_EQ(ListAll("filtering", 100).size(), 250u);
}

TEST_F(ListFilterTest, PageTokenIsBoundToItsFiltersAndOrganization) {
  for (int i = 0; i < 12; ++i)
    ASSERT_TRUE(CreateKey("bound", absl::StrFormat("tf-%02d", i)).ok());
  const std::vector<Filter> tf = {Make(Filter::CONTAINS, {"tf-"})};
  pb::ListAppsResponse first;
  ASSERT_TRUE(ListPage("bound", tf, 5, "", &first).ok());
  ASSERT_FALSE(first.token().empty());
  // The same filters resume.
  pb::ListAppsResponse next;
  ASSERT_TRUE(ListPage("bound", tf, 5, first.token(), &next).ok());
  EXPECT_EQ(next.apps(0).client_id(), "tf-05");
  // Other filters, no filters or another organization are refused.
  for (const auto& [org, filters] :
       std::vector<std::pair<std::string, std::vector<Filter>>>{
           {"bound", {Make(Filter::CONTAINS, {"tf-0"})}},
           {"bound", {}},
           {"other", tf}}) {
    pb::ListAppsResponse response;
    grpc::Status s = ListPage(org, filters, 5, first.token(), &response);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_THAT(s.error_message(), HasSubstr("request.token"));
  }
}

TEST_F(ListFilterTest, UnsupportedFieldOrFunctionIsInvalidArgument) {
  Filter by_name = Make(Filter::EQUAL, {"x"});
  by_name.set_field("client_name");
  pb::ListAppsResponse response;
  grpc::Status s = ListPage("", {by_name}, 10, "", &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("request.filters[0].field"));
  EXPECT_THAT(s.error_message(), HasSubstr("client_name"));
  EXPECT_THAT(s.error_message(), HasSubstr("client_id"));

  Filter unknown = Make(Filter::EQUAL, {"x"});
  unknown.set_function(static_cast<Filter::Function>(10));
  s = ListPage("", {Make(Filter::CONTAINS, {"a"}), unknown}, 10, "", &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("request.filters[1].function"));
  EXPECT_THAT(s.error_message(), HasSubstr("CONTAINS"));
}

class ShortTokenTest : public DevServerTest {
  std::vector<std::string> ServerArgs() override {
    return {"--token-ttl", "1"};
  }
};

TEST_F(ShortTokenTest, ExpiredTokensAreUnauthenticated) {
  // Wait until the token is certainly past its 1 s lifetime.
  absl::SleepFor(absl::Milliseconds(2500));
  EXPECT_EQ(AdminGet("", admin_.client_id).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  // A fresh token works again (retried: a loaded machine may take > 1 s).
  bool worked = false;
  for (int attempt = 0; attempt < 5 && !worked; ++attempt) {
    auto fresh =
        FetchToken(server_->http_port(), admin_.client_id, admin_.secret);
    ASSERT_TRUE(fresh.ok());
    worked = GetApp(*apps(), *fresh, "", admin_.client_id).ok();
  }
  EXPECT_TRUE(worked);
}

}  // namespace
}  // namespace devserver::testing
