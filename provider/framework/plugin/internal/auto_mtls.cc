// auto_mtls.cc: key and self-signed certificate generation with OpenSSL 3.
#include "provider/framework/plugin/internal/auto_mtls.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "absl/strings/str_cat.h"

namespace tf::plugin::internal {
namespace {

template <auto Fn>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Fn(p);
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

constexpr long kBackdateSeconds = 30;
constexpr long kValiditySeconds = 365L * 24 * 3600;

absl::Status OpenSslError(absl::string_view what) {
  unsigned long code = ERR_get_error();
  char buf[256] = "unknown error";
  if (code != 0) ERR_error_string_n(code, buf, sizeof(buf));
  ERR_clear_error();
  return absl::InternalError(absl::StrCat("AutoMTLS: ", what, ": ", buf));
}

std::string BioContents(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(len));
}

absl::Status AddExtension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslError(absl::StrCat("adding extension ", OBJ_nid2sn(nid)));
  }
  return absl::OkStatus();
}

// The certificate's SubjectPublicKeyInfo, built from the key's encoded point
// (id-ecPublicKey, namedCurve prime256v1). X509_set_pubkey would do the same
// through OpenSSL 3's encoder framework, whose first use costs more than the
// rest of the certificate (measured in docs/benchmarks.md).
absl::Status SetEcPublicKey(X509* cert, EVP_PKEY* key) {
  size_t len = 0;
  if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                                      nullptr, 0, &len) != 1 ||
      len == 0) {
    return OpenSslError("reading the public key");
  }
  auto* point = static_cast<unsigned char*>(OPENSSL_malloc(len));
  if (point == nullptr ||
      EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_ENCODED_PUBLIC_KEY,
                                      point, len, &len) != 1) {
    OPENSSL_free(point);
    return OpenSslError("reading the public key");
  }
  // On success X509_PUBKEY_set0_param owns `point`.
  if (X509_PUBKEY_set0_param(X509_get_X509_PUBKEY(cert),
                             OBJ_nid2obj(NID_X9_62_id_ecPublicKey),
                             V_ASN1_OBJECT, OBJ_nid2obj(NID_X9_62_prime256v1),
                             point, static_cast<int>(len)) != 1) {
    OPENSSL_free(point);
    return OpenSslError("setting the public key");
  }
  return absl::OkStatus();
}

// The private key as SEC1 PEM ("EC PRIVATE KEY"). The EC_KEY calls are
// deprecated in OpenSSL 3 but avoid the encoder framework's start-up, as
// above; gRPC reads either PEM form.
absl::Status WriteEcPrivateKeyPem(EVP_PKEY* key, BIO* out) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  EC_KEY* ec = EVP_PKEY_get1_EC_KEY(key);
  bool ok = false;
  if (ec != nullptr) {
    ok = PEM_write_bio_ECPrivateKey(out, ec, nullptr, nullptr, 0, nullptr,
                                    nullptr) == 1;
    EC_KEY_free(ec);
  }
#pragma GCC diagnostic pop
  return ok ? absl::OkStatus() : OpenSslError("encoding the key PEM");
}

absl::Status SetRandomSerial(X509* cert) {
  BnPtr serial(BN_new());
  // 128 random bits with the top bit clear: positive and DER-minimal.
  if (!serial ||
      BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1) {
    return OpenSslError("random serial");
  }
  if (BN_is_zero(serial.get())) BN_one(serial.get());
  if (BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) ==
      nullptr) {
    return OpenSslError("setting serial");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ServerIdentity> GenerateServerIdentity() {
  PkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) return OpenSslError("generating P-256 key");

  X509Ptr cert(X509_new());
  if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) {
    return OpenSslError("creating certificate");
  }
  if (absl::Status s = SetRandomSerial(cert.get()); !s.ok()) return s;
  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) ==
          nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) ==
          nullptr) {
    return OpenSslError("setting validity");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(
          name, "CN", MBSTRING_ASC,
          reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
          0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1) {
    return OpenSslError("setting names");
  }
  if (absl::Status s = SetEcPublicKey(cert.get(), key.get()); !s.ok()) {
    return s;
  }
  const std::pair<int, const char*> extensions[] = {
      {NID_basic_constraints, "critical,CA:TRUE"},
      {NID_key_usage, "critical,digitalSignature,keyEncipherment,keyCertSign"},
      {NID_ext_key_usage, "serverAuth,clientAuth"},
      {NID_subject_alt_name, "DNS:localhost"},
      {NID_subject_key_identifier, "hash"},
  };
  for (const auto& [nid, value] : extensions) {
    if (absl::Status s = AddExtension(cert.get(), nid, value); !s.ok()) {
      return s;
    }
  }
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    return OpenSslError("signing certificate");
  }

  ServerIdentity identity;
  BioPtr key_bio(BIO_new(BIO_s_mem()));
  BioPtr cert_bio(BIO_new(BIO_s_mem()));
  if (!key_bio || !cert_bio) return OpenSslError("encoding PEM");
  if (absl::Status s = WriteEcPrivateKeyPem(key.get(), key_bio.get());
      !s.ok()) {
    return s;
  }
  if (PEM_write_bio_X509(cert_bio.get(), cert.get()) != 1) {
    return OpenSslError("encoding PEM");
  }
  identity.private_key_pem = BioContents(key_bio.get());
  identity.certificate_pem = BioContents(cert_bio.get());

  int der_len = i2d_X509(cert.get(), nullptr);
  if (der_len <= 0) return OpenSslError("encoding DER");
  identity.certificate_der.resize(static_cast<size_t>(der_len));
  auto* out = reinterpret_cast<unsigned char*>(identity.certificate_der.data());
  if (i2d_X509(cert.get(), &out) != der_len) {
    return OpenSslError("encoding DER");
  }
  return identity;
}

absl::Status CheckCertificatePem(absl::string_view pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                   : nullptr);
  ERR_clear_error();
  if (!cert) {
    return absl::InvalidArgumentError(
        "PLUGIN_CLIENT_CERT does not hold a PEM X.509 certificate");
  }
  return absl::OkStatus();
}

}  // namespace tf::plugin::internal
