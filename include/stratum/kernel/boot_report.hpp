// The boot-time report:
// the banner and the tables this image was built with, in the manual's
// units, printed before the first partition runs.
#pragma once

#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/console.hpp"
#include "stratum/version.hpp"

namespace stratum::kernel {

template <class Board, const config::System& S>
struct BootReport {
  // At boot nothing runs yet: each line goes out whole at once.
  static void say(const char* s) {
    Console<Board>::write(s);
    Console<Board>::flush();
  }
  static void say(const Line& l) { say(l.c_str()); }

  [[gnu::cold]] static void print_banner() {
    Line l;
    l << "Stratum " << version << " separation hypervisor on " << Board::name << "\n";
    say(l);
  }

  // The tables this image was built with, in the manual's units.
  [[gnu::cold]] static void print_configuration() {
    Line l;
    l << "System '" << S.name << "': " ;
    l.dec(S.partitions.size()) << " partition(s), ";
    l.dec(S.processors.size()) << " processor(s)\n";
    say(l);

    say("Memory regions:\n");
    for (const config::MemoryRegion& r : S.memory_regions) {
      Line m;
      m << "  " << config::region_type_name(r.type) << ' ';
      m.area(r.start, r.size) << '\n';
      say(m);
    }

    say("XMHypervisor areas:\n");
    for (const config::MemoryArea& a : S.hypervisor.areas) print_area(a);

    say("Partitions:\n");
    for (const config::Partition& p : S.partitions) {
      Line m;
      m << "  id ";
      m.dec(p.id) << " '" << p.name << "' flags:";
      if (p.flags == 0) m << " none";
      if (p.flags & config::partition_flag::system) m << " system";
      if (p.flags & config::partition_flag::boot) m << " boot";
      if (p.flags & config::partition_flag::fp) m << " fp";
      m << '\n';
      say(m);
      for (const config::MemoryArea& a : p.areas) print_area(a);
    }

    for (const config::Processor& cpu : S.processors) {
      for (const config::Plan& plan : cpu.plans) {
        // Every plan: plan 0 boots, the others are switched to at run time
        // (XM_switch_sched_plan), and a transcript should show what they are.
        Line m;
        m << "Processor ";
        m.dec(cpu.id) << " (";
        m.dec(cpu.frequency_khz / 1000) << " MHz), plan ";
        m.dec(plan.id) << ", major frame ";
        m.time_us(plan.major_frame_us) << ":\n";
        say(m);
        for (const config::Slot& s : plan.slots) {
          Line n;
          n << "  slot ";
          n.dec(s.id) << ": start ";
          n.time_us(s.start_us) << " duration ";
          n.time_us(s.duration_us) << " partition ";
          n.dec(s.partition_id) << " '" << partition_name(s.partition_id) << "'\n";
          say(n);
        }
      }
    }
  }

  [[gnu::cold]] static void print_area(const config::MemoryArea& a) {
    Line m;
    m << "    area ";
    m.area(a.start, a.size);
    if (a.flags & config::area_flag::mapped_at) {
      m << " mapped at ";
      m.hex(a.mapped_at);
    }
    if (a.flags & config::area_flag::unmapped) m << " unmapped";
    if (a.flags & config::area_flag::shared) m << " shared";
    if (a.flags & config::area_flag::read_only) m << " read-only";
    if (a.flags & config::area_flag::uncacheable) m << " uncacheable";
    if (a.flags & config::area_flag::iommu) m << " iommu";
    m << '\n';
    say(m);
  }

  static const char* partition_name(std::uint32_t id) {
    for (const config::Partition& p : S.partitions)
      if (p.id == id) return p.name;
    return "?";
  }
};

}  // namespace stratum::kernel
