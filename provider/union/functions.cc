// functions.cc: decode_api_key and encode_api_key.
#include "provider/union/functions.h"

#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "union/credentials.h"
#include "provider/union/status_diagnostic.h"

namespace union_provider {
namespace {

using tf::Type;
using tf::Value;

constexpr char kFormat[] =
    "An API key is the base64 encoding of "
    "\"endpoint:client_id:client_secret:organization\" (organization "
    "\"None\" when there is none), as union_api_key's encoded_credentials "
    "and `union-apikey create` give it.";

// Terraform shows an argument error as `Invalid value for "<parameter>"
// parameter: <text>.`, adding the final period itself.
void Fail(tf::FunctionRunResponse& resp, int64_t argument, std::string text) {
  while (!text.empty() && text.back() == '.') text.pop_back();
  resp.error = tf::FunctionError{.text = std::move(text), .argument = argument};
}

}  // namespace

tf::Type DecodedApiKeyType() {
  return Type::Object({{"endpoint", Type::String()},
                       {"client_id", Type::String()},
                       {"client_secret", Type::String()},
                       {"organization", Type::String()}});
}

tf::FunctionDefinition DecodeApiKeyFunction::Definition() const {
  return {
      .parameters = {{.name = "api_key",
                      .type = Type::String(),
                      .description = "An encoded Union API key."}},
      .return_type = DecodedApiKeyType(),
      .summary = "Splits an encoded Union API key into its parts",
      .description = absl::StrCat(
          "Decodes an API key into an object with `endpoint`, `client_id`, "
          "`client_secret` and `organization`. The key is split from the "
          "right, so an endpoint with a port (`localhost:8089`) is kept "
          "whole; an organization encoded as `None` becomes `\"\"`. ",
          kFormat),
  };
}

void DecodeApiKeyFunction::Run(const tf::Context&,
                               const tf::FunctionRunRequest& req,
                               tf::FunctionRunResponse& resp) {
  const std::string& key = req.arguments.at(0).AsString();
  absl::StatusOr<unionc::ApiKeyCredentials> creds =
      unionc::ApiKeyCredentials::Decode(key);
  if (!creds.ok()) {
    Fail(resp, 0,
         absl::StrCat("api_key is not a valid Union API key: ",
                      SafeMessage(creds.status(), {key}),
                      ". (The value is not shown.) ", kFormat));
    return;
  }
  resp.result = Value::Object({{"endpoint", Value::String(creds->endpoint)},
                               {"client_id", Value::String(creds->client_id)},
                               {"client_secret",
                                Value::String(creds->client_secret)},
                               {"organization", Value::String(creds->org)}});
}

tf::FunctionDefinition EncodeApiKeyFunction::Definition() const {
  return {
      .parameters =
          {{.name = "endpoint",
            .type = Type::String(),
            .description = "The Union endpoint, `host` or `host:port`."},
           {.name = "client_id",
            .type = Type::String(),
            .description = "The key's client_id."},
           {.name = "client_secret",
            .type = Type::String(),
            .description = "The key's client secret."},
           {.name = "organization",
            .type = Type::String(),
            .description = "The organization; `\"\"` for none."}},
      .return_type = Type::String(),
      .summary = "Encodes the parts of a Union API key",
      .description = absl::StrCat(
          "Encodes an endpoint, client_id, client secret and organization "
          "into an API key, exactly as union_api_key's "
          "`encoded_credentials` (an empty organization is encoded as "
          "`None`). ",
          kFormat),
  };
}

void EncodeApiKeyFunction::Run(const tf::Context&,
                               const tf::FunctionRunRequest& req,
                               tf::FunctionRunResponse& resp) {
  unionc::ApiKeyCredentials creds{
      .endpoint = req.arguments.at(0).AsString(),
      .client_id = req.arguments.at(1).AsString(),
      .client_secret = req.arguments.at(2).AsString(),
      .org = req.arguments.at(3).AsString(),
  };
  const char* const names[] = {"endpoint", "client_id", "client_secret"};
  const std::string* const required[] = {&creds.endpoint, &creds.client_id,
                                         &creds.client_secret};
  for (int64_t i = 0; i < 3; ++i) {
    if (required[i]->empty()) {
      Fail(resp, i, absl::StrCat(names[i], " must not be empty."));
      return;
    }
  }
  // The decoder is the authority on what the encoding can carry: each part
  // is put beside harmless others and must survive the round trip, so the
  // error lands on the argument at fault (a ':' outside the endpoint, an
  // endpoint that is not host[:port]).
  const std::string given[4] = {creds.endpoint, creds.client_id,
                                creds.client_secret, creds.org};
  const char* const all[] = {"endpoint", "client_id", "client_secret",
                             "organization"};
  for (int64_t i = 0; i < 4; ++i) {
    std::string parts[4] = {"localhost", "client", "secret", "org"};
    parts[i] = given[i];
    const unionc::ApiKeyCredentials alone{.endpoint = parts[0],
                                          .client_id = parts[1],
                                          .client_secret = parts[2],
                                          .org = parts[3]};
    absl::StatusOr<unionc::ApiKeyCredentials> back =
        unionc::ApiKeyCredentials::Decode(alone.Encode());
    const bool survives =
        back.ok() && back->endpoint == parts[0] &&
        back->client_id == parts[1] && back->client_secret == parts[2] &&
        back->org == (parts[3] == "None" ? "" : parts[3]);
    if (survives) continue;
    Fail(resp, i,
         i == 0 ? absl::StrCat(
                      "endpoint cannot be encoded: ",
                      back.ok() ? std::string("it does not survive decoding")
                                : SafeMessage(back.status(), {}),
                      ". Use host or host:port. (The value is not shown.)")
                : absl::StrCat(all[i],
                               " must not contain \":\": the parts of an API "
                               "key are separated by \":\", and only the "
                               "endpoint may contain one (as in host:port). "
                               "(The value is not shown.)"));
    return;
  }
  std::string encoded = creds.Encode();
  absl::StatusOr<unionc::ApiKeyCredentials> back =
      unionc::ApiKeyCredentials::Decode(encoded);
  if (!back.ok()) {
    Fail(resp, 0,
         absl::StrCat("the parts cannot be encoded together: ",
                      SafeMessage(back.status(), {creds.client_secret}), "."));
    return;
  }
  resp.result = Value::String(std::move(encoded));
}

}  // namespace union_provider
