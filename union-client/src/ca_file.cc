// Reading and checking a CA file with OpenSSL's PEM parser.
#include "ca_file.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "union/errors.h"

namespace unionc::client_internal {
namespace {

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};

// Number of certificates OpenSSL finds in `pem`.
int CountCertificates(const std::string& pem) {
  std::unique_ptr<BIO, BioFree> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return 0;
  int n = 0;
  while (std::unique_ptr<X509, X509Free>(
      PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))) {
    ++n;
  }
  ERR_clear_error();  // the loop ends with a "no start line" error
  return n;
}

}  // namespace

absl::StatusOr<std::string> ReadCaCertFile(const std::string& path) {
  const std::string shown = TruncateForMessage(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read the CA certificate file \"", shown, "\" (",
        err != 0 ? std::strerror(err) : "cannot open it",
        "); check the path given as ca_cert_file / --ca-cert"));
  }
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read the CA certificate file \"", shown,
        "\" (a read error); check the path given as ca_cert_file / --ca-cert"));
  }
  std::string pem = buf.str();
  if (CountCertificates(pem) == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "no certificate in \"", shown,
        "\"; ca_cert_file / --ca-cert must be a PEM file with one or more "
        "\"-----BEGIN CERTIFICATE-----\" blocks"));
  }
  return pem;
}

}  // namespace unionc::client_internal
