// The object interface (kernel/objects.hpp, manual 5.19) and its console
// and status classes (kernel/objects/console.hpp, status.hpp; manual 5.15).
#include <doctest/doctest.h>

#include <cstring>

#include "kernel_fixture.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::test::SimBoard;

namespace {
const std::uint32_t console = OBJDESC_BUILD(OBJ_CLASS_CONSOLE, 0, 0);
std::uint32_t status(std::uint32_t partition) { return OBJDESC_BUILD(OBJ_CLASS_STATUS, partition, 0); }
const std::uint32_t system_status = OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 0);
}  // namespace

TEST_CASE("the object table: an unknown class or an operation a class lacks is refused") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__WRITE_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_NULL, 0, 0), p0, 1, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__WRITE_OBJECT_NR, {OBJDESC_BUILD(200, 0, 0), p0, 1, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__READ_OBJECT_NR, {console, p0, 1, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__SEEK_OBJECT_NR, {console, 0, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {console, 0, p0}) == XM_INVALID_PARAM);
  CHECK(T::call(__WRITE_OBJECT_NR, {status(0), p0, 1, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(NR_HYPERCALLS) == XM_UNKNOWN_HYPERCALL);
  CHECK(T::call(__MULTICALL_NR) == XM_UNKNOWN_HYPERCALL);
  CHECK(T::call(0xffffffffu) == XM_UNKNOWN_HYPERCALL);
}

TEST_CASE("XM_write_console writes the caller's bytes, a newline as CR LF, at most 64 a call") {
  using T = Booted<__COUNTER__>;
  T t;
  const char text[] = "hello\nworld";
  T::Hw::write_user(p0 + 0x100, text, sizeof text - 1);
  SimBoard::console.clear();
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x100, sizeof text - 1, 0}) == 11);
  CHECK(SimBoard::console == "hello\r\nworld");
  // A long write: 64 bytes a call, the caller calls again for the rest
  // (libxm does), so no call holds the processor for long.
  std::string big(4096, 'x');
  T::Hw::write_user(p0 + 0x1000, big.data(), big.size());
  SimBoard::console.clear();
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x1000, 4096, 0}) == 64);
  CHECK(SimBoard::console == std::string(64, 'x'));
  std::uint32_t done = 64;
  while (done < 4096) done += static_cast<std::uint32_t>(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x1000 + done, 4096 - done, 0}));
  CHECK(SimBoard::console == big);
  SimBoard::console.clear();
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0, 0xffffffffu, 0}) == XM_INVALID_PARAM);  // a negative length
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p1, 4, 0}) == XM_INVALID_PARAM);            // not its memory
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x40000 - 2, 4, 0}) == XM_INVALID_PARAM);
  CHECK(T::call(__WRITE_OBJECT_NR, {console, 0x40000000, 4, 0}) == XM_INVALID_PARAM);
  CHECK(SimBoard::console.empty());
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0, 0, 0}) == 0);
  T::in_slot_of(1);
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p1_ro, 4, 0}) == 4);  // read-only memory can be written out
}

TEST_CASE("XM_write_console never waits for a busy UART: the rest waits in the ring, in order") {
  using T = Booted<__COUNTER__>;
  T t;
  const char text[] = "abcdef";
  T::Hw::write_user(p0 + 0x100, text, 6);
  T::console();  // (the boot lines out)
  SimBoard::console.clear();
  SimBoard::console_room = 3;
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x100, 6, 0}) == 6);  // all taken...
  CHECK(SimBoard::console == "abc");                                     // ...three out
  SimBoard::console_room = -1;
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x100, 3, 0}) == 3);
  CHECK(SimBoard::console == "abcdefabc");
}

TEST_CASE("the hypervisor's lines wait in the ring too: a fault costs the next slot no UART time") {
  using T = Booted<__COUNTER__>;
  T t;
  T::console();
  SimBoard::console.clear();
  T::ctx(0).pc = 0x40100200;
  T::trap(stratum::sparc::tt::privileged_instruction);  // halted, with a line queued
  CHECK(SimBoard::console.size() <= 16);       // this reschedule moved 16 bytes at most
  CHECK(T::console().find("executed a privileged instruction") != std::string::npos);
}

TEST_CASE("a full ring takes no more partition bytes, and says how many of its own lines it lost") {
  using T = Booted<__COUNTER__>;
  T t;
  T::console();
  SimBoard::console.clear();
  SimBoard::console_room = 0;  // the UART takes nothing
  std::string big(4096, 'x');
  T::Hw::write_user(p0 + 0x1000, big.data(), big.size());
  std::uint32_t taken = 0;
  for (int k = 0; k < 100; ++k) taken += static_cast<std::uint32_t>(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x1000, 64, 0}));
  CHECK(taken == T::K::Out::ring_bytes);
  CHECK(T::call(__WRITE_OBJECT_NR, {console, p0 + 0x1000, 64, 0}) == 0);  // full: the caller tries again later
  T::K::Out::write("Stratum: a line that does not fit\n");
  SimBoard::console_room = -1;
  T::K::Out::drain(T::K::Out::ring_bytes);
  T::K::Out::write("next\n");
  CHECK(T::console().find("[console: 34 bytes lost]\r\nnext") != std::string::npos);
}

TEST_CASE("XM_get_partition_status: its own, another's for system partitions, and the fields") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__CTRL_OBJECT_NR, {status(0), XM_GET_PARTITION_STATUS, p0 + 0x100}) == XM_OK);
  CHECK(T::Hw::peek<xmPartitionStatus_t>(p0 + 0x100).state == XM_STATUS_READY);
  CHECK(T::call(__CTRL_OBJECT_NR, {status(1), XM_GET_PARTITION_STATUS, p0 + 0x100}) == XM_PERM_ERROR);
  CHECK(T::call(__CTRL_OBJECT_NR, {status(0x3fff), XM_GET_PARTITION_STATUS, p0 + 0x100}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {status(0), XM_GET_PARTITION_STATUS, p0 + 0x104}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {status(0), XM_GET_PARTITION_STATUS, p1}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {status(0), 77, p0 + 0x100}) == XM_INVALID_PARAM);
  T::in_slot_of(1, 300);
  T::call(__RESET_PARTITION_NR, {0, XM_WARM_RESET, 9});
  T::call(__SUSPEND_PARTITION_NR, {0});
  CHECK(T::call(__CTRL_OBJECT_NR, {status(0), XM_GET_PARTITION_STATUS, p1 + 0x100}) == XM_OK);
  const auto st = T::Hw::peek<xmPartitionStatus_t>(p1 + 0x100);
  CHECK(st.state == XM_STATUS_SUSPENDED);
  CHECK(st.resetCounter == 1);
  CHECK(st.resetStatus == 9);
  CHECK(st.execClock == 20000);
  CHECK(T::call(__CTRL_OBJECT_NR, {status(2), XM_GET_PARTITION_STATUS, p1 + 0x100}) == XM_OK);
  CHECK(T::Hw::peek<xmPartitionStatus_t>(p1 + 0x100).state == XM_STATUS_HALTED);
  T::call(__IDLE_SELF_NR);
  CHECK(T::K::Partitions::state(1) == stratum::kernel::PartitionState::idle);
}

TEST_CASE("XM_get_system_status is for system partitions") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__CTRL_OBJECT_NR, {system_status, XM_GET_SYSTEM_STATUS, p0 + 0x100}) == XM_PERM_ERROR);
  T::in_slot_of(1, 100, 2);
  CHECK(T::call(__CTRL_OBJECT_NR, {system_status, XM_GET_SYSTEM_STATUS, p1 + 0x101}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {system_status, XM_GET_SYSTEM_STATUS, p1 + 0x100}) == XM_OK);
  const auto st = T::Hw::peek<xmSystemStatus_t>(p1 + 0x100);
  CHECK(st.currentMaf == 2);
  CHECK(st.noIrqs > 0);
  CHECK(st.resetCounter == 0);
}

TEST_CASE("XM_get_plan_status and XM_get_physmem_map") {
  using T = Booted<__COUNTER__>;
  T t;
  CHECK(T::call(__CTRL_OBJECT_NR, {system_status, XM_GET_PLAN_STATUS, p0 + 0x100}) == XM_OK);
  const auto plan = T::Hw::peek<xmPlanStatus_t>(p0 + 0x100);
  CHECK(plan.current == 0);
  CHECK(plan.next == 0);
  CHECK(plan.prev == -1);
  CHECK(T::call(__CTRL_OBJECT_NR, {system_status, XM_GET_PLAN_STATUS, p1}) == XM_INVALID_PARAM);
  T::in_slot_of(1);
  // Room for one of its two areas: it gets one, and learns it has two.
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 1), XM_GET_PHYSMEM_MAP,
                                   p1 + 0x200}) == 2);
  CHECK(T::Hw::peek<xmPhysicalMemMap_t>(p1 + 0x200).startAddr == p1);
  CHECK(T::Hw::peek<xmPhysicalMemMap_t>(p1 + 0x200 + sizeof(xmPhysicalMemMap_t)).startAddr == 0);
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 16), XM_GET_PHYSMEM_MAP,
                                   p1 + 0x200}) == 2);
  const auto ro = T::Hw::peek<xmPhysicalMemMap_t>(p1 + 0x200 + sizeof(xmPhysicalMemMap_t));
  CHECK(ro.startAddr == p1_ro);
  CHECK(ro.size == 0x1000);
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_STATUS, XM_HYPERVISOR_ID, 2), XM_GET_PHYSMEM_MAP,
                                   p1_ro}) == XM_INVALID_PARAM);
}

namespace {
// XM_memory_copy as libxm makes one step of it.
template <class T>
std::int32_t memory_copy(std::uint32_t cmd_at, std::uint32_t dest_id, std::uint32_t dest, std::uint32_t src_id,
                         std::uint32_t src, std::uint32_t size) {
  xmMemoryCopyCmd_t c{dest_id, dest, src_id, src, size};
  T::Hw::poke(cmd_at, c);
  return T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_MEM, T::current(), 0), XM_MEM_COPY, cmd_at});
}
}  // namespace

TEST_CASE("XM_memory_copy: a system partition copies between partitions' areas, 512 bytes a call") {
  using T = Booted<__COUNTER__>;
  T t;
  T::in_slot_of(1);  // IoServer, system
  const std::string text = "the payload";
  T::Hw::write_user(p0 + 0x2000, text.data(), text.size());
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2 + 0x10, 0, p0 + 0x2000, 11) == 11);
  std::string got(11, '?');
  T::Hw::read_user(got.data(), p2 + 0x10, 11);
  CHECK(got == text);
  // A long copy moves 512 bytes a call; the whole range is checked every time.
  std::string big(3000, 'b');
  T::Hw::write_user(p0 + 0x4000, big.data(), big.size());
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2 + 0x1000, 0, p0 + 0x4000, 3000) == XM_MEMORY_COPY_STEP);
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2 + 0x1000, 0, p0 + 0x4000, 0) == 0);
  // Ranges outside an area, into read-only memory, ids that are nobody.
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2 + 0x10000 - 8, 0, p0, 16) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2, 0, p0 + 0x40000 - 8, 16) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 1, p1_ro, 0, p0, 16) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 1, p1, 1, p1_ro, 16) == 16);  // read-only is a fine source
  CHECK(memory_copy<T>(p1 + 0x100, 2, 0x40000000, 0, p0, 16) == XM_INVALID_PARAM);  // the hypervisor's
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2, 0, 0x40000000, 16) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2, 0, 0xfffffff0u, 0x20) == XM_INVALID_PARAM);  // wraps
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2, 0, p0, 0xffffffffu) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 3, p2, 0, p0, 16) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 2, p2, 0x4000, p0, 16) == XM_INVALID_PARAM);
  CHECK(memory_copy<T>(p1 + 0x100, 0x4002, p2, 0, p0, 16) == XM_INVALID_PARAM);  // no aliasing of id 2
  CHECK(memory_copy<T>(p1 + 0x100, 0, p0 + 8, 0, p0, 16) == XM_INVALID_PARAM);  // overlapping
  CHECK(memory_copy<T>(p1 + 0x100, 0, p0 + 16, 0, p0, 16) == 16);              // adjacent
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_MEM, 2, 0), XM_MEM_COPY, p0}) == XM_INVALID_PARAM);
  CHECK(T::call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(OBJ_CLASS_MEM, 2, 0), 0, p1 + 0x100}) == XM_INVALID_PARAM);
}

TEST_CASE("XM_memory_copy: a partition that is not system copies only within its own memory") {
  using T = Booted<__COUNTER__>;
  T t;
  T::in_slot_of(0);
  T::Hw::write_user(p0 + 0x2000, "abc", 3);
  CHECK(memory_copy<T>(p0 + 0x100, 0, p0 + 0x3000, 0, p0 + 0x2000, 3) == 3);
  CHECK(T::Hw::peek<char>(p0 + 0x3002) == 'c');
  CHECK(memory_copy<T>(p0 + 0x100, 1, p1, 0, p0 + 0x2000, 3) == XM_PERM_ERROR);
  CHECK(memory_copy<T>(p0 + 0x100, 0, p0, 1, p1, 3) == XM_PERM_ERROR);
}
