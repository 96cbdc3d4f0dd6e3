// Fence case: a core file that includes an app header. Must not compile.
#include "app/cli_common.hpp"
