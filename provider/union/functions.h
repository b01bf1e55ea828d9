// functions.h: the provider-defined functions of the union provider,
// called in configuration as provider::union::<name>(...).
//
//   locals {
//     parts = provider::union::decode_api_key(var.api_key)
//     again = provider::union::encode_api_key(parts.endpoint, parts.client_id,
//                                             parts.client_secret,
//                                             parts.organization)
//   }
// Both use union-client's codec (union/credentials.h), so they agree with
// `encoded_credentials` and with what the provider accepts as api_key. An
// error names the argument and what is wrong with it, never its value.
#pragma once

#include <string>

#include "provider/framework/sdk/function.h"

namespace union_provider {

// The object type decode_api_key returns: endpoint, client_id,
// client_secret, organization (all strings).
tf::Type DecodedApiKeyType();

// decode_api_key(api_key string) -> object. Splits from the right, so an
// endpoint with a port survives; an encoded "None" organization is "".
class DecodeApiKeyFunction final : public tf::Function {
 public:
  std::string Name() const override { return "decode_api_key"; }
  tf::FunctionDefinition Definition() const override;
  void Run(const tf::Context& ctx, const tf::FunctionRunRequest& req,
           tf::FunctionRunResponse& resp) override;
};

// encode_api_key(endpoint, client_id, client_secret, organization) ->
// string: the same encoding as union_api_key's encoded_credentials ("None"
// for an empty organization).
class EncodeApiKeyFunction final : public tf::Function {
 public:
  std::string Name() const override { return "encode_api_key"; }
  tf::FunctionDefinition Definition() const override;
  void Run(const tf::Context& ctx, const tf::FunctionRunRequest& req,
           tf::FunctionRunResponse& resp) override;
};

}  // namespace union_provider
