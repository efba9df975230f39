// Inter-partition virtual interrupts (manual 2.15.3): XM_raise_ipvi(n) from
// Ipvi n's source partition makes XM_VT_EXT_IPVI<n> pending in each of its
// destinations, as the Channels/Ipvi elements of the XML route them.
//
//   XM_OK             raised
//   XM_INVALID_PARAM  no Ipvi n in the tables
//   XM_PERM_ERROR     the caller is not Ipvi n's source
#pragma once

#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"

extern "C" {
#include "xm/guest.h"
}

namespace stratum::kernel {

template <class K>
struct Ipvis {
  static std::int32_t raise_ipvi(Caller caller, xm_u32_t noIpvi) {
    // Ipvi ids are 0, 1, ... in table order (IPVI-ID-SEQUENCE), at most 8.
    if (noIpvi >= K::system.ipvis.size()) return XM_INVALID_PARAM;
    const config::Ipvi& v = K::system.ipvis[noIpvi];
    if (v.source_id != K::system.partitions[caller].id) return XM_PERM_ERROR;
    for (const std::uint32_t id : v.destination_ids) {
      // (raised to itself and not masked: taken at once)
      if (id == caller && K::VirtualTraps::wants(caller, XM_VT_EXT_IPVI0 + noIpvi)) K::request_reschedule();
      K::VirtualTraps::raise(id, XM_VT_EXT_IPVI0 + noIpvi);
    }
    return XM_OK;
  }

  using Hypercalls = kernel::Hypercalls<Bind<__RAISE_IPVI_NR, &raise_ipvi>>;
};

}  // namespace stratum::kernel
