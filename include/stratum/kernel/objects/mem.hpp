// The memory object (OBJ_CLASS_MEM): XM_memory_copy (manual 5.20, table
// 2.2) through XM_ctrl_object(OBJDESC_BUILD(OBJ_CLASS_MEM, self, 0),
// XM_MEM_COPY, xmMemoryCopyCmd_t*), both ids in the command (whole words:
// no id aliases another through the descriptor's 14-bit field). Copies from the source partition's
// memory to the destination's, each address as that partition sees it,
// each range wholly inside one of that partition's areas (the destination
// not a read-only one). A system partition copies between any partitions;
// another only within its own memory (table 2.2: "partial").
//
// At most XM_MEMORY_COPY_STEP (512 bytes) move per call, so that no call holds
// the processor for long; the result is the bytes copied and libxm calls
// again for the rest.
//
//   >= 0              bytes copied
//   XM_PERM_ERROR     another partition's memory, and the caller is not system
//   XM_INVALID_PARAM  an id that is no partition; a range outside its areas;
//                     ranges that overlap
#pragma once

#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"

extern "C" {
#include "xm/comm.h"
#include "xm/objects.h"
}

namespace stratum::kernel {

template <class K>
struct MemObject {
  static std::int32_t ctrl(Caller caller, xmObjDesc_t, xm_u32_t cmd, UserPtr<void> arg) {
    if (cmd != XM_MEM_COPY) return XM_INVALID_PARAM;
    xmMemoryCopyCmd_t c;
    if (!K::Memory::get(caller, UserPtr<xmMemoryCopyCmd_t>{arg.address}, c)) return XM_INVALID_PARAM;
    std::int32_t err = XM_OK;
    const int to = K::Partitions::target(caller, c.destId, err);
    if (to < 0) return err;
    const int from = K::Partitions::target(caller, c.srcId, err);
    if (from < 0) return err;
    // The whole range is checked on every call, so a bad one copies nothing.
    std::uint32_t dst = 0, src = 0;
    if (!K::Memory::physical(static_cast<Caller>(to), c.destAddr, c.size, true, dst) ||
        !K::Memory::physical(static_cast<Caller>(from), c.srcAddr, c.size, false, src))
      return XM_INVALID_PARAM;
    if (c.size != 0 && std::uint64_t{dst} < std::uint64_t{src} + c.size && std::uint64_t{src} < std::uint64_t{dst} + c.size)
      return XM_INVALID_PARAM;  // overlapping
    const std::uint32_t n = c.size < XM_MEMORY_COPY_STEP ? c.size : XM_MEMORY_COPY_STEP;
    K::Cpu::copy_physical(dst, src, n);
    return static_cast<std::int32_t>(n);
  }

  static constexpr ObjectClass object_class{.ctrl = &ctrl};
};

}  // namespace stratum::kernel
