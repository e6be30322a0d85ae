#include "doudi/model/help.h"

namespace doudi::model {

static_assert(TableIsWellFormed<HelpGiverKind>());
static_assert(TableIsWellFormed<FundKind>());

}  // namespace doudi::model
