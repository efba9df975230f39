// What the tests of the configuration rules share (tests/unit/
// test_check*.cpp, one file per include/stratum/config/check_<topic>.hpp):
// mutable copies of the hand-written valid tables of tables.hpp, broken one
// rule at a time. Each message is compared in full, since the generator must
// print the same text.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "stratum/config/check.hpp"
#include "tables.hpp"

namespace stratum::test::check {
using namespace stratum::config;
namespace t = stratum::test;

inline std::string msg(const Diagnostic& d) { return d.c_str(); }

template <class T, std::size_t N>
std::vector<T> copy(const T (&a)[N]) {
  return std::vector<T>(a, a + N);
}

// A mutable copy of t::good: tests change its vectors in place (never their
// sizes), the System's spans see the change.
struct Good {
  std::vector<MemoryRegion> regions = copy(t::regions);
  std::vector<MemoryArea> xm = copy(t::xm_areas);
  std::vector<MemoryArea> a0 = copy(t::p0_areas);
  std::vector<MemoryArea> a1 = copy(t::p1_areas);
  std::vector<Slot> slots = copy(t::slots);
  std::vector<Plan> plans = copy(t::plans);
  std::vector<Processor> cpus = copy(t::processors);
  std::vector<Partition> parts = copy(t::partitions);
  System s = t::good;

  Good() {
    plans[0].slots = slots;
    cpus[0].plans = plans;
    parts[0].areas = a0;
    parts[1].areas = a1;
    s.memory_regions = regions;
    s.processors = cpus;
    s.hypervisor.areas = xm;
    s.partitions = parts;
  }
  Good(const Good&) = delete;
  Good& operator=(const Good&) = delete;
};

// Good plus ports and channels: SamplingChannel 0 FlightCtl:Out ->
// IoServer:In, QueuingChannel 0 IoServer:QOut -> FlightCtl:QIn.
struct WithChannels : Good {
  std::vector<Port> ports0 = {{"Out", PortKind::sampling, PortDirection::source},
                              {"QIn", PortKind::queuing, PortDirection::destination}};
  std::vector<Port> ports1 = {{"In", PortKind::sampling, PortDirection::destination},
                              {"QOut", PortKind::queuing, PortDirection::source}};
  std::vector<ChannelEnd> destinations = {{1, "IoServer", "In"}};
  std::vector<SamplingChannel> sampling = {{.max_message_length = 32, .refresh_period_us = 0,
                                            .source = {0, nullptr, "Out"}, .destinations = {}}};
  std::vector<QueuingChannel> queuing = {{.max_message_length = 64, .max_messages = 4,
                                          .source = {1, nullptr, "QOut"}, .destination = {0, "FlightCtl", "QIn"}}};
  WithChannels() {
    parts[0].ports = ports0;
    parts[1].ports = ports1;
    sampling[0].destinations = destinations;
    s.sampling_channels = sampling;
    s.queuing_channels = queuing;
  }
};

}  // namespace stratum::test::check
