// Tiny absl::Status helpers (Debian's Abseil 20220623 has no status macros).
//
//   DS_RETURN_IF_ERROR(store.Insert(app, hash));
//   DS_ASSIGN_OR_RETURN(AppRecord app, store.Get(org, id));
#pragma once

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define DS_STATUS_CONCAT_INNER_(a, b) a##b
#define DS_STATUS_CONCAT_(a, b) DS_STATUS_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function when it is not OK.
#define DS_RETURN_IF_ERROR(expr)                              \
  do {                                                        \
    if (absl::Status ds_status_ = (expr); !ds_status_.ok()) { \
      return ds_status_;                                      \
    }                                                         \
  } while (false)

// Declares `lhs` from a StatusOr, or returns its status when not OK.
#define DS_ASSIGN_OR_RETURN(lhs, expr)                                      \
  DS_ASSIGN_OR_RETURN_IMPL_(DS_STATUS_CONCAT_(ds_statusor_, __LINE__), lhs, \
                            expr)

#define DS_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
