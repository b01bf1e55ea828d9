// test_certs.h: certificates the way the terraform CLI makes them, for tests.
//
// The CLI's AutoMTLS client certificate is ECDSA P-521, self-signed,
// CN=localhost, SAN DNS:localhost, EKU clientAuth+serverAuth. This helper is
// written independently of the plugin's own generator so the two check each
// other.
//
// Usage:
//   KeyAndCert client = MakeCliStyleCertificate();
//   env.push_back("PLUGIN_CLIENT_CERT=" + client.cert_pem);
#pragma once

#include <string>

namespace tfpu::testing {

struct KeyAndCert {
  std::string key_pem;
  std::string cert_pem;
};

// A fresh P-521 key and self-signed certificate; aborts the test binary on an
// OpenSSL failure (there is no sensible way to continue).
KeyAndCert MakeCliStyleCertificate();

// DER (as carried in the handshake line, after base64 decoding) to PEM;
// empty on malformed input.
std::string DerToPem(const std::string& der);

}  // namespace tfpu::testing
