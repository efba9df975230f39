// The console object (manual 5.19, OBJ_CLASS_CONSOLE): XM_write_console
// writes a partition's bytes to the board's console; a newline goes out as
// CR LF.
//
// Bounded (issue 9): one call writes at most `max_chunk` bytes, and only
// while the UART takes them without waiting, and returns how many it wrote
// (0 when the UART is busy), as the manual's return value allows. libxm's
// XM_write_console calls again for the rest, in the partition's own time,
// so a long write can neither hold the processor past a slot end nor poll
// the UART inside the hypervisor (4096 bytes at 115200 baud take ~355 ms).
#pragma once

#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"

namespace stratum::kernel {

template <class K>
struct ConsoleObject {
  static constexpr xm_u32_t max_chunk = 64;  // bytes per call

  // Returns the number of bytes written (0 .. max_chunk), or
  // XM_INVALID_PARAM for a buffer that is not wholly the caller's.
  static std::int32_t write(Caller caller, xmObjDesc_t, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t>) {
    if (!K::Memory::holds(caller, buffer.address, size, false, 1)) return XM_INVALID_PARAM;
    char chunk[max_chunk];
    const xm_u32_t n = size < max_chunk ? size : max_chunk;
    K::Memory::get_checked(caller, chunk, buffer.address, n);
    xm_u32_t k = 0;
    for (; k < n && K::Board::console_ready(); ++k) {
      // (a CR LF's LF waits for the UART at most one character's time)
      if (chunk[k] == '\n') K::Board::console_put('\r');
      K::Board::console_put(chunk[k]);
    }
    return static_cast<std::int32_t>(k);
  }

  static constexpr ObjectClass object_class{.write = &write};
};

}  // namespace stratum::kernel
