#include "doudi/model/referral.h"

namespace doudi::model {

static_assert(TableIsWellFormed<ReferralState>());
static_assert(TableIsWellFormed<HelpKind>());
static_assert(TableIsWellFormed<SupportTerm>());

}  // namespace doudi::model
