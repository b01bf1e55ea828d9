// Test helpers for the HTTP transport: a cpp-httplib server on 127.0.0.1:0
// whose handlers may block until released, a port that accepts connections
// but never answers, and a port that refuses them.
//
//   HttpTestServer server;
//   server.http().Get("/x", [](const httplib::Request&, httplib::Response& r) {
//     r.set_content("hi", "text/plain");
//   });
//   server.Start();  // then requests to server.url("/x")
#pragma once

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"

namespace unionc::testing {

// Waits (bounded, so a broken test still ends) until `server`'s serving
// thread has entered its loop.
inline void WaitUntilRunning(const httplib::Server& server) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!server.is_running() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

class HttpTestServer {
 public:
  HttpTestServer() = default;
  ~HttpTestServer() {
    Release();
    http_.stop();
    if (thread_.joinable()) thread_.join();
  }
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  httplib::Server& http() { return http_; }

  // Binds 127.0.0.1:0 and serves on a thread (register handlers first).
  // Returns once the server is running: a stop() before that would be lost
  // and the destructor would wait forever for the serving thread.
  void Start() {
    port_ = http_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { http_.listen_after_bind(); });
    WaitUntilRunning(http_);
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return absl::StrCat("http://127.0.0.1:", port_, path);
  }

  // For handlers that must hang: block until Release() (or 30 s, so that a
  // broken test still ends).
  void BlockUntilReleased() {
    release_.WaitForNotificationWithTimeout(absl::Seconds(30));
  }
  void Release() {
    if (!release_.HasBeenNotified()) release_.Notify();
  }

 private:
  httplib::Server http_;
  int port_ = 0;
  std::thread thread_;
  absl::Notification release_;
};

// A bound TCP socket on 127.0.0.1:0; with `listen` it accepts connections
// into its backlog but never answers, without it connections are refused.
class RawPort {
 public:
  explicit RawPort(bool listen) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
    socklen_t len = sizeof(addr);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    if (listen) ::listen(fd_, 16);
  }
  ~RawPort() { ::close(fd_); }
  RawPort(const RawPort&) = delete;
  RawPort& operator=(const RawPort&) = delete;

  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return absl::StrCat("http://127.0.0.1:", port_, path);
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace unionc::testing
