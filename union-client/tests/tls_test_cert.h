// Test helpers for TLS: a self-signed certificate for 127.0.0.1 made with
// OpenSSL, a temporary directory, and reading a file back.
//
//   TempDir dir;
//   ASSERT_TRUE(WriteSelfSignedCert(dir.File("cert.pem"),
//   dir.File("key.pem")));
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "support/self_signed_cert.h"
#include "support/temp_dir.h"

namespace unionc::testing {

using tfpu::TempDir;
using tfpu::WriteSelfSignedCert;

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace unionc::testing
