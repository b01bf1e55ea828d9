// test_certs.cc: P-521 self-signed certificates with OpenSSL 3.
#include "tests/protocol/test_certs.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <cstdlib>

namespace tfpu::testing {
namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "test_certs: %s failed\n", what);
    std::abort();
  }
}

std::string Drain(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<size_t>(len));
  BIO_free(bio);
  return out;
}

void Extend(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  Check(ext != nullptr, "extension");
  Check(X509_add_ext(cert, ext, -1) == 1, "add extension");
  X509_EXTENSION_free(ext);
}

}  // namespace

KeyAndCert MakeCliStyleCertificate() {
  EVP_PKEY* key = EVP_EC_gen("P-521");
  Check(key != nullptr, "P-521 key");
  X509* cert = X509_new();
  Check(cert != nullptr, "X509_new");
  X509_set_version(cert, X509_VERSION_3);
  unsigned char serial_bytes[16];
  Check(RAND_bytes(serial_bytes, sizeof(serial_bytes)) == 1, "RAND_bytes");
  serial_bytes[0] &= 0x7f;
  serial_bytes[0] |= 0x01;
  BIGNUM* serial = BN_bin2bn(serial_bytes, sizeof(serial_bytes), nullptr);
  BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert));
  BN_free(serial);
  X509_gmtime_adj(X509_getm_notBefore(cert), -30);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(
      name, "O", MBSTRING_ASC,
      reinterpret_cast<const unsigned char*>("HashiCorp"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(
      name, "CN", MBSTRING_ASC,
      reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509_set_pubkey(cert, key);
  Extend(cert, NID_basic_constraints, "critical,CA:TRUE");
  Extend(cert, NID_key_usage,
         "critical,digitalSignature,keyEncipherment,keyAgreement,keyCertSign");
  Extend(cert, NID_ext_key_usage, "clientAuth,serverAuth");
  Extend(cert, NID_subject_alt_name, "DNS:localhost");
  Check(X509_sign(cert, key, EVP_sha512()) != 0, "sign");

  KeyAndCert out;
  BIO* key_bio = BIO_new(BIO_s_mem());
  Check(PEM_write_bio_PrivateKey(key_bio, key, nullptr, nullptr, 0, nullptr,
                                 nullptr) == 1,
        "key PEM");
  out.key_pem = Drain(key_bio);
  BIO* cert_bio = BIO_new(BIO_s_mem());
  Check(PEM_write_bio_X509(cert_bio, cert) == 1, "cert PEM");
  out.cert_pem = Drain(cert_bio);
  X509_free(cert);
  EVP_PKEY_free(key);
  return out;
}

std::string DerToPem(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  if (cert == nullptr) return "";
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  X509_free(cert);
  return Drain(bio);
}

}  // namespace tfpu::testing
