// A simulated board for host tests: the console is a string, shutting down
// records the status instead of ending the process.
#pragma once

#include <string>

namespace stratum::test {

struct SimBoard {
  static constexpr const char* name = "sim";
  static inline std::string console;
  static void console_put(char c) { console += c; }
};

}  // namespace stratum::test
