// The console object (manual 5.19, OBJ_CLASS_CONSOLE): XM_write_console
// writes a partition's bytes to the board's console; a newline goes out as
// CR LF. Bounded: at most `max_write` bytes per call.
#pragma once

#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"

namespace stratum::kernel {

template <class K>
struct ConsoleObject {
  static constexpr xm_u32_t max_write = 4096;  // bytes

  // Returns the number of bytes written, or XM_INVALID_PARAM for a buffer
  // that is not the caller's or is longer than max_write.
  static std::int32_t write(Caller caller, xmObjDesc_t, UserPtr<void> buffer, xm_u32_t size, UserPtr<xm_u32_t>) {
    if (size > max_write || !K::Memory::holds(caller, buffer.address, size, false, 1)) return XM_INVALID_PARAM;
    char chunk[64];
    for (xm_u32_t done = 0; done < size;) {
      const xm_u32_t n = size - done < sizeof chunk ? size - done : static_cast<xm_u32_t>(sizeof chunk);
      K::Memory::get_checked(caller, chunk, buffer.address + done, n);
      for (xm_u32_t k = 0; k < n; ++k) {
        if (chunk[k] == '\n') K::Board::console_put('\r');
        K::Board::console_put(chunk[k]);
      }
      done += n;
    }
    return static_cast<std::int32_t>(size);
  }

  static constexpr ObjectClass object_class{.write = &write};
};

}  // namespace stratum::kernel
