// The SPARC virtual processor (arch/sparc/vcpu.hpp, manual 5.13): the
// assembly hypercalls, entering a handler and returning from it.
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::kernel::PartitionState;

TEST_CASE("sparc_get_psr / sparc_set_psr: condition codes and the virtual ET and PIL") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::asm_call(sparc_get_psr_nr) == 0);
  T::asm_call(sparc_set_psr_nr, PSR_ICC | XM_IFLAGS_ET | (3u << 8) | PSR_S | PSR_CWP);
  CHECK((T::ctx(0).psr & PSR_S) == 0);  // only the condition codes reach the real PSR
  CHECK(T::pct(0).iFlags == (XM_IFLAGS_ET | (3u << 8)));
  CHECK(static_cast<std::uint32_t>(T::asm_call(sparc_get_psr_nr)) == (PSR_ICC | XM_IFLAGS_ET | (3u << 8)));
}

TEST_CASE("sparc_set_pil masks every level, sparc_clear_pil opens them and enables traps") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::asm_call(sparc_set_pil_nr) == XM_OK);
  CHECK(T::pct(0).iFlags == XM_IFLAGS_PIL_MASK);
  CHECK(T::asm_call(sparc_clear_pil_nr) == XM_OK);
  CHECK(T::pct(0).iFlags == XM_IFLAGS_ET);
  CHECK(T::asm_call(sparc_flush_regwin_nr) == XM_OK);
  CHECK(T::asm_call(sparc_ctrl_winflow_nr) == XM_UNKNOWN_HYPERCALL);
  CHECK(T::asm_call(99) == XM_UNKNOWN_HYPERCALL);
}

TEST_CASE("sparc_iret returns to where the handler's frame says, with its PSR and %o registers") {
  using T = Booted<__COUNTER__>;
  T t;
  const std::uint32_t sp = p0 + 0x2000;
  std::uint32_t frame[16] = {};
  frame[0] = PSR_ICC | XM_IFLAGS_ET;  // %l0: the virtual PSR at the trap
  frame[1] = p0 + 0x300;              // %l1, %l2: where to go back
  frame[2] = p0 + 0x304;
  for (int k = 0; k < 8; ++k) frame[8 + k] = 100u + static_cast<std::uint32_t>(k);  // %i0..%i7
  T::Hw::poke(sp, frame);
  T::ctx(0).o[6] = sp;
  T::asm_call(sparc_iret_nr);
  CHECK(T::ctx(0).pc == p0 + 0x300);
  CHECK(T::ctx(0).npc == p0 + 0x304);
  CHECK(T::ctx(0).o[0] == 100);
  CHECK(T::ctx(0).o[7] == 107);
  CHECK((T::ctx(0).psr & PSR_ICC) == PSR_ICC);
  CHECK(T::pct(0).iFlags == XM_IFLAGS_ET);
}

TEST_CASE("sparc_iret with a stack that is not the partition's halts it") {
  using T = Booted<__COUNTER__>;
  T t;
  T::ctx(0).o[6] = 0x40000000;  // the hypervisor's
  T::asm_call(sparc_iret_nr);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' returned from a virtual trap with an invalid stack pointer: partition halted") !=
        std::string::npos);
  CHECK(T::current() == -1);
}

TEST_CASE("sparc_iret with a misaligned or read-only stack halts the partition") {
  using T = Booted<__COUNTER__>;
  T t;
  T::ctx(0).o[6] = p0 + 4;
  T::asm_call(sparc_iret_nr);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  T::in_slot_of(1);
  T::ctx(1).o[6] = p1_ro;
  CHECK_THROWS_AS(T::asm_call(sparc_iret_nr), stratum::test::Shutdown);  // the last one alive
  CHECK(T::K::Partitions::state(1) == PartitionState::halted);
}

namespace {
// A handler's frame on partition 0's stack whose return PC/nPC are `pc`, `npc`.
template <class T>
void iret_to(std::uint32_t pc, std::uint32_t npc) {
  const std::uint32_t sp = p0 + 0x2000;
  std::uint32_t frame[16] = {};
  frame[0] = XM_IFLAGS_ET;
  frame[1] = pc;
  frame[2] = npc;
  T::Hw::poke(sp, frame);
  T::ctx(0).o[6] = sp;
  T::asm_call(sparc_iret_nr);
}
}  // namespace

// The exit path jumps to PC and RETTs to nPC with traps disabled: a
// misaligned one put the processor in error mode (issue 9, point 1).
TEST_CASE("sparc_iret to a misaligned pc halts the partition, the system runs on") {
  using T = Booted<__COUNTER__>;
  T t;
  iret_to<T>(p0 + 0x302, p0 + 0x306);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::console().find("'FlightCtl' returned from a virtual trap to a pc or npc outside its code: partition halted") !=
        std::string::npos);
  CHECK(T::ctx(0).pc != p0 + 0x302);  // nothing of the frame was taken
}

TEST_CASE("sparc_iret with nPC = PC + 5, or nPC outside the partition, halts it") {
  using T = Booted<__COUNTER__>;
  T t;
  iret_to<T>(p0 + 0x300, p0 + 0x305);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  using U = Booted<__COUNTER__>;
  U u;
  iret_to<U>(p0 + 0x300, p1 + 0x300);  // another partition's code
  CHECK(U::K::Partitions::state(0) == PartitionState::halted);
}

TEST_CASE("sparc_iret into the hypervisor's memory halts the partition") {
  using T = Booted<__COUNTER__>;
  T t;
  iret_to<T>(0x40001000, 0x40001004);
  CHECK(T::K::Partitions::state(0) == PartitionState::halted);
  CHECK(T::ctx(0).npc != 0x40001004);
}

TEST_CASE("sparc_iret to the partition's own read-only code is accepted") {
  using T = Booted<__COUNTER__>;
  T t;
  T::in_slot_of(1);
  const std::uint32_t sp = p1 + 0x2000;
  std::uint32_t frame[16] = {};
  frame[1] = p1_ro + 0x100;
  frame[2] = p1_ro + 0x104;
  T::Hw::poke(sp, frame);
  T::ctx(1).o[6] = sp;
  T::asm_call(sparc_iret_nr);
  CHECK(T::K::Partitions::state(1) != PartitionState::halted);
  CHECK(T::ctx(1).pc == p1_ro + 0x100);
  CHECK(T::ctx(1).npc == p1_ro + 0x104);
}
