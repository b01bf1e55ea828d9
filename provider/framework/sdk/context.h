// context.h: what every author-facing operation receives first.
//
//   void Create(const Context& ctx, const CreateRequest& req,
//               CreateResponse& resp) override {
//     if (ctx.Stopped()) { resp.diagnostics.AddError("Stopped", "..."); return;
//     }
//   }
// Long-running handlers should poll Stopped() (set by StopProvider) and
// return early with a diagnostic.
#pragma once

#include <atomic>
#include <memory>
#include <utility>

namespace tf {

class Context {
 public:
  Context() = default;  // never stopped
  // Shares the server's stop flag.
  explicit Context(std::shared_ptr<const std::atomic<bool>> stopped)
      : stopped_(std::move(stopped)) {}

  // True once Terraform asked the provider to stop (StopProvider).
  bool Stopped() const { return stopped_ != nullptr && stopped_->load(); }

 private:
  std::shared_ptr<const std::atomic<bool>> stopped_;
};

}  // namespace tf
