// Partition management (manual 2.4, 5.5): each partition's state (boot,
// normal, idle, suspended, halted), its reset counter and status, and the
// hypercalls that change them. A partition may act on itself; acting on
// another needs the `system` flag (manual table 2.2). Restarting a partition
// is the kernel's reset list (Kernel::restart): every service forgets that
// partition's past, this one included.
#pragma once

#include <cstddef>
#include <cstdint>

#include "stratum/config/model.hpp"
#include "stratum/console.hpp"
#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/partition.hpp"

extern "C" {
#include "xm/status.h"
}

namespace stratum::kernel {

template <class K>
class Partitions {
 public:
  static constexpr std::size_t N = K::system.partitions.size();

  static PartitionState state(Caller i) { return parts_[i].state; }
  static std::uint32_t reset_counter(Caller i) { return parts_[i].reset_counter; }
  static std::uint32_t reset_status(Caller i) { return parts_[i].reset_status; }
  static bool is_system(Caller i) { return (K::system.partitions[i].flags & config::partition_flag::system) != 0; }
  static bool runnable(int i) { return i >= 0 && parts_[i].state <= PartitionState::normal; }  // boot or normal
  static bool any_alive() {
    for (const Runtime& p : parts_)
      if (p.state != PartitionState::halted) return true;
    return false;
  }

  // The index of the partition with this id, or -1. Ids are 0, 1, 2, ...
  // in table order (rule PARTITION-ID-SEQUENCE, checked before the kernel
  // is compiled), so an id is its index.
  static int index_of(std::uint32_t id) { return id < N ? static_cast<int>(id) : -1; }

  // At boot: partitions flagged `boot` start; with no flag anywhere all of
  // them do (XtratuM 3's behaviour); the others wait halted for a reset.
  static bool boots(Caller i) {
    return !any_boot_flag || (K::system.partitions[i].flags & config::partition_flag::boot) != 0;
  }

  // This service's step of a restart: a new life in the boot state.
  static void reset(Caller i, std::uint32_t status, bool count) {
    Runtime& p = parts_[i];
    p.state = PartitionState::boot;  // normal once it first runs
    if (count) ++p.reset_counter;
    p.reset_status = status;
    partitionControlTable_t& t = K::Pct::of(i);
    t.resetCounter = p.reset_counter;
    t.resetStatus = status;
  }

  static void set_halted(Caller i) { parts_[i].state = PartitionState::halted; }
  // It is switched in: a fresh partition is now running normally.
  static void running(Caller i) {
    if (parts_[i].state == PartitionState::boot) parts_[i].state = PartitionState::normal;
  }
  // Does partition i use its slot: running in it, or idle in it waiting for
  // an interrupt (5.17)?
  static bool takes_slot(Caller i) { return parts_[i].state <= PartitionState::idle; }  // boot, normal or idle
  // Its slot starts, or an interrupt arrives for it: an idle partition is
  // ready again (2.4, 5.17).
  static void woken(Caller i) {
    if (parts_[i].state == PartitionState::idle) parts_[i].state = PartitionState::normal;
  }

  // The partition a service acts on: the caller itself (by its id) or, for
  // system partitions only, any partition. -1 with `err` set otherwise.
  static int target(Caller caller, xmId_t id, std::int32_t& err) {
    const int t = index_of(id);
    if (t == static_cast<int>(caller)) return t;
    if (t < 0) {
      err = XM_INVALID_PARAM;
      return -1;
    }
    if (!is_system(caller)) {
      err = XM_PERM_ERROR;
      return -1;
    }
    return t;
  }

  // XM_halt_partition (5.5): stopped for good, until a reset.
  static std::int32_t halt_partition(Caller caller, xmId_t partitionId) {
    std::int32_t err = XM_OK;
    const int t = target(caller, partitionId, err);
    if (t < 0) return err;
    if (parts_[t].state == PartitionState::halted) return XM_NO_ACTION;
    if (t == static_cast<int>(caller)) {
      Line l;
      l << "Stratum: partition ";
      l.dec(K::system.partitions[caller].id) << " '" << K::system.partitions[caller].name << "' halted itself\n";
      K::Out::write(l);
    }
    K::halt(static_cast<Caller>(t));
    return XM_OK;
  }

  // XM_suspend_partition: not scheduled until resumed; interrupts stay pending.
  static std::int32_t suspend_partition(Caller caller, xmId_t partitionId) {
    std::int32_t err = XM_OK;
    const int t = target(caller, partitionId, err);
    if (t < 0) return err;
    PartitionState& st = parts_[t].state;
    if (st == PartitionState::halted) return XM_INVALID_MODE;
    if (st == PartitionState::suspended) return XM_NO_ACTION;
    st = PartitionState::suspended;
    K::request_reschedule();
    return XM_OK;
  }

  // XM_resume_partition: a suspended partition is ready again.
  static std::int32_t resume_partition(Caller caller, xmId_t partitionId) {
    std::int32_t err = XM_OK;
    const int t = target(caller, partitionId, err);
    if (t < 0) return err;
    PartitionState& st = parts_[t].state;
    if (st != PartitionState::suspended) return XM_NO_ACTION;
    st = PartitionState::normal;
    K::request_reschedule();
    return XM_OK;
  }

  // XM_reset_partition: XM_COLD_RESET reloads the image, XM_WARM_RESET
  // restarts the code in memory; `status` reaches the new life's PCT.
  static std::int32_t reset_partition(Caller caller, xmId_t partitionId, xm_u32_t resetMode, xm_u32_t status) {
    std::int32_t err = XM_OK;
    const int t = target(caller, partitionId, err);
    if (t < 0) return err;
    if (resetMode != XM_COLD_RESET && resetMode != XM_WARM_RESET) return XM_INVALID_PARAM;
    if (resetMode == XM_COLD_RESET) K::cold(static_cast<Caller>(t));  // image copied in steps, in its slot; ports closed
    K::restart(static_cast<Caller>(t), status, true);
    return XM_OK;
  }

  // XM_shutdown_partition: asks the partition to shut itself down
  // (XM_VT_EXT_SHUTDOWN); what it does then is its own business.
  static std::int32_t shutdown_partition(Caller caller, xmId_t partitionId) {
    std::int32_t err = XM_OK;
    const int t = target(caller, partitionId, err);
    if (t < 0) return err;
    if (parts_[t].state == PartitionState::halted) return XM_INVALID_MODE;
    K::VirtualTraps::raise(static_cast<Caller>(t), XM_VT_EXT_SHUTDOWN);
    K::request_reschedule();
    return XM_OK;
  }

  // XM_idle_self: gives the rest of the slot away until the next one.
  static std::int32_t idle_self(Caller caller) {
    parts_[caller].state = PartitionState::idle;
    K::request_reschedule();
    return XM_OK;
  }

  // XM_get_vcpuid (table 2.1, listing 5.33): the caller's virtual CPU, always
  // 0 (one vCPU per partition, BOARD-VCPUS).
  static std::int32_t get_vcpuid(Caller) { return 0; }

  using Hypercalls = kernel::Hypercalls<Bind<__HALT_PARTITION_NR, &halt_partition>,
                                        Bind<__SUSPEND_PARTITION_NR, &suspend_partition>,
                                        Bind<__RESUME_PARTITION_NR, &resume_partition>,
                                        Bind<__RESET_PARTITION_NR, &reset_partition>,
                                        Bind<__SHUTDOWN_PARTITION_NR, &shutdown_partition>,
                                        Bind<__IDLE_SELF_NR, &idle_self>, Bind<__GET_VCPUID_NR, &get_vcpuid>>;

 private:
  static_assert([] {
    for (std::size_t i = 0; i < N; ++i)
      if (K::system.partitions[i].id != i) return false;
    return true;
  }(), "partition ids must be 0, 1, 2, ... in table order (PARTITION-ID-SEQUENCE)");

  static constexpr bool any_boot_flag = [] {
    for (const config::Partition& p : K::system.partitions)
      if (p.flags & config::partition_flag::boot) return true;
    return false;
  }();

  struct Runtime {
    PartitionState state;
    std::uint32_t reset_counter;
    std::uint32_t reset_status;
  };
  static inline Runtime parts_[N]{};
};

}  // namespace stratum::kernel
