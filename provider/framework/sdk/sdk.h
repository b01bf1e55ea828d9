// sdk.h: everything a provider author needs, in one include.
//   #include "provider/framework/sdk/sdk.h"
#pragma once

#include "provider/framework/diag/diagnostics.h"        // IWYU pragma: export
#include "provider/framework/schema/schema.h"           // IWYU pragma: export
#include "provider/framework/sdk/capabilities.h"        // IWYU pragma: export
#include "provider/framework/sdk/context.h"             // IWYU pragma: export
#include "provider/framework/sdk/data_source.h"         // IWYU pragma: export
#include "provider/framework/sdk/ephemeral_resource.h"  // IWYU pragma: export
#include "provider/framework/sdk/function.h"            // IWYU pragma: export
#include "provider/framework/sdk/identity.h"            // IWYU pragma: export
#include "provider/framework/sdk/provider.h"            // IWYU pragma: export
#include "provider/framework/sdk/resource.h"            // IWYU pragma: export
#include "provider/framework/types/path.h"              // IWYU pragma: export
#include "provider/framework/types/value.h"             // IWYU pragma: export
