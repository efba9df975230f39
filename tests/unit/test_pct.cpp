// The Partition Control Table (kernel/pct.hpp, manual 6.4.2).
#include <doctest/doctest.h>

#include <cstring>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;

TEST_CASE("each partition's PCT says who it is, what it owns and where its vectors are") {
  using T = Booted<__COUNTER__>;
  T t;
  const partitionControlTable_t& a = T::pct(0);
  CHECK(a.magic == XM_PCT_MAGIC);
  CHECK(a.partCtrlTabSize == sizeof(partitionControlTable_t));
  CHECK(a.id == 0);
  CHECK(PCT_GET_PARTITION_ID(&a) == 0);
  CHECK(PCT_GET_VCPU_ID(&a) == 0);
  // Versions as listing 6.3 encodes them: 1.0.0 is 0x010000.
  CHECK(a.xmVersion == 0x00010000u);
  CHECK(XM_GET_VERSION(a.xmAbiVersion) == XM_ABI_VERSION);
  CHECK(XM_GET_SUBVERSION(a.xmAbiVersion) == XM_ABI_SUBVERSION);
  CHECK(XM_GET_REVISION(a.xmApiVersion) == XM_API_REVISION);
  CHECK(a.xmApiVersion == XM_SET_VERSION(1, 0, 0));
  CHECK(std::strcmp(reinterpret_cast<const char*>(a.name), "FlightCtl") == 0);
  CHECK(a.cpuKhz == 50000);
  CHECK(a.hwIrqs == (1u << 5));
  CHECK(a.noPhysicalMemAreas == 1);
  CHECK(a.physicalMemMap[0].startAddr == p0);
  CHECK(a.trap2Vector[0x2a] == 0x2a);
  CHECK(a.hwIrq2Vector[5] == 0x15);
  CHECK(a.extIrq2Vector[XM_VT_EXT_HW_TIMER] == 0xe0);
  CHECK(a.arch.ptdL1 == T::K::Cpu::l1_address(0));
  const partitionControlTable_t& b = T::pct(1);
  CHECK(PCT_GET_PARTITION_ID(&b) == 1);
  CHECK(b.flags == (XM_PART_SYSTEM | XM_PART_BOOT));
  CHECK(b.hwIrqs == 0);
  CHECK(b.noPhysicalMemAreas == 2);
  CHECK(b.physicalMemMap[1].flags == (XM_MEM_AREA_SHARED | XM_MEM_AREA_READONLY));
  CHECK(T::pct(2).resetCounter == 0);  // halted, never started: initialised all the same
  CHECK(T::pct(2).magic == XM_PCT_MAGIC);
}
