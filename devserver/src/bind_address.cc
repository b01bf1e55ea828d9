#include "devserver/src/bind_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstring>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"

namespace devserver {
namespace {

// The address without IPv6 brackets.
std::string Unbracketed(absl::string_view bind) {
  if (absl::StartsWith(bind, "[") && absl::EndsWith(bind, "]")) {
    bind = bind.substr(1, bind.size() - 2);
  }
  return std::string(bind);
}

}  // namespace

bool IsLoopbackAddress(absl::string_view bind) {
  const std::string host = Unbracketed(bind);
  if (absl::AsciiStrToLower(host) == "localhost") return true;
  in_addr v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    return (ntohl(v4.s_addr) >> 24) == 127;
  }
  in6_addr v6{};
  if (::inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

bool IsWildcardAddress(absl::string_view bind) {
  const std::string host = Unbracketed(bind);
  in_addr v4{};
  if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) {
    return v4.s_addr == htonl(INADDR_ANY);
  }
  in6_addr v6{};
  if (::inet_pton(AF_INET6, host.c_str(), &v6) == 1) {
    return IN6_IS_ADDR_UNSPECIFIED(&v6);
  }
  return false;
}

}  // namespace devserver
