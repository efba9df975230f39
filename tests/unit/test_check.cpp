// Every rule at once (include/stratum/config/check.hpp): the tables of
// rules and warnings, valid tables, the schema version, hostile tables.
#include <doctest/doctest.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "check_fixture.hpp"

using namespace stratum::config;
using namespace stratum::test::check;
namespace t = stratum::test;

// The compile-time path: valid tables instantiate every rule silently.
static_assert(verify<t::good>());
static_assert(verify<t::big>());

TEST_CASE("valid tables break no rule and get no warning") {
  for (const Rule& r : rules) {
    INFO(r.id);
    CHECK(msg(r.check(t::good)) == "");
    CHECK(msg(r.check(t::big)) == "");
  }
  for (const Rule& r : warnings) {
    INFO(r.id);
    CHECK(msg(r.check(t::good)) == "");
    CHECK(msg(r.check(t::big)) == "");
  }
  CHECK(first_violation(t::big).empty());
  Good g;
  CHECK(first_violation(g.s).empty());
  WithChannels c;
  CHECK(first_violation(c.s).empty());
}

TEST_CASE("every rule is listed once; the manual's advice is a warning, never a rule") {
  CHECK(rule_count == 68);
  for (std::size_t i = 0; i < rule_count; ++i)
    for (std::size_t j = 0; j < i; ++j) CHECK(std::string(rules[i].id) != rules[j].id);
  for (const Rule& w : warnings)
    for (const Rule& r : rules) CHECK(std::string(w.id) != r.id);
  CHECK(std::string(warnings[0].id) == "PLAN-MAINTENANCE");
}

TEST_CASE("[SCHEMA-VERSION] tables of another schema version are refused") {
  System s = t::good;
  s.schema_version = schema_version + 1;
  CHECK(msg(check_schema_version(s)) ==
        "[SCHEMA-VERSION] tables of system 'good' are schema version 3, this Stratum reads version 2: regenerate them");
}

// ------------------------------------------------------- robustness
//
// Tables that break everything at once, with missing names, ids naming
// nothing and values at the edges of 32 bits: every rule still runs to the
// end in constant evaluation (undefined behaviour there would be a compile
// error), so the compiler can always print the rule's message.
namespace hostile {
inline constexpr MemoryRegion regions[] = {{RegionType::stram, 0xffff0000, 0xffffffff}, {RegionType::rom, 0, 0}};
inline constexpr MemoryArea areas[] = {
    {0xffffffff, 0xffffffff, area_flag::mapped_at | area_flag::shared, 0xffffffff, nullptr},
    {0, 0, area_flag::unmapped, 0, ""},
    {0x80000000, 0xffffffff, 0, 0x80000000, "x y"}};
inline constexpr Slot slots[] = {{7, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {7, 0, 0, 3, 9}};
inline constexpr Slot no_slots[1] = {};
inline constexpr Plan plans[] = {{1, 0, slots, nullptr}, {1, 0xffffffff, std::span<const Slot>(no_slots, 0), "?"}};
inline constexpr Processor cpus[] = {{3, 1, plans, nullptr}, {3, 0xffffffff, {}, nullptr}};
inline constexpr std::uint32_t ids[] = {0xffffffff, 0, 6, 6, 99};
inline constexpr IoPort io[] = {{IoPortKind::range, 0xfffffffe, 0xffffffff, 0},
                                {IoPortKind::restricted, 0xfffffffc, 1, 0xffffffff}};
inline constexpr Port ports[] = {{nullptr, PortKind::queuing, PortDirection::source},
                                 {nullptr, PortKind::queuing, PortDirection::source}};
inline constexpr HmEvent hm[] = {{nullptr, nullptr, false},
                                 {"XM_HM_EV_OVERRUN", "XM_HM_AC_SWITCH_TO_MAINTENANCE", true},
                                 {"XM_HM_EV_OVERRUN", "XM_HM_AC_PROPAGATE", true}};
inline constexpr Partition parts[] = {
    {.id = 5, .name = nullptr, .flags = 0xffffffff, .areas = areas, .console = "nowhere", .processors = ids,
     .vcpus = 0, .temporal = {1, 0}, .irq_lines = ids, .io_ports = io, .ports = ports, .hm_events = hm,
     .trace = {"x", 0}},
    {.id = 5, .name = nullptr, .flags = 0, .areas = areas, .irq_lines = ids, .io_ports = io, .ports = ports}};
inline constexpr ChannelEnd ends[] = {{5, nullptr, nullptr}, {5, "other", nullptr}, {77, "x", "y"}};
inline constexpr SamplingChannel sampling[] = {{0, 0, {5, nullptr, nullptr}, ends, 0}};
inline constexpr QueuingChannel queuing[] = {{0, 0, {5, "y", nullptr}, {0xffffffff, nullptr, nullptr}}};
inline constexpr Ipvi ipvis[] = {{9, 0xffffffff, ids}};
inline constexpr Device devices[] = {{DeviceKind::uart, nullptr, 0, 0, 0, 0}, {DeviceKind::uart, nullptr, 0, 0, 0, 0}};
inline constexpr System system = {.name = nullptr,
                                  .schema_version = 0xffffffff,
                                  .memory_regions = regions,
                                  .processors = cpus,
                                  .hypervisor = {.areas = areas, .console = "", .hm_device = nullptr, .hm_events = hm},
                                  .partitions = parts,
                                  .devices = devices,
                                  .resident_sw = {.areas = areas},
                                  .sampling_channels = sampling,
                                  .queuing_channels = queuing,
                                  .ipvis = ipvis,
                                  .version = nullptr};
inline constexpr System empty = {.name = "", .schema_version = schema_version, .memory_regions = {},
                                 .processors = {}, .hypervisor = {.areas = {}}, .partitions = {}};

// Every rule, evaluated by the compiler; how many of them complain.
constexpr std::size_t broken(const System& s) {
  std::size_t n = 0;
  for (const Rule& r : rules) n += r.check(s).empty() ? 0 : 1;
  return n;
}
static_assert(broken(system) > 30);
static_assert(broken(empty) == 1);  // MEM-HYPERVISOR-ROOM
}  // namespace hostile

TEST_CASE("hostile tables: every rule gives a message, none reads out of bounds") {
  for (const Rule& r : rules) {
    INFO(r.id);
    const std::string m = msg(r.check(hostile::system));
    if (!m.empty()) CHECK(m.starts_with("[" + std::string(r.id) + "] "));
  }
  CHECK(msg(check_name_syntax(hostile::system)) ==
        "[NAME-SYNTAX] Partition name '' is not a valid name: use only letters, digits and '_'");
  for (const Rule& r : warnings) {
    const std::string m = msg(r.check(hostile::system));
    if (!m.empty()) CHECK(m.starts_with("[" + std::string(r.id) + "] "));
  }
}
