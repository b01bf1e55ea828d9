// self_signed_cert.h: for tests and benches, a self-signed P-256 CA
// certificate for localhost and 127.0.0.1 (CN localhost), valid from an hour
// ago for a day, as PEM with its private key, in memory or written to files.
// Users link OpenSSL.
//   ASSERT_TRUE(tfpu::WriteSelfSignedCert(dir.File("cert.pem"),
//                                         dir.File("key.pem")));
//   std::optional<tfpu::SelfSignedPem> pem = tfpu::MakeSelfSignedCert();
#pragma once

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace tfpu {

namespace self_signed_internal {
struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* x) const { X509_free(x); }
};
struct ExtFree {
  void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
// What a memory BIO holds.
inline std::string BioText(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<size_t>(n)) : std::string();
}
}  // namespace self_signed_internal

// The certificate and its private key, as PEM.
struct SelfSignedPem {
  std::string cert_pem;
  std::string key_pem;
};

inline std::optional<SelfSignedPem> MakeSelfSignedCert() {
  using namespace self_signed_internal;
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  std::unique_ptr<X509, X509Free> cert(X509_new());
  if (!key || !cert) return std::nullopt;
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(
      name, "CN", MBSTRING_ASC,
      reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] :
       {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
        std::pair{NID_basic_constraints, "critical,CA:TRUE"}}) {
    std::unique_ptr<X509_EXTENSION, ExtFree> ext(
        X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1) {
      return std::nullopt;
    }
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return std::nullopt;
  std::unique_ptr<BIO, BioFree> c(BIO_new(BIO_s_mem()));
  std::unique_ptr<BIO, BioFree> k(BIO_new(BIO_s_mem()));
  if (!c || !k || PEM_write_bio_X509(c.get(), cert.get()) != 1 ||
      PEM_write_bio_PrivateKey(k.get(), key.get(), nullptr, nullptr, 0, nullptr,
                               nullptr) != 1) {
    return std::nullopt;
  }
  return SelfSignedPem{.cert_pem = BioText(c.get()),
                       .key_pem = BioText(k.get())};
}

// MakeSelfSignedCert written to `cert_path` and `key_path`.
inline bool WriteSelfSignedCert(const std::filesystem::path& cert_path,
                                const std::filesystem::path& key_path) {
  std::optional<SelfSignedPem> pem = MakeSelfSignedCert();
  if (!pem) return false;
  std::ofstream c(cert_path);
  std::ofstream k(key_path);
  c << pem->cert_pem;
  k << pem->key_pem;
  c.close();
  k.close();
  return !c.fail() && !k.fail();
}

}  // namespace tfpu
