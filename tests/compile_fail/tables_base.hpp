// Shared pieces of the hand-written broken tables: one valid system whose
// parts each case copies and breaks in exactly one way.
#pragma once

#include "board.hpp"
#include "stratum/hypervisor.hpp"

namespace cf {
using namespace stratum::config;

inline constexpr MemoryRegion regions[] = {{.type = RegionType::stram, .start = 0x40000000, .size = 0x08000000}};
inline constexpr MemoryArea xm_areas[] = {{.start = 0x40000000, .size = 0x80000, .flags = 0, .mapped_at = 0x40000000}};
inline constexpr Slot slots[] = {{.id = 0, .start_us = 0, .duration_us = 20000, .partition_id = 0},
                                 {.id = 1, .start_us = 20000, .duration_us = 30000, .partition_id = 1}};
inline constexpr Plan plans[] = {{.id = 0, .major_frame_us = 50000, .slots = slots}};
inline constexpr Processor processors[] = {{.id = 0, .frequency_khz = 50000, .plans = plans}};

// Instantiating the hypervisor is what runs the checks, as in a real image.
template <const System& S>
using Image = stratum::Hypervisor<stratum::boards::Leon3Qemu, S>;
}  // namespace cf
