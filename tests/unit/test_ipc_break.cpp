// Inter-partition communication: cases found breaking it (branch breakipc).
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "ipc_tables.hpp"

using namespace stratum::test::kernel_fixture;
using stratum::config::PortKind;
namespace ipc = stratum::test::ipc;

namespace {

constexpr std::uint32_t mem[] = {p0, p1, p2};
constexpr std::uint32_t name_at = 0x100, cmd_at = 0x200, buf_at = 0x400, flags_at = 0x300;

// The fixture's IPC system, with SamplingChannel 1 (IoServer 'Cmd' ->
// FlightCtl 'CmdIn') given as XtratuM 3 wrote it: validPeriod="5ms" instead
// of refreshPeriod. The schema accepts the attribute and the tables carry it.
inline constexpr stratum::config::SamplingChannel sampling_valid_period[] = {
    ipc::sampling[0],
    {.max_message_length = 7, .refresh_period_us = 0, .source = {1, nullptr, "Cmd"},
     .destinations = ipc::cmd_destinations, .valid_period_us = 5000}};
inline constexpr stratum::config::System valid_period_system = [] {
  stratum::config::System s = ipc::system;
  s.sampling_channels = sampling_valid_period;
  return s;
}();

template <int Tag, const stratum::config::System& S>
struct Ipc : Booted<Tag, S> {
  using B = Booted<Tag, S>;
  using B::call;
  using Hw = typename B::Hw;
  static std::uint32_t self() { return static_cast<std::uint32_t>(B::current()); }
  static std::uint32_t at(std::uint32_t offset) { return mem[self()] + offset; }
  static std::int32_t create(PortKind kind, const char* name, std::uint32_t size, std::uint32_t direction,
                             std::uint32_t messages = 0, xmTime_t refresh = XM_NO_REFRESH_CHECK) {
    Hw::write_user(at(name_at), name, std::strlen(name) + 1);
    xmCommPortCmd_t c{};
    c.refreshPeriod = refresh;
    c.portName = at(name_at);
    c.maxMsgSize = size;
    c.direction = direction;
    c.maxNoMsgs = messages;
    Hw::poke(at(cmd_at), c);
    const std::uint32_t cls = kind == PortKind::sampling ? OBJ_CLASS_SAMPLING_PORT : OBJ_CLASS_QUEUING_PORT;
    return call(__CTRL_OBJECT_NR, {OBJDESC_BUILD(cls, self(), 0), XM_COMM_CREATE_PORT, at(cmd_at)});
  }
  static std::int32_t write(std::uint32_t desc, const std::string& msg) {
    Hw::write_user(at(buf_at), msg.data(), msg.size());
    return call(__WRITE_OBJECT_NR, {desc, at(buf_at), static_cast<std::uint32_t>(msg.size()), 0});
  }
  static std::int32_t read(std::uint32_t desc, std::uint32_t size, std::uint32_t* flags) {
    Hw::template poke<std::uint32_t>(at(flags_at), 0xdead);
    const std::int32_t r = call(__READ_OBJECT_NR, {desc, at(buf_at), size, at(flags_at)});
    *flags = Hw::template peek<std::uint32_t>(at(flags_at));
    return r;
  }
};

}  // namespace

// BROKEN: validPeriod is parsed into the tables (valid_period_us) but the
// kernel reads only refresh_period_us: such a channel's messages stay valid
// for ever, and XM_create_sampling_port(..., 5000) is refused.
TEST_CASE("a SamplingChannel's validPeriod (XtratuM 3's name of refreshPeriod) bounds its messages' validity") {
  using T = Ipc<__COUNTER__, valid_period_system>;
  T t;
  T::in_slot_of(1);
  REQUIRE(T::create(PortKind::sampling, "Cmd", 7, XM_SOURCE_PORT) == 4);
  CHECK(T::write(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, 1, 4), "go") == XM_OK);
  T::in_slot_of(0, 100, 1);  // 40100 us later
  CHECK(T::create(PortKind::sampling, "CmdIn", 7, XM_DESTINATION_PORT, 0, 5000) == 1);
  REQUIRE(T::create(PortKind::sampling, "CmdIn", 7, XM_DESTINATION_PORT) == 1);
  std::uint32_t f = 0;
  CHECK(T::read(OBJDESC_BUILD(OBJ_CLASS_SAMPLING_PORT, 0, 1), 7, &f) == 2);
  CHECK(f == 0);  // older than validPeriod: not valid
}
