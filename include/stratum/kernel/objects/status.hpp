// The status object (manual 5.15, OBJ_CLASS_STATUS), read with
// XM_ctrl_object: XM_GET_PARTITION_STATUS (xmPartitionStatus_t of the
// partition in the descriptor; another partition's needs the `system`
// flag), XM_GET_SYSTEM_STATUS (xmSystemStatus_t, system partitions only),
// XM_GET_PLAN_STATUS (xmPlanStatus_t) and XM_GET_PHYSMEM_MAP (the caller's
// memory areas, at most the descriptor's id of them; returns how many it has).
#pragma once

#include <cstdint>

#include "stratum/kernel/hypercalls.hpp"
#include "stratum/kernel/objects.hpp"
#include "stratum/kernel/partition.hpp"
#include "stratum/kernel/scheduler.hpp"

extern "C" {
#include "xm/objects.h"
#include "xm/status.h"
}

namespace stratum::kernel {

template <class K>
struct StatusObject {
  static std::int32_t ctrl(Caller caller, xmObjDesc_t desc, xm_u32_t cmd, UserPtr<void> arg) {
    switch (cmd) {
      case XM_GET_PARTITION_STATUS: return partition_status(caller, desc, {arg.address});
      case XM_GET_SYSTEM_STATUS: return system_status(caller, {arg.address});
      case XM_GET_PLAN_STATUS: return plan_status(caller, {arg.address});
      case XM_GET_PHYSMEM_MAP: return physmem_map(caller, desc, {arg.address});
      default: return XM_INVALID_PARAM;
    }
  }

  static constexpr ObjectClass object_class{.ctrl = &ctrl};

 private:
  static std::int32_t partition_status(Caller caller, xmObjDesc_t desc, UserPtr<xmPartitionStatus_t> out) {
    std::int32_t err = XM_OK;
    const int t = K::Partitions::target(caller, OBJDESC_GET_PARTITIONID(desc), err);
    if (t < 0) return err;
    const auto i = static_cast<Caller>(t);
    xmPartitionStatus_t st{};
    st.state = state_code(K::Partitions::state(i));
    st.noVIrqs = K::VirtualTraps::delivered(i);
    st.resetCounter = K::Partitions::reset_counter(i);
    st.resetStatus = K::Partitions::reset_status(i);
    st.execClock = static_cast<xmTime_t>(K::Time::exec_clock(i));
    const auto& m = K::Ports::counters(i);
    st.noSamplingPortMsgsRead = m.sampling_read;
    st.noSamplingPortMsgsWritten = m.sampling_written;
    st.noQueuingPortMsgsSent = m.queuing_sent;
    st.noQueuingPortMsgsReceived = m.queuing_received;
    return K::Memory::put(caller, out, st) ? XM_OK : XM_INVALID_PARAM;
  }

  static std::int32_t system_status(Caller caller, UserPtr<xmSystemStatus_t> out) {
    if (!K::Partitions::is_system(caller)) return XM_PERM_ERROR;
    xmSystemStatus_t st{};
    st.resetCounter = K::SystemControl::resets();
    st.noIrqs = K::SystemControl::irqs();
    st.currentMaf = K::Plans::scheduler().major_frames();
    const auto& m = K::Ports::totals();
    st.noSamplingPortMsgsRead = m.sampling_read;
    st.noSamplingPortMsgsWritten = m.sampling_written;
    st.noQueuingPortMsgsSent = m.queuing_sent;
    st.noQueuingPortMsgsReceived = m.queuing_received;
    return K::Memory::put(caller, out, st) ? XM_OK : XM_INVALID_PARAM;
  }

  // switchTime: when the last switch took effect, at a major-frame boundary
  // (0 until the first; the manual's "time of the last plan switch request"
  // is read as the switch itself, which is the time that proves where it
  // happened); next: the plan of the next major frame (current when no
  // switch is pending); prev: the plan before the current one, -1 until the
  // first switch. A system reset clears switchTime and prev (5.7.2).
  static std::int32_t plan_status(Caller caller, UserPtr<xmPlanStatus_t> out) {
    const CyclicScheduler& s = K::Plans::scheduler();
    xmPlanStatus_t st{};
    st.switchTime = static_cast<xmTime_t>(s.plan_switch_time());
    st.current = static_cast<xm_s32_t>(s.plan().id);
    st.next = static_cast<xm_s32_t>(s.next_plan().id);
    st.prev = s.prev_plan() != nullptr ? static_cast<xm_s32_t>(s.prev_plan()->id) : -1;
    return K::Memory::put(caller, out, st) ? XM_OK : XM_INVALID_PARAM;
  }

  static std::int32_t physmem_map(Caller caller, xmObjDesc_t desc, UserPtr<xmPhysicalMemMap_t> out) {
    const auto& areas = K::system.partitions[caller].areas;
    const std::uint32_t n = static_cast<std::uint32_t>(areas.size()), max = OBJDESC_GET_ID(desc);
    const std::uint32_t k = n < max ? n : max;
    xmPhysicalMemMap_t map[CONFIG_MAX_MEM_AREAS];
    for (std::uint32_t j = 0; j < k && j < CONFIG_MAX_MEM_AREAS; ++j)
      map[j] = {areas[j].start, areas[j].mapped_at, areas[j].size, areas[j].flags};
    return K::Memory::put_array(caller, out, map, k) ? static_cast<std::int32_t>(n) : XM_INVALID_PARAM;
  }

  static xm_u32_t state_code(PartitionState s) {
    switch (s) {
      case PartitionState::boot:  // created, not yet run in this life: ready
      case PartitionState::normal: return XM_STATUS_READY;
      case PartitionState::idle: return XM_STATUS_IDLE;
      case PartitionState::suspended: return XM_STATUS_SUSPENDED;
      case PartitionState::halted: return XM_STATUS_HALTED;
    }
    return XM_STATUS_HALTED;
  }
};

}  // namespace stratum::kernel
