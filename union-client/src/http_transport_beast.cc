// TransportFetch over Boost.Beast + Boost.Asio with OpenSSL: header-only, so
// a TFPU_STATIC binary links it with libssl.a/libcrypto.a and needs no HTTP
// shared library at all, and the dynamic build runs the same code (see
// http_transport.h).
#include <utility>  // before Asio: 1.74's awaitable.hpp misses it

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <exception>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl_compat.h"
#include "http_transport.h"
#include "http_transport_impl.h"

namespace unionc::http_internal {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

struct ParsedUrl {
  bool https = false;
  std::string host;       // without brackets
  std::string port;       // "80" / "443" when absent
  std::string authority;  // for the Host header
  std::string target;     // "/path?query"
};

absl::StatusOr<ParsedUrl> Parse(const std::string& url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot use the URL ", url, ": it has no scheme"));
  }
  ParsedUrl out;
  const std::string scheme =
      absl::AsciiStrToLower(internal::Av(url.substr(0, scheme_end)));
  if (scheme != "http" && scheme != "https") {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot use the URL ", url, ": only http and https are supported"));
  }
  out.https = scheme == "https";
  const size_t start = scheme_end + 3;
  size_t end = url.find_first_of("/?#", start);
  if (end == std::string::npos) end = url.size();
  out.authority = url.substr(start, end - start);
  std::string hostport = out.authority;
  if (hostport.find('@') != std::string::npos || hostport.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot use the URL ", url, ": bad host"));
  }
  if (hostport[0] == '[') {
    const size_t close = hostport.find(']');
    if (close == std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("cannot use the URL ", url, ": bad host"));
    }
    out.host = hostport.substr(1, close - 1);
    if (close + 1 < hostport.size() && hostport[close + 1] == ':') {
      out.port = hostport.substr(close + 2);
    }
  } else if (const size_t colon = hostport.rfind(':');
             colon != std::string::npos) {
    out.host = hostport.substr(0, colon);
    out.port = hostport.substr(colon + 1);
  } else {
    out.host = hostport;
  }
  if (out.port.empty()) out.port = out.https ? "443" : "80";
  std::string rest = url.substr(end);
  if (const size_t hash = rest.find('#'); hash != std::string::npos) {
    rest.resize(hash);
  }
  out.target = rest.empty() || rest[0] != '/' ? absl::StrCat("/", rest) : rest;
  return out;
}

template <typename Stream>
net::awaitable<void> Exchange(Stream& stream, tcp::resolver& resolver,
                              const ParsedUrl& url, bool tls,
                              const http::request<http::string_body>& req,
                              beast::flat_buffer& buffer,
                              http::response_parser<http::string_body>& parser,
                              std::string* stage) {
  *stage = "resolve";
  auto endpoints =
      co_await resolver.async_resolve(url.host, url.port, net::use_awaitable);
  *stage = "connect";
  co_await beast::get_lowest_layer(stream).async_connect(endpoints,
                                                         net::use_awaitable);
  if constexpr (!std::is_same_v<Stream, beast::tcp_stream>) {
    if (tls) {
      *stage = "TLS handshake";
      co_await stream.async_handshake(ssl::stream_base::client,
                                      net::use_awaitable);
    }
  }
  *stage = "send";
  co_await http::async_write(stream, req, net::use_awaitable);
  *stage = "receive";
  co_await http::async_read(stream, buffer, parser, net::use_awaitable);
  *stage = "done";
}

}  // namespace

absl::StatusOr<HttpResponse> TransportFetch(const HttpRequest& request) {
  absl::StatusOr<ParsedUrl> url = Parse(request.url);
  if (!url.ok()) return url.status();
  const auto timeout = std::max(request.timeout, std::chrono::milliseconds(1));

  // Header values hold secrets (Authorization): they live only in `req`.
  http::request<http::string_body> req(
      request.method == HttpMethod::kPost ? http::verb::post : http::verb::get,
      url->target, 11);
  req.set(http::field::host, url->authority);
  req.set(http::field::user_agent, "union-client-cpp/0.1");
  req.set(http::field::accept, "application/json");
  req.set(http::field::connection, "close");
  for (const auto& [name, value] : request.headers) req.set(name, value);
  if (request.method == HttpMethod::kPost) {
    req.set(http::field::content_type, request.content_type.empty()
                                           ? std::string("text/plain")
                                           : request.content_type);
    req.body() = request.body;
    req.prepare_payload();
  }

  net::io_context ioc;  // declared first: outlives everything using it
  tcp::resolver resolver(ioc);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxResponseBody);
  std::string stage = "start";
  std::optional<std::exception_ptr> finished;

  ssl::context ctx(ssl::context::tls_client);
  boost::system::error_code ec;
  if (url->https) {
    ctx.set_verify_mode(ssl::verify_peer);
    if (!request.ca_cert_file.empty()) {
      ctx.load_verify_file(request.ca_cert_file, ec);
    } else {
      ctx.set_default_verify_paths(ec);
    }
    if (ec) {
      return absl::UnavailableError(absl::StrCat(
          "could not reach ", request.url,
          ": cannot load the CA certificates: ", ec.message()));
    }
  }
  beast::ssl_stream<beast::tcp_stream> tls_stream(ioc, ctx);
  beast::tcp_stream plain_stream(ioc);
  auto on_done = [&finished](std::exception_ptr e) { finished = e; };
  if (url->https) {
    if (!SSL_set_tlsext_host_name(tls_stream.native_handle(),
                                  url->host.c_str())) {
      return absl::InternalError("could not set the TLS server name");
    }
    tls_stream.set_verify_callback(ssl::host_name_verification(url->host));
    net::co_spawn(ioc,
                  Exchange(tls_stream, resolver, *url, true, req, buffer,
                           parser, &stage),
                  on_done);
  } else {
    net::co_spawn(ioc,
                  Exchange(plain_stream, resolver, *url, false, req, buffer,
                           parser, &stage),
                  on_done);
  }
  ioc.run_for(timeout);
  if (!finished) {
    // Out of time: cancel everything and let the handlers unwind.
    resolver.cancel();
    beast::get_lowest_layer(tls_stream).close();
    plain_stream.close();
    ioc.restart();
    ioc.run();
    return absl::DeadlineExceededError(
        absl::StrCat(request.url, " did not answer within ",
                     request.timeout.count(), " ms"));
  }
  if (*finished) {
    std::string reason = "unknown error";
    bool too_large = false;
    try {
      std::rethrow_exception(*finished);
    } catch (const boost::system::system_error& e) {
      too_large = e.code() == http::error::body_limit;
      reason = e.code().message();
    } catch (const std::exception& e) {
      reason = e.what();
    }
    if (too_large) {
      return absl::UnavailableError(absl::StrCat(
          request.url, " sent a response larger than ", kMaxResponseBody,
          " bytes"));
    }
    return absl::UnavailableError(absl::StrCat(
        "could not reach ", request.url, " (", stage, "): ", reason));
  }
  HttpResponse response;
  auto& res = parser.get();
  response.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    response.headers.emplace_back(
        absl::AsciiStrToLower(
            absl::string_view(field.name_string().data(),
                              field.name_string().size())),
        std::string(field.value()));
  }
  response.body = std::move(res.body());
  return response;
}

}  // namespace unionc::http_internal
