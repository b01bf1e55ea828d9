// The process-wide log sink.
#include "union/log.h"

#include <memory>
#include <utility>

#include "absl/synchronization/mutex.h"

namespace unionc {
namespace {

struct SinkHolder {
  absl::Mutex mu;
  std::shared_ptr<const LogSink> sink ABSL_GUARDED_BY(mu);
};

SinkHolder& Holder() {
  static SinkHolder holder;
  return holder;
}

}  // namespace

void SetLogSink(LogSink sink) {
  SinkHolder& h = Holder();
  absl::MutexLock lock(&h.mu);
  h.sink = sink ? std::make_shared<const LogSink>(std::move(sink)) : nullptr;
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kTrace: return "trace";
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

void Log(LogLevel level, std::string_view message) {
  std::shared_ptr<const LogSink> sink;
  {
    SinkHolder& h = Holder();
    absl::MutexLock lock(&h.mu);
    sink = h.sink;
  }
  if (sink) (*sink)(level, message);
}

}  // namespace unionc
