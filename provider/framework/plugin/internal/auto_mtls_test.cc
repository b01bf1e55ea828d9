#include "provider/framework/plugin/internal/auto_mtls.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <memory>

namespace tf::plugin::internal {
namespace {

struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr FromDer(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  return X509Ptr(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
}

TEST(GenerateServerIdentity, CertificateHasGoPluginShape) {
  absl::StatusOr<ServerIdentity> id = GenerateServerIdentity();
  ASSERT_TRUE(id.ok()) << id.status();
  // SEC1 ("EC PRIVATE KEY"), see auto_mtls.h.
  EXPECT_NE(id->private_key_pem.find("BEGIN EC PRIVATE KEY"),
            std::string::npos);
  EXPECT_NE(id->certificate_pem.find("BEGIN CERTIFICATE"), std::string::npos);
  X509Ptr cert = FromDer(id->certificate_der);
  ASSERT_TRUE(cert);

  // Self-signed: the signature verifies with its own key.
  EVP_PKEY* pub = X509_get0_pubkey(cert.get());
  ASSERT_NE(pub, nullptr);
  EXPECT_EQ(X509_verify(cert.get(), pub), 1);
  EXPECT_EQ(EVP_PKEY_get_base_id(pub), EVP_PKEY_EC);
  char curve[32] = {};
  EXPECT_EQ(EVP_PKEY_get_group_name(pub, curve, sizeof(curve), nullptr), 1);
  EXPECT_STREQ(curve, "prime256v1");
  EXPECT_EQ(X509_get_version(cert.get()), X509_VERSION_3);

  // CN and SAN.
  char cn[64] = {};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName,
                            cn, sizeof(cn));
  EXPECT_STREQ(cn, "localhost");
  EXPECT_EQ(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_NE(X509_check_host(cert.get(), "example.com", 0, 0, nullptr), 1);

  // Usages.
  uint32_t eku = X509_get_extended_key_usage(cert.get());
  EXPECT_TRUE(eku & XKU_SSL_SERVER);
  EXPECT_TRUE(eku & XKU_SSL_CLIENT);
  uint32_t ku = X509_get_key_usage(cert.get());
  EXPECT_TRUE(ku & KU_DIGITAL_SIGNATURE);
  EXPECT_TRUE(ku & KU_KEY_CERT_SIGN);
  EXPECT_EQ(X509_check_ca(cert.get()), 1);

  // Positive, non-zero serial.
  BIGNUM* serial =
      ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert.get()), nullptr);
  ASSERT_NE(serial, nullptr);
  EXPECT_FALSE(BN_is_negative(serial));
  EXPECT_FALSE(BN_is_zero(serial));
  BN_free(serial);

  // Valid now; NotBefore is backdated.
  time_t now = std::time(nullptr);
  EXPECT_LT(X509_cmp_time(X509_get0_notBefore(cert.get()), &now), 0);
  EXPECT_GT(X509_cmp_time(X509_get0_notAfter(cert.get()), &now), 0);
  time_t ten_seconds_ago = now - 10;
  EXPECT_LT(X509_cmp_time(X509_get0_notBefore(cert.get()), &ten_seconds_ago),
            0);

  // The PEM key matches the certificate.
  BIO* bio = BIO_new_mem_buf(id->private_key_pem.data(),
                             static_cast<int>(id->private_key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(X509_check_private_key(cert.get(), key), 1);
  EVP_PKEY_free(key);
}

TEST(GenerateServerIdentity, FreshEveryTime) {
  auto a = GenerateServerIdentity();
  auto b = GenerateServerIdentity();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->certificate_der, b->certificate_der);
  EXPECT_NE(a->private_key_pem, b->private_key_pem);
}

TEST(CheckCertificatePem, AcceptsCertificatesOnly) {
  auto id = GenerateServerIdentity();
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(CheckCertificatePem(id->certificate_pem).ok());
  EXPECT_FALSE(CheckCertificatePem("").ok());
  EXPECT_FALSE(CheckCertificatePem("not a certificate").ok());
  absl::Status s = CheckCertificatePem(id->private_key_pem);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(std::string(s.message()).find("PRIVATE"), std::string::npos);
}

}  // namespace
}  // namespace tf::plugin::internal
