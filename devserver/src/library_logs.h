// RouteLibraryLogs: sends gRPC's and protobuf's own log lines through a
// Logger, so stderr stays JSON lines (e.g. protobuf's "invalid UTF-8" notes).
//
//   Logger log(LogLevel::kInfo);
//   RouteLibraryLogs(&log);   // once, at start-up, before serving
#pragma once

#include "devserver/src/logger.h"

namespace devserver {

// `log` must outlive every later gRPC or protobuf call. Not thread-safe:
// call it once before starting threads.
void RouteLibraryLogs(Logger* log);

}  // namespace devserver
