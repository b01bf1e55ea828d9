// The network side of a spawned union-devserver: slow clients do not starve
// the token endpoint, and serving plaintext beyond loopback is warned about.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

#include <httplib.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "devserver/tests/test_client.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace devserver::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPlaintextWarning[] = "serving without TLS on a non-loopback";

// A TCP connection to 127.0.0.1:port; -1 on failure.
int ConnectLoopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

class NetworkTest : public DevServerTest {};

TEST_F(NetworkTest, SlowConnectionsDoNotStarveTheTokenEndpoint) {
  constexpr int kSlow = 32;
  std::vector<int> sockets;
  for (int i = 0; i < kSlow; ++i) {
    const int fd = ConnectLoopback(server_->http_port());
    ASSERT_GE(fd, 0) << "connection " << i;
    sockets.push_back(fd);
    const std::string start = "POST /oauth2/token HTTP/1.1\r\nX-Slow: ";
    ASSERT_EQ(::send(fd, start.data(), start.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(start.size()));
  }
  // Keep every connection inside its headers: one byte each, well within the
  // server's read timeout, until the real request is done.
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    while (!stop.load()) {
      for (int fd : sockets) ::send(fd, "a", 1, MSG_NOSIGNAL);
      for (int i = 0; i < 10 && !stop.load(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  });
  // Let the server pick the slow connections up first.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  httplib::Client client("127.0.0.1", server_->http_port());
  client.set_connection_timeout(3, 0);
  client.set_read_timeout(3, 0);
  client.set_write_timeout(3, 0);
  httplib::Headers headers = {
      {"Authorization", BasicAuth(admin_.client_id, admin_.secret)}};
  httplib::Result r = client.Post("/oauth2/token", headers,
                                  "grant_type=client_credentials",
                                  "application/x-www-form-urlencoded");
  stop = true;
  trickle.join();
  for (int fd : sockets) ::close(fd);
  ASSERT_TRUE(r) << "no answer within the client timeout while " << kSlow
                 << " slow connections are open: " << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 200) << r->body;
  EXPECT_THAT(r->body, HasSubstr("access_token"));
}

// Starts a server with `bind`; its logs, or "" when it could not start.
std::string LogsOfServerBoundTo(const std::string& bind, const TempDir& dir) {
  auto server = DevServerProcess::Start(
      {"--db", ":memory:", "--bind", bind}, dir.path());
  if (!server.ok()) return "";
  std::string logs = (*server)->logs();
  (*server)->Kill(SIGTERM);
  (void)(*server)->Wait();
  return logs;
}

TEST(BindWarningTest, WildcardBindWithoutTlsWarns) {
  TempDir dir;
  const std::string logs = LogsOfServerBoundTo("0.0.0.0", dir);
  ASSERT_FALSE(logs.empty()) << "the server did not start on 0.0.0.0";
  EXPECT_THAT(logs, HasSubstr(kPlaintextWarning));
  EXPECT_THAT(logs, HasSubstr("\"all_interfaces\":true"));
  EXPECT_THAT(logs, HasSubstr("\"@level\":\"warn\""));
}

TEST(BindWarningTest, Ipv6WildcardBindWithoutTlsWarns) {
  TempDir dir;
  const std::string logs = LogsOfServerBoundTo("::", dir);
  if (logs.empty()) GTEST_SKIP() << "no IPv6 on this machine";
  EXPECT_THAT(logs, HasSubstr(kPlaintextWarning));
}

TEST(BindWarningTest, LoopbackBindsDoNotWarn) {
  TempDir dir;
  for (const char* bind : {"127.0.0.1", "localhost"}) {
    const std::string logs = LogsOfServerBoundTo(bind, dir);
    ASSERT_FALSE(logs.empty()) << bind;
    EXPECT_THAT(logs, HasSubstr("\"serving\"")) << bind;
    EXPECT_THAT(logs, Not(HasSubstr(kPlaintextWarning))) << bind;
  }
}

}  // namespace
}  // namespace devserver::testing
