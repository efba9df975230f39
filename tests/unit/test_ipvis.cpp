// Inter-partition virtual interrupts (kernel/ipvis.hpp, manual 2.15.3).
#include <doctest/doctest.h>

#include "ipc_tables.hpp"

using namespace stratum::test::kernel_fixture;
namespace ipc = stratum::test::ipc;

TEST_CASE("XM_raise_ipvi: the Ipvi's source raises it in each destination, nobody else can") {
  using T = Booted<__COUNTER__, ipc::system>;
  T t;
  const std::uint32_t ipvi0 = 1u << (XM_VT_EXT_IPVI0 - XM_VT_EXT_FIRST), ipvi1 = ipvi0 << 1;
  T::in_slot_of(0);
  CHECK(T::call(__RAISE_IPVI_NR, {0}) == XM_OK);
  CHECK((T::pct(1).extIrqsPend & ipvi0) != 0);
  CHECK((T::pct(2).extIrqsPend & ipvi0) != 0);
  CHECK((T::pct(0).extIrqsPend & (ipvi0 | ipvi1)) == 0);
  CHECK(T::call(__RAISE_IPVI_NR, {1}) == XM_PERM_ERROR);  // IoServer's
  CHECK((T::pct(0).extIrqsPend & ipvi1) == 0);
  for (std::uint32_t n : {2u, 7u, 8u, 255u, 0x100u, 0xffffffffu}) CHECK(T::call(__RAISE_IPVI_NR, {n}) == XM_INVALID_PARAM);
  T::in_slot_of(1);
  CHECK(T::call(__RAISE_IPVI_NR, {1}) == XM_OK);
  CHECK((T::pct(0).extIrqsPend & ipvi1) != 0);
  CHECK(T::call(__RAISE_IPVI_NR, {0}) == XM_PERM_ERROR);
}

TEST_CASE("an IPVI reaches the destination's handler when it runs, if it unmasked it") {
  using T = Booted<__COUNTER__, ipc::system>;
  T t;
  T::in_slot_of(1);
  REQUIRE(T::call(sparc_write_tbr_nr, {p1 + 0x1000}) == XM_OK);
  REQUIRE(T::call(__CLEAR_IRQ_MASK_NR, {0, 1u << (XM_VT_EXT_IPVI0 - XM_VT_EXT_FIRST)}) == XM_OK);
  T::asm_call(sparc_clear_pil_nr);
  T::in_slot_of(0, 100, 1);
  CHECK(T::call(__RAISE_IPVI_NR, {0}) == XM_OK);
  T::in_slot_of(1, 100, 1);
  CHECK(T::ctx(1).vtrap_pc == p1 + 0x1000 + (XM_VT_EXT_BASE_VECTOR + XM_VT_EXT_IPVI0 - XM_VT_EXT_FIRST) * 16);
  CHECK((T::pct(1).extIrqsPend & (1u << (XM_VT_EXT_IPVI0 - XM_VT_EXT_FIRST))) == 0);
}

TEST_CASE("a system without Ipvis refuses every number") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__RAISE_IPVI_NR, {0}) == XM_INVALID_PARAM);
}
