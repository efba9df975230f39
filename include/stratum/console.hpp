// Console output of the hypervisor, over whatever character device the board
// gives (`Board::console_put`). Formatting reuses Text, so the hypervisor and
// the compile-time diagnostics spell numbers, sizes and times the same way.
#pragma once

#include <cstddef>

#include "stratum/util/text.hpp"

namespace stratum {

using Line = Text<160>;

template <class Board>
struct Console {
  static void write(const char* s) {
    for (; *s; ++s) {
      if (*s == '\n') Board::console_put('\r');
      Board::console_put(*s);
    }
  }
  static void write(const Line& l) { write(l.c_str()); }
};

}  // namespace stratum
