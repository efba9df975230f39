/* Partition1 says hello with its identity, read from its PCT and the
 * status hypercall, then halts itself. */
#include <xm.h>

void PartitionMain(void) {
  partitionControlTable_t *pct = XM_params_get_PCT();
  xmPartitionStatus_t status;
  xmTime_t now;

  XM_get_time(XM_HW_CLOCK, &now);
  XM_get_partition_status(XM_PARTITION_SELF, &status);
  xprintf("Hello World! I am partition %d '%s', in slot %d of plan %d at %lld us (state %d, reset %d times)\n",
          (int)pct->id, (const char *)pct->name, (int)pct->schedInfo.noSlot, (int)pct->schedInfo.planId,
          (long long)now, (int)status.state, (int)status.resetCounter);
  XM_halt_partition(XM_PARTITION_SELF);
}
