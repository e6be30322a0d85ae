#include "doudi/model/pairing.h"

namespace doudi::model {

static_assert(TableIsWellFormed<PairingLevel>());
static_assert(TableIsWellFormed<PairingContactKind>());

}  // namespace doudi::model
