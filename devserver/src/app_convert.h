// Conversions between AppRecord and the cloudidl.identity protobuf messages:
// the only place where the two meet.
//
//   AppRecord record = RecordFromCreate(request, absl::Now());
//   ApplyUpdate(update_request, record);        // keeps fields not given
//   RecordToProto(record, response.mutable_app());  // never sets client_secret
#pragma once

#include "absl/time/time.h"
#include "cloudidl/identity/app_definition.pb.h"
#include "cloudidl/identity/app_payload.pb.h"
#include "devserver/src/app_record.h"

namespace devserver {

// A new record from a validated CreateAppRequest, issued at `now`.
[[nodiscard]] AppRecord RecordFromCreate(
    const cloudidl::identity::CreateAppRequest& r, absl::Time now);

// Replaces the fields `r` gives: a non-empty string or list, or a non-zero
// enum. Fields left at their default keep the stored value (as Union does).
void ApplyUpdate(const cloudidl::identity::UpdateAppRequest& r,
                 AppRecord& record);

// Fills `app` from `record`; client_secret stays empty, and
// client_secret_expires_at is set only when the secret expires.
void RecordToProto(const AppRecord& record, cloudidl::identity::App* app);

}  // namespace devserver
