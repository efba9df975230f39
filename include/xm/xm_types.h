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

/* Limits of the basic types (listing 6.1). */
#define MAX_U8 0xFF
#define MAX_S8 0x7F
#define MAX_U16 0xFFFF
#define MAX_S16 0x7FFF
#define MAX_U32 0xFFFFFFFF
#define MAX_S32 0x7FFFFFFF
#define MAX_U64 0xFFFFFFFFFFFFFFFFULL
#define MAX_S64 0x7FFFFFFFFFFFFFFFLL
#define MAX_XMTIME MAX_S64

#define XM_LOG2_WORD_SZ 5 /* a word is 32 bits (listing 6.2) */

/* A version number: version, subversion and revision, 8 bits each
 * (listing 6.3), as the PCT's xmVersion, xmAbiVersion and xmApiVersion
 * hold them. */
#define XM_SET_VERSION(_ver, _subver, _rev) ((((_ver) & 0xFF) << 16) | (((_subver) & 0xFF) << 8) | ((_rev) & 0xFF))
#define XM_GET_VERSION(_v) (((_v) >> 16) & 0xFF)
#define XM_GET_SUBVERSION(_v) (((_v) >> 8) & 0xFF)
#define XM_GET_REVISION(_v) ((_v) & 0xFF)

#endif
