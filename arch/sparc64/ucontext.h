/* SPDX-License-Identifier: 0BSD */
/*
 * arch/sparc64/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler. On sparc64 that argument is not a
 * ucontext: the kernel passes the siginfo's address again
 * (arch/sparc/kernel/signal_64.c, setup_rt_frame:
 * "regs->u_regs[UREG_I2] = (unsigned long) &sf->info;"), and in its
 * struct rt_signal_frame the siginfo (128 bytes) is followed by the
 * interrupted struct pt_regs, whose u_regs[UREG_FP] (the window's %i6,
 * the user's %o6) is the stack pointer, biased by 2047.
 */
#include <asm/ptrace.h>
#include <asm/siginfo.h>

_Static_assert(sizeof(siginfo_t) == 128, "sparc64's rt_signal_frame: pt_regs 128 bytes after the siginfo");

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    const struct pt_regs *r = (const struct pt_regs *)((const char *)uc + sizeof(siginfo_t));

    return r->u_regs[UREG_FP] + 2047;
}
