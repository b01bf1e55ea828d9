// union-apikey: the ApiKey operations from a shell, with JSON output.
//
//   union-apikey --endpoint localhost:8089 --insecure create "CI pipeline"
//   union-apikey list --limit 0
//
// Exit codes: 0 ok, 2 not found, 1 any other error (see README.md).
#include <CLI/CLI.hpp>

#include <cmath>
#include <iostream>
#include <sstream>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "union/api_key.h"
#include "union/client.h"
#include "union/config.h"
#include "union/errors.h"
#include "union/log.h"
#include "union/redact.h"

namespace {

using unionc::ApiKey;
using unionc::ApiKeys;

struct GlobalFlags {
  std::string endpoint;
  std::string api_key;
  bool insecure = false;
  std::string ca_cert;
  double timeout_seconds = 30;
  int max_retries = 3;
  std::string org;
  bool org_given = false;
  bool verbose = false;
};

int Fail(const absl::Status& status) {
  std::cerr << "union-apikey: " << unionc::ErrorKindName(status.code()) << ": "
            << status.message() << "\n";
  return unionc::ExitCodeFor(status);
}

void PrintJson(const nlohmann::json& j) { std::cout << j.dump(2) << "\n"; }

// Every value given to --api-key on the command line ("--api-key V" or
// "--api-key=V"), so that no message can echo one.
std::vector<std::string> ApiKeyArguments(int argc, char** argv) {
  constexpr std::string_view kFlag = "--api-key";
  std::vector<std::string> values;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == kFlag && i + 1 < argc) {
      values.emplace_back(argv[i + 1]);
    } else if (arg.size() > kFlag.size() + 1 &&
               arg.substr(0, kFlag.size() + 1) == "--api-key=") {
      values.emplace_back(arg.substr(kFlag.size() + 1));
    }
  }
  return values;
}

absl::StatusOr<ApiKeys> Connect(const GlobalFlags& g) {
  unionc::ConfigInputs in;
  if (!g.api_key.empty()) in.api_key = g.api_key;
  if (!g.endpoint.empty()) in.endpoint = g.endpoint;
  if (g.org_given) in.org = g.org;
  if (g.insecure) in.insecure = true;
  if (!g.ca_cert.empty()) in.ca_cert_file = g.ca_cert;
  if (std::isnan(g.timeout_seconds)) {
    return absl::InvalidArgumentError(
        "--timeout is not a number; give seconds, for example 30");
  }
  absl::StatusOr<absl::Duration> timeout =
      unionc::CheckTimeout(absl::Seconds(g.timeout_seconds));
  if (!timeout.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--timeout: ", timeout.status().message()));
  }
  in.timeout = absl::ToChronoMilliseconds(*timeout);
  in.max_retries = g.max_retries;
  absl::StatusOr<unionc::ClientConfig> cfg = unionc::ResolveConfig(in);
  if (!cfg.ok()) return cfg.status();
  absl::StatusOr<std::shared_ptr<unionc::Client>> client =
      unionc::Client::Create(*std::move(cfg));
  if (!client.ok()) return client.status();
  return ApiKeys(*std::move(client));
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Manage Union API keys (OAuth2 client-credentials apps)",
               "union-apikey"};
  app.require_subcommand(1);
  // Global options may also follow the subcommand ("list --api-key ...").
  app.fallthrough();
  GlobalFlags g;
  app.add_option("--endpoint", g.endpoint,
                 "Union endpoint (host[:port]); default: UNION_ENDPOINT, then "
                 "the endpoint inside the API key");
  app.add_option("--api-key", g.api_key,
                 "API key; default: UNION_API_KEY, FLYTE_API_KEY, UNIONAI_API_KEY "
                 "(prefer the environment: flags are visible to other users)");
  app.add_flag("--insecure", g.insecure,
               "plaintext gRPC/HTTP (only for a local dev server)");
  app.add_option("--ca-cert", g.ca_cert,
                 "PEM file of CA roots for TLS (checked when the command "
                 "starts)");
  app.add_option("--timeout", g.timeout_seconds,
                 "per-call timeout in seconds, at least 0.001; values above "
                 "86400 (24 h) are clamped to 86400")
      ->capture_default_str();
  app.add_option("--max-retries", g.max_retries,
                 "extra attempts on retryable errors")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  CLI::Option* org = app.add_option(
      "--org", g.org, "organization; default: the org inside the API key");
  app.add_flag("-v,--verbose", g.verbose, "log requests to stderr");

  // create
  CLI::App* create = app.add_subcommand(
      "create", "create a key; prints its JSON and the export line (the "
                "secret is shown only here, only once)");
  std::string create_name;
  std::vector<std::string> create_uris;
  std::optional<std::string> create_client_name;
  bool skip_policies = false;
  create->add_option("name", create_name, "key name (normalised like the SDK)")
      ->required();
  create->add_option("--redirect-uri", create_uris, "redirect URI (repeatable)");
  create->add_option("--client-name", create_client_name,
                     "display name (default: the client_id)");
  create->add_flag("--skip-default-policy-assignments", skip_policies,
                   "create the key without the default permissions");

  // get
  CLI::App* get = app.add_subcommand("get", "show one key");
  std::string get_id;
  get->add_option("client_id", get_id)->required();

  // list
  CLI::App* list = app.add_subcommand("list", "list keys");
  uint32_t limit = 100;
  std::string list_prefix;
  list->add_option("--limit", limit, "maximum number of keys (0 = all)")
      ->capture_default_str();
  list->add_option("--client-id-prefix", list_prefix,
                   "only keys whose client_id starts with this");

  // update
  CLI::App* update = app.add_subcommand(
      "update", "change the display name and/or redirect URIs of a key");
  std::string update_id;
  std::optional<std::string> update_name;
  std::vector<std::string> update_uris;
  update->add_option("client_id", update_id)->required();
  update->add_option("--client-name", update_name, "new display name");
  CLI::Option* update_uris_opt = update->add_option(
      "--redirect-uri", update_uris, "new redirect URIs (repeatable; replaces all)");

  // delete
  CLI::App* del = app.add_subcommand("delete", "delete a key");
  std::string delete_id;
  del->add_option("client_id", delete_id)->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 echoes offending arguments; an --api-key value must never be
    // among what it prints.
    std::ostringstream out, err;
    const int rc = app.exit(e, out, err);
    const std::vector<std::string> keys = ApiKeyArguments(argc, argv);
    std::cout << unionc::RedactSecrets(out.str(), keys);
    std::cerr << unionc::RedactSecrets(err.str(), keys);
    return rc == 0 ? 0 : 1;
  }
  g.org_given = org->count() > 0;
  if (g.verbose) {
    unionc::SetLogSink([](unionc::LogLevel level, std::string_view msg) {
      std::cerr << "[" << unionc::LogLevelName(level) << "] " << msg << "\n";
    });
  }

  // Input checks that need no connection come first.
  if (create->parsed()) {
    if (absl::Status st = unionc::ValidateKeyName(create_name); !st.ok()) {
      return Fail(st);
    }
  }

  absl::StatusOr<ApiKeys> keys = Connect(g);
  if (!keys.ok()) return Fail(keys.status());

  if (create->parsed()) {
    absl::StatusOr<ApiKey> key = keys->Create(
        create_name, create_uris,
        {.skip_default_policy_assignments = skip_policies,
         .client_name = create_client_name});
    if (!key.ok()) return Fail(key.status());
    PrintJson(unionc::ToJson(*key));
    std::cerr << "\nThe following API key will only be shown once. Be sure to "
                 "keep it safe!\nConfigure headless use by setting this "
                 "environment variable:\n\n";
    std::cout << "export UNION_API_KEY=\"" << *key->encoded_credentials << "\"\n";
    return 0;
  }
  if (get->parsed()) {
    absl::StatusOr<ApiKey> key = keys->Get(get_id);
    if (!key.ok()) return Fail(key.status());
    PrintJson(unionc::ToJson(*key));
    return 0;
  }
  if (list->parsed()) {
    absl::StatusOr<std::vector<ApiKey>> all =
        keys->ListAll(limit, {.client_id_prefix = list_prefix});
    if (!all.ok()) return Fail(all.status());
    nlohmann::json out = nlohmann::json::array();
    for (const ApiKey& k : *all) out.push_back(unionc::ToJson(k));
    PrintJson(out);
    return 0;
  }
  if (update->parsed()) {
    unionc::UpdateOptions options{.client_name = update_name};
    if (update_uris_opt->count() > 0) options.redirect_uris = update_uris;
    absl::StatusOr<ApiKey> key = keys->Update(update_id, options);
    if (!key.ok()) return Fail(key.status());
    PrintJson(unionc::ToJson(*key));
    return 0;
  }
  if (del->parsed()) {
    absl::Status st = keys->Delete(delete_id);
    if (!st.ok()) return Fail(st);
    PrintJson({{"deleted", delete_id}});
    return 0;
  }
  return 1;
}
