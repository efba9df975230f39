// The console object (manual 5.19, OBJ_CLASS_CONSOLE): XM_write_console
// queues a partition's bytes on the console (stratum/console.hpp: one ring
// for the hypervisor's lines and every partition's, in the order written;
// a newline goes out as CR LF) and moves what the UART takes at once.
//
// Bounded (issue 9): one call takes at most `max_chunk` bytes, never waits
// for the UART, and returns how many it took (0 when the ring is full), as
// the manual's return value allows. libxm's XM_write_console calls again
// for the rest, in the partition's own time, so a long write can neither
// hold the processor past a slot end nor poll the UART inside the
// hypervisor (4096 bytes at 115200 baud take ~355 ms).
#pragma once

#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"

namespace stratum::kernel {

template <class K>
struct ConsoleObject {
  static constexpr xm_u32_t max_chunk = 64;  // bytes per call

  // Returns the number of bytes taken (0 .. max_chunk), or
  // XM_INVALID_PARAM for a buffer that is not wholly the caller's.
  static std::int32_t write(Caller caller, xmObjDesc_t, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t>) {
    if (!K::Memory::holds(caller, buffer.address, size, false, 1)) return XM_INVALID_PARAM;
    char chunk[max_chunk];
    const xm_u32_t n = size < max_chunk ? size : max_chunk;
    K::Memory::get_checked(caller, chunk, buffer.address, n);
    const xm_u32_t k = K::Out::write_some(chunk, n);
    K::Out::drain(2 * max_chunk);  // (in the caller's time: its bytes, and what was queued before them)
    return static_cast<std::int32_t>(k);
  }

  static constexpr ObjectClass object_class{.write = &write};
};

}  // namespace stratum::kernel
