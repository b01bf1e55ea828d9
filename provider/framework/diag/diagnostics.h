// diagnostics.h: path-scoped errors and warnings for provider authors.
//
// Every response an author fills carries a Diagnostics. The idiom is: append,
// then return if an error was recorded:
//   resp.diagnostics.AddAttributeError(Path::Root("name"), "Invalid name",
//                                      "The name must not be empty.");
//   if (resp.diagnostics.HasError()) return;
// Diagnostics reach the user verbatim: never put a secret in them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "provider/framework/types/path.h"

namespace tf {

enum class Severity { kError, kWarning };

// One problem: a one-line summary, a detail paragraph, and optionally the
// attribute it concerns (Terraform then points at that line of config).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string summary{};
  std::string detail{};
  std::optional<Path> attribute{};
};

// An ordered list of diagnostics.
class Diagnostics {
 public:
  void AddError(std::string summary, std::string detail);
  void AddWarning(std::string summary, std::string detail);
  void AddAttributeError(Path path, std::string summary, std::string detail);
  void AddAttributeWarning(Path path, std::string summary, std::string detail);
  void Add(Diagnostic diagnostic);
  void Append(const Diagnostics& other);

  // True when any diagnostic is an error.
  [[nodiscard]] bool HasError() const;
  [[nodiscard]] bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_{};
};

}  // namespace tf
