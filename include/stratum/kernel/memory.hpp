// A partition's memory as the kernel may touch it on the partition's behalf
// (manual 2.3 spatial isolation, 5.16): every pointer a partition hands over
// is checked here against the partition's own areas before any byte moves,
// and moved only through the processor (the partition's MMU context).
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "stratum/config/model.hpp"
#include "stratum/kernel/hypercalls.hpp"

namespace stratum::kernel {

template <class K>
struct PartitionMemory {
  // Is [addr, addr + size) inside one of partition i's mapped areas
  // (writable ones when `write`), and aligned to `align` bytes?
  static bool holds(Caller i, std::uint32_t addr, std::uint32_t size, bool write, std::uint32_t align) {
    return within(i, addr, size, align, config::area_flag::unmapped | (write ? config::area_flag::read_only : 0u));
  }

  // Is [addr, addr + size) code partition i may run and no other partition
  // can write: inside one of its mapped areas that is not shared (shared
  // areas are mapped without execute rights), and aligned?
  static bool holds_code(Caller i, std::uint32_t addr, std::uint32_t size, std::uint32_t align) {
    return within(i, addr, size, align, config::area_flag::unmapped | config::area_flag::shared);
  }

  // Writes `v` where the caller asked, if that is its writable memory
  // aligned for T (at most 8 bytes: the partition's ABI aligns no more).
  template <class T>
  static bool put(Caller i, UserPtr<T> p, const T& v) {
    if (!holds(i, p.address, sizeof(T), true, alignof(T) < 8 ? alignof(T) : 8)) return false;
    if constexpr (std::is_scalar_v<T>)
      K::Cpu::store_user(p.address, v);
    else
      K::Cpu::write_user(p.address, &v, sizeof(T));
    return true;
  }

  // Reads a T the caller handed over, if it is the caller's memory aligned
  // for T (at most 8 bytes).
  template <class T>
  static bool get(Caller i, UserPtr<T> p, T& v) {
    if (!holds(i, p.address, sizeof(T), false, alignof(T) < 8 ? alignof(T) : 8)) return false;
    K::Cpu::read_user(&v, p.address, sizeof(T));
    return true;
  }

  // How many of the `max` bytes from `addr` partition i may read in one
  // run (0: addr is not its memory): for a string of unknown length.
  static std::uint32_t readable_run(Caller i, std::uint32_t addr, std::uint32_t max) {
    for (const config::MemoryArea& a : K::system.partitions[i].areas) {
      if (a.flags & config::area_flag::unmapped) continue;
      if (addr >= a.mapped_at && addr - a.mapped_at < a.size) {
        const std::uint32_t left = a.size - (addr - a.mapped_at);
        return left < max ? left : max;
      }
    }
    return 0;
  }

  // Where [addr, addr + size) of partition i, as it sees its memory
  // (mappedAt; an unmapped area at its start), is in physical memory, if
  // the range lies in one of its areas (not a read-only one when `write`).
  static bool physical(Caller i, std::uint32_t addr, std::uint32_t size, bool write, std::uint32_t& pa) {
    for (const config::MemoryArea& a : K::system.partitions[i].areas) {
      if (write && (a.flags & config::area_flag::read_only)) continue;
      const std::uint32_t view = (a.flags & config::area_flag::unmapped) ? a.start : a.mapped_at;
      if (addr >= view && std::uint64_t{addr} - view + size <= a.size) {
        pa = a.start + (addr - view);
        return true;
      }
    }
    return false;
  }

  // Writes `n` objects to an array of the caller's.
  template <class T>
  static bool put_array(Caller i, UserPtr<T> p, const T* v, std::uint32_t n) {
    if (!holds(i, p.address, n * static_cast<std::uint32_t>(sizeof(T)), true, alignof(T) < 8 ? alignof(T) : 8))
      return false;
    K::Cpu::write_user(p.address, v, n * sizeof(T));
    return true;
  }

 private:
  // Is [addr, addr + size) aligned and inside one of partition i's areas
  // that has none of the `excluded` flags?
  static bool within(Caller i, std::uint32_t addr, std::uint32_t size, std::uint32_t align, std::uint32_t excluded) {
    if (align > 1 && (addr & (align - 1)) != 0) return false;
    for (const config::MemoryArea& a : K::system.partitions[i].areas) {
      if (a.flags & excluded) continue;
      if (addr >= a.mapped_at && std::uint64_t{addr} - a.mapped_at + size <= a.size) return true;
    }
    return false;
  }

 public:
  // Copies [from, from + n) of the caller's readable memory to `to`, unchecked:
  // the caller checked the whole range with holds() first.
  static void get_checked(Caller, void* to, std::uint32_t from, std::size_t n) { K::Cpu::read_user(to, from, n); }
};

}  // namespace stratum::kernel
