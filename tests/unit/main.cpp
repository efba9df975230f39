#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "stratum/kernel/persistent.hpp"

// The hypervisor state that outlives its restarts (a board image defines it
// in its own section); SimBoard::clear zeroes it, as a power-on does.
stratum::kernel::Persistent stratum_persistent;
