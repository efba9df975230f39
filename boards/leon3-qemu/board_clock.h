/* The hypervisor's clock on this board, for the trap path's fast
 * XM_get_time (arch/sparc/hypercall.S), which reads it exactly as
 * Board::now_us() does (board.hpp) and shares its 64-bit extension,
 * stratum_clock. Plain defines: included by assembly and by board.hpp,
 * which checks them against its own constants. */
#ifndef STRATUM_BOARD_CLOCK_H
#define STRATUM_BOARD_CLOCK_H

/* GPTIMER (0x80000300) timer 2's counter value register: runs free from
 * 0xffffffff down, one tick per microsecond (scaler at 40 MHz / 40); the
 * clock's low word is its complement. */
#define BOARD_CLOCK_COUNTER 0x80000320

/* struct StratumClock stratum_clock (board.hpp): two words, 8-byte aligned
 * for LDD/STD: the high word of the 64-bit clock, then the last low word
 * read (a lower one next means the counter wrapped). */
#define BOARD_CLOCK_HIGH 0
#define BOARD_CLOCK_LAST 4

#endif
