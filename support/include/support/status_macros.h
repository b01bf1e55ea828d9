// Status macros for absl::Status / absl::StatusOr (Debian's Abseil 20220623
// has none):
//
//   TFPU_RETURN_IF_ERROR(store.Insert(app, hash));
//   TFPU_ASSIGN_OR_RETURN(AppRecord app, store.Get(org, id));
#pragma once

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define TFPU_STATUS_CONCAT_INNER_(a, b) a##b
#define TFPU_STATUS_CONCAT_(a, b) TFPU_STATUS_CONCAT_INNER_(a, b)

// Returns the status from the enclosing function when it is not OK.
#define TFPU_RETURN_IF_ERROR(expr)                                  \
  do {                                                              \
    if (::absl::Status tfpu_status_ = (expr); !tfpu_status_.ok()) { \
      return tfpu_status_;                                          \
    }                                                               \
  } while (false)

// `lhs = value of expr` (lhs may declare a variable), or returns the
// StatusOr's status when it is not OK.
#define TFPU_ASSIGN_OR_RETURN(lhs, expr)                                    \
  TFPU_ASSIGN_OR_RETURN_IMPL_(TFPU_STATUS_CONCAT_(tfpu_statusor_, __LINE__), \
                              lhs, expr)

#define TFPU_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.status();               \
  lhs = *std::move(tmp)
