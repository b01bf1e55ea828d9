// Tiny status macros (Debian's Abseil 20220623 has none).
#pragma once

#include "absl/status/status.h"

#define UNIONC_CONCAT_INNER_(a, b) a##b
#define UNIONC_CONCAT_(a, b) UNIONC_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function when it is not OK.
#define UNIONC_RETURN_IF_ERROR(expr)             \
  do {                                           \
    ::absl::Status unionc_status_ = (expr);      \
    if (!unionc_status_.ok()) return unionc_status_; \
  } while (0)

// `lhs = value of rexpr`, or returns its error status.
#define UNIONC_ASSIGN_OR_RETURN(lhs, rexpr)                          \
  UNIONC_ASSIGN_OR_RETURN_IMPL_(UNIONC_CONCAT_(unionc_or_, __LINE__), \
                                lhs, rexpr)
#define UNIONC_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = *std::move(tmp)
