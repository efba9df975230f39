// The Partition Control Table (manual 6.4.2, listings 6.8/6.9): one 4 KB
// page per partition, owned by the hypervisor and mapped read-only into the
// partition, through which the partition sees its identity, its virtual
// interrupt state and the slot it runs in. Its storage is the image's (the
// board places it where the page tables expect it); its address, as the
// partition sees it, is handed to the partition's entry point.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/kernel/hypercalls.hpp"

extern "C" {
#include "xm/guest.h"
}

namespace stratum::kernel {

struct alignas(4096) PctPage {
  partitionControlTable_t t;
};
static_assert(sizeof(PctPage) == 4096, "the PCT must fit one page");

template <class K>
struct Pct {
  static partitionControlTable_t& of(Caller i) { return K::Cpu::pct_pages()[i].t; }

  // Where partition i sees its PCT (the image layout maps it there).
  static std::uint32_t address(Caller i) {
    return K::Cpu::layout.pct_base + static_cast<std::uint32_t>(i * sizeof(PctPage));
  }

  // What never changes while the system runs: identity, areas, vectors.
  static void init(Caller i) {
    const config::Partition& p = K::system.partitions[i];
    partitionControlTable_t& t = of(i);
    t = {};
    t.magic = XM_PCT_MAGIC;
    t.xmVersion = XM_SET_VERSION(1, 0, 0);  // Stratum's version, as listing 6.3 encodes it
    t.xmAbiVersion = XM_SET_VERSION(XM_ABI_VERSION, XM_ABI_SUBVERSION, XM_ABI_REVISION);
    t.xmApiVersion = XM_SET_VERSION(XM_API_VERSION, XM_API_SUBVERSION, XM_API_REVISION);
    t.partCtrlTabSize = sizeof(t);
    t.cpuKhz = K::system.processors[0].frequency_khz;
    t.id = p.id;
    t.noVCpus = 1;
    t.flags = p.flags;
    for (std::uint32_t line : p.irq_lines) t.hwIrqs |= line < 32 ? 1u << line : 0;  // the lines it owns
    t.noPhysicalMemAreas = static_cast<xm_s32_t>(p.areas.size());
    t.noCommPorts = static_cast<xm_s32_t>(p.ports.size());
    for (std::size_t c = 0; c + 1 < CONFIG_ID_STRING_LENGTH && p.name[c]; ++c) t.name[c] = static_cast<xm_u8_t>(p.name[c]);
    t.arch.ptdL1 = K::Cpu::l1_address(i);
    for (std::size_t v = 0; v < NO_TRAPS; ++v) t.trap2Vector[v] = static_cast<xm_u16_t>(v);
    for (std::size_t v = 0; v < CONFIG_NO_HWIRQS; ++v) t.hwIrq2Vector[v] = static_cast<xm_u16_t>(XM_VT_HW_BASE_VECTOR + v);
    for (std::size_t v = 0; v < XM_VT_EXT_MAX; ++v) t.extIrq2Vector[v] = static_cast<xm_u16_t>(XM_VT_EXT_BASE_VECTOR + v);
    std::size_t k = 0;
    for (const config::MemoryArea& a : p.areas) {
      if (k == CONFIG_MAX_MEM_AREAS) break;
      t.physicalMemMap[k++] = {a.start, a.mapped_at, a.size, a.flags};
    }
  }

  // A restart: every virtual interrupt masked and none pending, virtual
  // traps disabled, no trap table.
  static void reset(Caller i) {
    partitionControlTable_t& t = of(i);
    t.iFlags = 0;
    t.hwIrqsPend = t.extIrqsPend = 0;
    t.hwIrqsMask = t.extIrqsMask = 0xffffffffu;
    t.arch.tbr = 0;
  }
};

}  // namespace stratum::kernel
