#include "devserver/src/library_logs.h"

#include <grpc/support/log.h>

#include <atomic>
#include <string>

#include "google/protobuf/stubs/logging.h"

namespace devserver {
namespace {

std::atomic<Logger*> g_log{nullptr};

void FromGrpc(gpr_log_func_args* args) {
  Logger* log = g_log.load();
  if (log == nullptr || args == nullptr) return;
  const LogLevel level =
      args->severity == GPR_LOG_SEVERITY_ERROR  ? LogLevel::kError
      : args->severity == GPR_LOG_SEVERITY_INFO ? LogLevel::kInfo
                                                : LogLevel::kDebug;
  log->Log(level, args->message != nullptr ? args->message : "",
           {{"library", "grpc"},
            {"file", args->file != nullptr ? args->file : ""},
            {"line", args->line}});
}

void FromProtobuf(google::protobuf::LogLevel severity, const char* file,
                  int line, const std::string& message) {
  Logger* log = g_log.load();
  if (log == nullptr) return;
  const LogLevel level =
      severity >= google::protobuf::LOGLEVEL_ERROR     ? LogLevel::kError
      : severity == google::protobuf::LOGLEVEL_WARNING ? LogLevel::kWarn
                                                       : LogLevel::kInfo;
  log->Log(level, message,
           {{"library", "protobuf"},
            {"file", file != nullptr ? file : ""},
            {"line", line}});
}

}  // namespace

void RouteLibraryLogs(Logger* log) {
  g_log.store(log);
  gpr_set_log_function(FromGrpc);
  google::protobuf::SetLogHandler(FromProtobuf);
}

}  // namespace devserver
