/* Basic types of the partition ABI (XtratuM manual, listing 6.1/6.2).
 * Shared by the hypervisor (C++) and partitions (C or C++). */
#ifndef XM_TYPES_H
#define XM_TYPES_H

typedef unsigned char xm_u8_t;
typedef signed char xm_s8_t;
typedef unsigned short xm_u16_t;
typedef signed short xm_s16_t;
typedef unsigned int xm_u32_t;
typedef signed int xm_s32_t;
typedef unsigned long long xm_u64_t;
typedef signed long long xm_s64_t;

typedef long xmLong_t;
typedef xm_u32_t xmWord_t;
typedef xm_s64_t xmTime_t; /* microseconds */
typedef xm_u32_t xmAddress_t;
typedef xmAddress_t xmIoAddress_t;
typedef xm_u32_t xmSize_t;
typedef xm_s32_t xmSSize_t;
typedef xm_u32_t xmId_t;

#define MAX_XMTIME 0x7fffffffffffffffLL

#endif
