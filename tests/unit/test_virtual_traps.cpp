// Virtual traps and interrupts (kernel/virtual_traps.hpp, manual 2.15, 5.11).
#include <doctest/doctest.h>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;

namespace {
constexpr std::uint32_t table = p0 + 0x1000;  // FlightCtl's trap table, 4 KB aligned
}

TEST_CASE("XM_write_register32(TBR_REG32): a whole, aligned table of the caller's own") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(sparc_write_tbr_nr, {table + 16}) == XM_INVALID_PARAM);           // not 4 KB aligned
  CHECK(T::call(sparc_write_tbr_nr, {p1}) == XM_INVALID_PARAM);                   // another partition's
  CHECK(T::call(sparc_write_tbr_nr, {p0 + 0x40000 - 0x800}) == XM_INVALID_PARAM);  // runs off its area
  CHECK(T::call(sparc_write_tbr_nr, {0}) == XM_INVALID_PARAM);
  CHECK(T::call(sparc_write_tbr_nr, {table}) == XM_OK);
  CHECK(T::pct(0).arch.tbr == table);
  // A shared area is the caller's but another partition may write it: a
  // trap table there would run code someone else can change.
  T::in_slot_of(1);
  CHECK(T::call(sparc_write_tbr_nr, {p1_ro}) == XM_INVALID_PARAM);
  CHECK(T::call(sparc_write_tbr_nr, {p1}) == XM_OK);
}

TEST_CASE("XM_clear_irqmask and XM_set_irqmask change the PCT's masks") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::pct(0).extIrqsMask == 0xffffffffu);  // everything masked at start
  CHECK(T::pct(0).hwIrqsMask == 0xffffffffu);
  CHECK(T::call(__CLEAR_IRQ_MASK_NR, {1u << 5, (1u << XM_VT_EXT_HW_TIMER) | (1u << XM_VT_EXT_CYCLIC_SLOT_START)}) ==
        XM_OK);
  CHECK(T::pct(0).hwIrqsMask == ~(1u << 5));
  CHECK(T::pct(0).extIrqsMask == ~((1u << XM_VT_EXT_HW_TIMER) | (1u << XM_VT_EXT_CYCLIC_SLOT_START)));
  CHECK(T::call(__SET_IRQ_MASK_NR, {1u << 5, 1u << XM_VT_EXT_HW_TIMER}) == XM_OK);
  CHECK(T::pct(0).hwIrqsMask == 0xffffffffu);
  CHECK(T::pct(0).extIrqsMask == ~(1u << XM_VT_EXT_CYCLIC_SLOT_START));
}

TEST_CASE("a pending, unmasked extended interrupt enters the partition's handler once its traps are open") {
  using T = Booted<__COUNTER__>;
  T t;
  T::call(sparc_write_tbr_nr, {table});
  T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << XM_VT_EXT_SHUTDOWN});
  T::call(__SHUTDOWN_PARTITION_NR, {0});
  CHECK(T::ctx(0).vtrap_pc == 0);  // virtual traps still disabled (ET 0)
  CHECK(T::asm_call(sparc_clear_pil_nr) == XM_OK);  // XM_enable_irqs
  CHECK(T::ctx(0).vtrap_pc == table + (XM_VT_EXT_BASE_VECTOR + XM_VT_EXT_SHUTDOWN) * 16);
  CHECK((T::pct(0).extIrqsPend & (1u << XM_VT_EXT_SHUTDOWN)) == 0);
  CHECK((T::pct(0).iFlags & XM_IFLAGS_ET) == 0);  // no nesting until iret
  CHECK(T::K::VirtualTraps::delivered(0) == 1);
}

TEST_CASE("a masked interrupt stays pending; the lowest unmasked one goes first") {
  using T = Booted<__COUNTER__>;
  T t;
  T::call(sparc_write_tbr_nr, {table});
  T::asm_call(sparc_clear_pil_nr);
  T::call(__SET_TIMER_NR, {XM_HW_CLOCK, 0, 500, 0, 0});
  T::call(__SHUTDOWN_PARTITION_NR, {0});
  T::at(600);
  CHECK(T::ctx(0).vtrap_pc == 0);
  const std::uint32_t slot_start = 1u << XM_VT_EXT_CYCLIC_SLOT_START;  // raised at every slot start
  CHECK(T::pct(0).extIrqsPend == ((1u << XM_VT_EXT_HW_TIMER) | (1u << XM_VT_EXT_SHUTDOWN) | slot_start));
  T::call(__CLEAR_IRQ_MASK_NR, {0, (1u << XM_VT_EXT_HW_TIMER) | (1u << XM_VT_EXT_SHUTDOWN)});
  CHECK(T::ctx(0).vtrap_pc == table + (XM_VT_EXT_BASE_VECTOR + XM_VT_EXT_HW_TIMER) * 16);
  CHECK(T::pct(0).extIrqsPend == ((1u << XM_VT_EXT_SHUTDOWN) | slot_start));
}

TEST_CASE("a restart forgets the trap table, the masks and what was pending") {
  using T = Booted<__COUNTER__>;
  T t;
  T::call(sparc_write_tbr_nr, {table});
  T::call(__CLEAR_IRQ_MASK_NR, {0, ~0u});
  T::call(__SHUTDOWN_PARTITION_NR, {0});
  T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 0});
  CHECK(T::pct(0).arch.tbr == 0);
  CHECK(T::pct(0).extIrqsMask == 0xffffffffu);
  CHECK(T::pct(0).extIrqsPend == 0);
  CHECK(T::pct(0).iFlags == 0);
  CHECK(!T::K::VirtualTraps::takes_traps(0));
}
