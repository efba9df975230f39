#pragma once

namespace stratum {
inline constexpr const char* version = "0.1.0";
}
