#include "doudi/model/alert_state.h"

namespace doudi::model {

static_assert(TableIsWellFormed<AlertState>());
static_assert(TableIsWellFormed<AlertOutcome>());
static_assert(TableIsWellFormed<AlertCheckMethod>());

}  // namespace doudi::model
