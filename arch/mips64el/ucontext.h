/* SPDX-License-Identifier: 0BSD */
/*
 * arch/mips64el/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler: the kernel's MIPS struct ucontext,
 * whose uc_mcontext (struct sigcontext, 64-bit layout) begins with
 * sc_regs[32], the general registers by number; $29 is sp. uc_flags,
 * uc_link and uc_stack (24 bytes) come before it.
 */
#include <stddef.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>

_Static_assert(offsetof(struct ucontext, uc_mcontext.sc_regs) == 40,
               "mips64 ucontext: sc_regs after uc_flags, uc_link and uc_stack");

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct ucontext *)uc)->uc_mcontext.sc_regs[29];
}
