// Two services bind the same hypercall number: the table does not compile,
// and the compiler names the number (here 9, __GET_TIME_NR).
// EXPECT: In instantiation of .struct stratum::kernel::hc::bound_once<9, 2>.
#include "stratum/kernel/hypercalls.hpp"

namespace cf {
using namespace stratum::kernel;
inline std::int32_t get_time(Caller, xm_u32_t, UserPtr<xmTime_t>) { return XM_OK; }
inline std::int32_t other(Caller) { return XM_OK; }
using Table = hypercall_table<Hypercalls<Bind<__GET_TIME_NR, &get_time>>, Hypercalls<Bind<__GET_TIME_NR, &other>>>;
static_assert(Table::numbers_distinct);
}  // namespace cf
