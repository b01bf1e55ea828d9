// client_log.h: union-client's log lines in the provider's log.
//
// union-client logs through a process-wide sink (union/log.h) that is
// silent until someone installs one. The provider installs a sink that
// writes each line as an hclog record (tf::log) at the matching level, with
// the field "logger": "union-client", after removing every registered
// secret. So TF_LOG=debug shows the client's retries and token refreshes:
//   ForwardClientLogs();                          // once, at start-up
//   RegisterClientLogSecrets({api_key, client_secret});  // at configure
#pragma once

#include <string>
#include <vector>

#include "provider/framework/log/log.h"
#include "union/log.h"

namespace union_provider {

// The hclog level of a union-client level (trace, debug, info, warn, error
// map one to one).
[[nodiscard]] tf::log::Level HclogLevel(unionc::LogLevel level);

// Installs the forwarding sink in union-client. Idempotent; thread-safe.
void ForwardClientLogs();

// Adds values that forwarded lines must never show (replaced by
// union-client's redaction marker). Empty values are ignored.
void RegisterClientLogSecrets(const std::vector<std::string>& secrets);

}  // namespace union_provider
