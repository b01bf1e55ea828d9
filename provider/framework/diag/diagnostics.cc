#include "provider/framework/diag/diagnostics.h"

#include <algorithm>
#include <utility>

namespace tf {

void Diagnostics::AddError(std::string summary, std::string detail) {
  items_.push_back(
      {Severity::kError, std::move(summary), std::move(detail), std::nullopt});
}

void Diagnostics::AddWarning(std::string summary, std::string detail) {
  items_.push_back({Severity::kWarning, std::move(summary), std::move(detail),
                    std::nullopt});
}

void Diagnostics::AddAttributeError(Path path, std::string summary,
                                    std::string detail) {
  items_.push_back({Severity::kError, std::move(summary), std::move(detail),
                    std::move(path)});
}

void Diagnostics::AddAttributeWarning(Path path, std::string summary,
                                      std::string detail) {
  items_.push_back({Severity::kWarning, std::move(summary), std::move(detail),
                    std::move(path)});
}

void Diagnostics::Add(Diagnostic diagnostic) {
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasError() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  });
}

}  // namespace tf
