// client_log.cc: the union-client -> hclog log sink.
#include "provider/union/client_log.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "union/redact.h"

namespace union_provider {
namespace {

struct Secrets {
  absl::Mutex mu;
  std::vector<std::string> values ABSL_GUARDED_BY(mu);
};

Secrets& RegisteredSecrets() {
  static Secrets* secrets = new Secrets;  // never destroyed: used at exit
  return *secrets;
}

void Forward(unionc::LogLevel level, std::string_view message) {
  const tf::log::Level hclog = HclogLevel(level);
  if (!tf::log::Enabled(hclog)) return;
  std::string safe;
  {
    Secrets& s = RegisteredSecrets();
    absl::MutexLock lock(&s.mu);
    safe = unionc::RedactSecrets(message, s.values);
  }
  tf::log::Log(hclog, safe, {{"logger", "union-client"}});
}

}  // namespace

tf::log::Level HclogLevel(unionc::LogLevel level) {
  switch (level) {
    case unionc::LogLevel::kTrace:
      return tf::log::Level::kTrace;
    case unionc::LogLevel::kDebug:
      return tf::log::Level::kDebug;
    case unionc::LogLevel::kInfo:
      return tf::log::Level::kInfo;
    case unionc::LogLevel::kWarn:
      return tf::log::Level::kWarn;
    case unionc::LogLevel::kError:
      return tf::log::Level::kError;
  }
  return tf::log::Level::kError;
}

void ForwardClientLogs() { unionc::SetLogSink(Forward); }

void RegisterClientLogSecrets(const std::vector<std::string>& secrets) {
  Secrets& s = RegisteredSecrets();
  absl::MutexLock lock(&s.mu);
  for (const std::string& v : secrets) {
    if (v.empty()) continue;
    if (std::find(s.values.begin(), s.values.end(), v) == s.values.end()) {
      s.values.push_back(v);
    }
  }
}

}  // namespace union_provider
