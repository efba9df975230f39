/* The partitions of the register-window test, one program: each partition
 * picks its part by its id (from its PCT). SPARC v8 terms: a SAVE moves to a
 * new window whose %i registers are the old one's %o; a window is spilled
 * to, and filled from, the 64 bytes at its own %sp.
 *
 *  0 Victim        keeps secrets (0x5ec7e7xx) in seven windows while it
 *                  spins, and checks them and its data every slot.
 *  1 Snoop         reads the registers a switch, a reset and a virtual trap
 *                  leave it: none may be another partition's or stale.
 *  2 ReadHvStack   fills a window from the hypervisor's stack (RESTORE).
 *  3 WriteHvStack  has the hypervisor spill its window into its own stack.
 *  4 IretBadPc     XM_sparc_iret to a pc that is not word-aligned.
 *  5 IretBadNpc    XM_sparc_iret with nPC = PC + 5.
 *  6 IretIntoHv    XM_sparc_iret into the hypervisor's code.
 *  7 FlushTrap     `ta 3` flushes its windows to its stack; then `ta 3`
 *                  with a window whose %sp is the hypervisor's stack.
 *  8 SlotEndBadSp  ends its slot with %sp in the Victim's memory: the
 *                  switch keeps the window the Victim's memory refused in
 *                  the hypervisor and puts it back (it resumes with its
 *                  registers intact, no fault of its own, nothing of it in
 *                  the Victim's memory); the same for a hypercall made with
 *                  every window live, the oldest over the Victim's memory;
 *                  then a SAVE of its own spills such a window, in its own
 *                  time: refused, it is halted.
 */
#include <xm.h>

#define VICTIM_AREA 0x40100000u
#define SECRET 0x5ec7e700u

static xm_u32_t data[256]; /* the victim's own data, checked every slot */

static xm_u32_t checksum(void) {
  xm_u32_t sum = 0;
  for (int i = 0; i < 256; ++i) sum = sum * 31 + data[i];
  return sum;
}

static volatile int slot;
static int handler_stale = -1; /* Snoop: stale registers in its handler's window */

/* The 16 words a window was spilled to: %l0-%l7, %i0-%i7. */
static xm_u32_t *frame_at(void *sp) { return (xm_u32_t *)sp; }

void ExtIrqHandler(xm_s32_t irq) {
  xm_u32_t o1, o2, o3, o4, o5;
  /* The handler's window (traptab.S) called us: our %i1..%i5 are its
   * %o1..%o5, which nobody set. */
  __asm__ volatile("mov %%i1, %0\n mov %%i2, %1\n mov %%i3, %2\n mov %%i4, %3\n mov %%i5, %4"
                   : "=r"(o1), "=r"(o2), "=r"(o3), "=r"(o4), "=r"(o5));
  if (irq == XM_VT_EXT_CYCLIC_SLOT_START) ++slot;
  if (XM_PARTITION_SELF == 1 && handler_stale < 0) {
    /* The handler window's %l3 and %l7 are not used by traptab.S either. */
    XM_sparc_flush_regwin();
    xm_u32_t *w = frame_at(__builtin_frame_address(0));
    handler_stale = (o1 != 0) + (o2 != 0) + (o3 != 0) + (o4 != 0) + (o5 != 0) + (w[3] != 0) + (w[7] != 0);
  }
}

void ExceptionHandler(xm_s32_t trapNr) {
  xprintf("%s: took trap 0x%x in its own trap table, halting\n", XM_params_get_PCT()->name, (unsigned)trapNr);
  XM_halt_partition(XM_PARTITION_SELF);
}

/* ---- 0 Victim ------------------------------------------------------------ */

/* Eight secrets per frame, kept in registers across the call below (the
 * empty asm statements make them opaque to the compiler); returns how many
 * came back changed. */
#define OPAQUE8(a, b, c, d, e, f, g, h) \
  __asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d), "+r"(e), "+r"(f), "+r"(g), "+r"(h))

static int spin_until_next_slot(int seen) {
  while (slot == seen) {
  }
  return 0;
}

static int deep(int depth, int seen, xm_u32_t tag) {
  xm_u32_t a = tag | (depth << 3) | 0, b = tag | (depth << 3) | 1, c = tag | (depth << 3) | 2,
           d = tag | (depth << 3) | 3, e = tag | (depth << 3) | 4, f = tag | (depth << 3) | 5,
           g = tag | (depth << 3) | 6, h = tag | (depth << 3) | 7;
  OPAQUE8(a, b, c, d, e, f, g, h);
  int bad = depth > 0 ? deep(depth - 1, seen, tag) : spin_until_next_slot(seen);
  OPAQUE8(a, b, c, d, e, f, g, h);
  bad += (a != (tag | (depth << 3) | 0)) + (b != (tag | (depth << 3) | 1)) + (c != (tag | (depth << 3) | 2)) +
         (d != (tag | (depth << 3) | 3)) + (e != (tag | (depth << 3) | 4)) + (f != (tag | (depth << 3) | 5)) +
         (g != (tag | (depth << 3) | 6)) + (h != (tag | (depth << 3) | 7));
  return bad;
}

static void victim(void) {
  for (int i = 0; i < 256; ++i) data[i] = (xm_u32_t)i * 2654435761u;
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  for (int seen = 0;;) {
    /* Seven frames of secrets: every window is the Victim's at its slot end. */
    const int bad = deep(6, seen, SECRET);
    seen = slot;
    xprintf("Victim: slot %d, data checksum 0x%08x, %d secret register(s) changed\n", seen,
            (unsigned)checksum(), bad);
  }
}

/* ---- 1 Snoop ------------------------------------------------------------- */

static xm_u32_t seen_regs[6 * 16] __attribute__((aligned(8)));

/* Six SAVEs that do not touch a register, each window's %l and %o stored. */
static void read_free_windows(void) {
  __asm__ volatile(
      "mov %0, %%g1\n"
      ".rept 6\n"
      "save %%g0, 0, %%g0\n"
      "std %%l0, [%%g1 + 0]\n std %%l2, [%%g1 + 8]\n std %%l4, [%%g1 + 16]\n std %%l6, [%%g1 + 24]\n"
      "std %%o0, [%%g1 + 32]\n std %%o2, [%%g1 + 40]\n std %%o4, [%%g1 + 48]\n std %%o6, [%%g1 + 56]\n"
      "add %%g1, 64, %%g1\n"
      ".endr\n"
      ".rept 6\n restore %%g0, 0, %%g0\n .endr\n" ::"r"(seen_regs)
      : "g1", "memory");
}

static void snoop(int fresh_stale) {
  xprintf("Snoop: first window after its start: %d stale register(s)\n", fresh_stale);
  read_free_windows();
  int secrets = 0;
  for (int i = 0; i < 6 * 16; ++i) secrets += (seen_regs[i] & 0xffffff00u) == SECRET;
  xprintf("Snoop: %d of Victim's register(s) visible in the windows below its own\n", secrets);
  XM_unmask_irq(XM_VT_EXT_CYCLIC_SLOT_START);
  XM_enable_irqs();
  while (handler_stale < 0) XM_idle_self();
  xprintf("Snoop: its virtual trap handler's window: %d stale register(s)\n", handler_stale);
  XM_halt_partition(XM_PARTITION_SELF);
}

/* ---- 2, 3 the hypervisor's stack ----------------------------------------- */

/* The hypervisor's stack pointer as its trap window leaves it after a
 * hypercall that enters the kernel (XM_get_vcpuid: a short one; an unknown
 * number is answered in the trap window without a stack): the window
 * below ours. */
static xm_u32_t hypervisor_sp(void) {
  xm_u32_t sp;
  __asm__ volatile(
      "mov %2, %%o0\n ta %1\n"
      "save %%g0, 0, %%g0\n mov %%o6, %%g1\n restore %%g0, 0, %%g0\n mov %%g1, %0"
      : "=r"(sp)
      : "i"(XM_HYPERCALL_TRAP - 0x80), "i"(__GET_VCPUID_NR)
      : "g1", "o0", "o1", "o2", "o3", "o4", "o5", "memory");
  return sp;
}

/* An address inside the hypervisor's kernel stack (below its live frames),
 * rounded so that the transcript moves only when the hypervisor's stacks
 * cross a 4 KB boundary. */
static xm_u32_t hv_stack_target(void) { return (hypervisor_sp() & ~0xfffu) - 0x800u; }

static void read_hv_stack(void) {
  const xm_u32_t target = hv_stack_target();
  xm_u32_t l0, l1;
  xprintf("ReadHvStack: filling a window from the hypervisor's stack\n");
  /* Two windows of ours (A, B); the flush leaves only B resident; B's %fp
   * is A's %sp: the RESTORE fills A from `target`. A's %i6 is our own %sp,
   * put back before the RESTORE into us. */
  __asm__ volatile(
      "mov %%sp, %%g2\n mov %2, %%g3\n"
      "save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n"
      "mov %3, %%o0\n ta %4\n"
      "mov %%g3, %%fp\n"
      "restore\n"
      "mov %%l0, %%g3\n mov %%l1, %%g4\n mov %%g2, %%i6\n"
      "restore\n"
      "mov %%g3, %0\n mov %%g4, %1"
      : "=r"(l0), "=r"(l1)
      : "r"(target), "i"(sparc_flush_regwin_nr), "i"(XM_ASMHYPERCALL_TRAP - 0x80)
      : "g2", "g3", "g4", "o0", "o1", "o2", "o3", "o4", "o5", "o7", "memory");
  xprintf("ReadHvStack: still running, read 0x%08x 0x%08x: isolation is broken\n", (unsigned)l0, (unsigned)l1);
}

static void write_hv_stack(void) {
  const xm_u32_t target = hv_stack_target();
  xm_u32_t l4;
  xprintf("WriteHvStack: having the hypervisor spill its window into the hypervisor's stack\n");
  /* A window whose %sp is the target; the hypervisor's flush spills it
   * (in supervisor mode) and the exit path fills it back from there. */
  __asm__ volatile(
      "mov %%sp, %%g2\n mov %1, %%g3\n"
      "save %%sp, -96, %%sp\n"
      "mov %%g3, %%sp\n"
      "mov %2, %%o0\n ta %3\n"
      "mov %%l4, %%g3\n"
      "mov %%g2, %%sp\n"
      "restore\n"
      "mov %%g3, %0"
      : "=r"(l4)
      : "r"(target), "i"(sparc_flush_regwin_nr), "i"(XM_ASMHYPERCALL_TRAP - 0x80)
      : "g2", "g3", "o0", "o1", "o2", "o3", "o4", "o5", "o7", "memory");
  xprintf("WriteHvStack: still running, its window came back with 0x%08x: isolation is broken\n", (unsigned)l4);
}

/* ---- 4, 5, 6 forged return frames ---------------------------------------- */

/* XM_sparc_iret from a window whose %l1/%l2 (the return PC/nPC, as a trap
 * leaves them) are forged: the flush puts them in the frame the hypervisor
 * reads. */
static void forged_iret(xm_u32_t pc, xm_u32_t npc) {
  __asm__ volatile(
      "save %%sp, -96, %%sp\n"
      "clr %%l0\n mov %0, %%l1\n mov %1, %%l2\n"
      "mov %2, %%o0\n ta %3\n"
      "restore" ::"r"(pc),
      "r"(npc), "i"(sparc_iret_nr), "i"(XM_ASMHYPERCALL_TRAP - 0x80)
      : "o0", "o1", "o2", "o3", "o4", "o5", "o7", "memory");
}

static void landing(void) {
  xprintf("%s: still running after its forged return: isolation is broken\n", XM_params_get_PCT()->name);
  for (;;) XM_idle_self();
}

static void iret_bad_pc(void) {
  xprintf("IretBadPc: XM_sparc_iret to pc 0x%08x\n", (unsigned)landing + 2);
  forged_iret((xm_u32_t)landing + 2, (xm_u32_t)landing + 6);
}

static void iret_bad_npc(void) {
  xprintf("IretBadNpc: XM_sparc_iret with nPC = PC + 5\n");
  forged_iret((xm_u32_t)landing, (xm_u32_t)landing + 5);
}

static void iret_into_hv(void) {
  xprintf("IretIntoHv: XM_sparc_iret to the hypervisor's code at 0x40001000\n");
  forged_iret(0x40001000u, 0x40001004u);
}

/* ---- 7 ta 3 ---------------------------------------------------------------- */

static int flushed_words;

static int stack_depth(int depth) {
  const xm_u32_t tag = 0xf1a5e000u;
  xm_u32_t a = tag | (depth << 3) | 0, b = tag | (depth << 3) | 1, c = tag | (depth << 3) | 2,
           d = tag | (depth << 3) | 3, e = tag | (depth << 3) | 4, f = tag | (depth << 3) | 5,
           g = tag | (depth << 3) | 6, h = tag | (depth << 3) | 7;
  OPAQUE8(a, b, c, d, e, f, g, h);
  if (depth == 0) {
    /* Every window but this one is now on the stack: walk the frames of
     * the four callers through their saved %i6. */
    __asm__ volatile("ta 3" ::: "memory");
    xm_u32_t *fp = frame_at(__builtin_frame_address(0));
    for (int level = 1; level <= 4; ++level, fp = (xm_u32_t *)fp[14])
      for (int k = 0; k < 16; ++k) flushed_words += (fp[k] & ~7u) == (tag | ((xm_u32_t)level << 3));
  } else {
    stack_depth(depth - 1);
  }
  OPAQUE8(a, b, c, d, e, f, g, h);
  return (int)(a ^ b ^ c ^ d ^ e ^ f ^ g ^ h);
}

static void flush_trap(void) {
  /* Nine frames deep: the SAVEs overflowed on the way, so the `ta 3` takes
   * the invalid window as its trap window, every other one resident. */
  stack_depth(9);
  xprintf("FlushTrap: after ta 3, %d of 32 secrets of its callers' windows were on its stack\n", flushed_words);
  const xm_u32_t target = hv_stack_target();
  xprintf("FlushTrap: ta 3 with a window whose %%sp is the hypervisor's stack\n");
  __asm__ volatile(
      "mov %%sp, %%g2\n mov %0, %%g3\n"
      "save %%sp, -96, %%sp\n save %%sp, -96, %%sp\n"
      "mov %%g3, %%fp\n"
      "ta 3\n"
      "mov %%g2, %%fp\n"
      "restore\n restore" ::"r"(target)
      : "g2", "g3", "o0", "o1", "o2", "o3", "o4", "o5", "o7", "memory");
  xprintf("FlushTrap: still running: isolation is broken\n");
}

/* ---- 8 a bad %sp at the slot end ----------------------------------------- */

/* Eight marks base|0..7 in %l0-%l7 (base in %g4); counting the ones
 * changed into %g3. */
#define MARK_LOCALS "or %%g4, 0, %%l0\n or %%g4, 1, %%l1\n or %%g4, 2, %%l2\n or %%g4, 3, %%l3\n" \
                    "or %%g4, 4, %%l4\n or %%g4, 5, %%l5\n or %%g4, 6, %%l6\n or %%g4, 7, %%l7\n"
#define COUNT_CHANGED_1(r, k) "or %%g4, " #k ", %%g1\n cmp " r ", %%g1\n bne,a .+8\n inc %%g3\n"
#define COUNT_CHANGED \
  COUNT_CHANGED_1("%%l0", 0) COUNT_CHANGED_1("%%l1", 1) COUNT_CHANGED_1("%%l2", 2) COUNT_CHANGED_1("%%l3", 3) \
  COUNT_CHANGED_1("%%l4", 4) COUNT_CHANGED_1("%%l5", 5) COUNT_CHANGED_1("%%l6", 6) COUNT_CHANGED_1("%%l7", 7)

static void slot_end_bad_sp(void) {
  /* The low word of the PCT's slot start: it changes when its next slot starts. */
  const volatile xm_u32_t *slot_start = (const volatile xm_u32_t *)&XM_params_get_PCT()->schedInfo.slotStart + 1;
  xm_u32_t changed;
  xprintf("SlotEndBadSp: spinning with %%sp in Victim's memory at 0x%08x until its slot ends\n", VICTIM_AREA);
  /* Window A holds marks and %sp in the Victim's memory; window B, newer,
   * holds other marks and a valid %sp of its own, and spins until the next
   * slot. The switch spills A, refused, and B after it (kept too, to keep
   * the order); both must come back, B in the newest window, A under it,
   * without an underflow. */
  __asm__ volatile(
      "mov %%sp, %%g2\n mov %1, %%g5\n"
      "save %%sp, -96, %%sp\n"
      "set 0x5107e000, %%g4\n" MARK_LOCALS
      "set %2, %%sp\n"
      "save %%sp, -96, %%sp\n"
      "set 0x5107e010, %%g4\n" MARK_LOCALS
      "sub %%g2, 256, %%sp\n"
      "ld [%%g5], %%g3\n"
      "1: ld [%%g5], %%g4\n cmp %%g4, %%g3\n be 1b\n nop\n"
      "clr %%g3\n"
      "set 0x5107e010, %%g4\n" COUNT_CHANGED
      "restore\n"
      "set 0x5107e000, %%g4\n" COUNT_CHANGED
      "mov %%g2, %%sp\n"
      "restore\n mov %%g3, %0"
      : "=r"(changed)
      : "r"(slot_start), "i"(VICTIM_AREA)
      : "g1", "g2", "g3", "g4", "g5", "memory");
  xprintf("SlotEndBadSp: resumed in its next slot, %d of 16 marks of its two windows changed\n", (int)changed);
  /* Seven windows live, the oldest (A) with %sp in the Victim's memory, and
   * a hypercall from the newest: the trap takes the invalid window, and the
   * entry spills A to make room (then the kernel's own SAVEs the next
   * ones): kept, not charged, and back in place when the hypercall returns
   * to the newest window, still resident. */
  __asm__ volatile(
      "mov %%sp, %%g2\n"
      "save %%sp, -96, %%sp\n"
      "set 0x5107e100, %%g4\n" MARK_LOCALS
      "set %1, %%sp\n"
      "save %%sp, -96, %%sp\n"
      "set 0x5107e110, %%g4\n" MARK_LOCALS
      "sub %%g2, 256, %%sp\n"
      ".set wk, 2\n .rept 5\n"
      "save %%sp, -96, %%sp\n"
      "set 0x5107e100 + wk * 16, %%g4\n" MARK_LOCALS
      ".set wk, wk + 1\n .endr\n"
      "mov 999, %%o0\n ta %2\n"
      "clr %%g3\n"
      ".set wk, 6\n .rept 6\n"
      "set 0x5107e100 + wk * 16, %%g4\n" COUNT_CHANGED
      "restore\n .set wk, wk - 1\n .endr\n"
      "set 0x5107e100, %%g4\n" COUNT_CHANGED
      "mov %%g2, %%sp\n"
      "restore\n mov %%g3, %0"
      : "=r"(changed)
      : "i"(VICTIM_AREA), "i"(XM_HYPERCALL_TRAP - 0x80)
      : "g1", "g2", "g3", "g4", "o0", "o1", "o2", "o3", "o4", "o5", "memory");
  xprintf("SlotEndBadSp: a hypercall with seven windows live, the oldest over Victim's memory: %d of 56 marks changed\n",
          (int)changed);
  xprintf("SlotEndBadSp: SAVEs past a window whose %%sp is in Victim's memory, in its own slot\n");
  __asm__ volatile(
      "mov %%sp, %%g2\n"
      "save %%sp, -96, %%sp\n"
      "set %0, %%sp\n"
      ".rept 8\n save %%sp, -96, %%sp\n .endr\n"
      ".rept 8\n restore\n .endr\n"
      "mov %%g2, %%sp\n"
      "restore" ::"i"(VICTIM_AREA)
      : "g2", "memory");
  xprintf("SlotEndBadSp: still running: isolation is broken\n");
}

void PartitionMain(void) {
  /* The window the start-up code ran in, as a reset left it: after a
   * flush it is the frame at our %fp (%l0-%l7, %i0-%i7); the start-up code
   * set only %i6. */
  XM_sparc_flush_regwin();
  const xm_u32_t *w = frame_at(__builtin_frame_address(0));
  int fresh_stale = 0;
  for (int k = 0; k < 16; ++k) fresh_stale += k != 14 && w[k] != 0;

  switch (XM_params_get_PCT()->id) {
    case 0: victim(); break;
    case 1: snoop(fresh_stale); break;
    case 2: read_hv_stack(); break;
    case 3: write_hv_stack(); break;
    case 4: iret_bad_pc(); break;
    case 5: iret_bad_npc(); break;
    case 6: iret_into_hv(); break;
    case 7: flush_trap(); break;
    case 8: slot_end_bad_sp(); break;
  }
  for (;;) XM_idle_self();
}
