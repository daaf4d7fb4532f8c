/* SPDX-License-Identifier: 0BSD */
/*
 * arch/riscv64/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler: the kernel's struct ucontext, whose
 * uc_mcontext.sc_regs (struct user_regs_struct: pc, ra, sp, ...) has sp.
 */
#include <asm/sigcontext.h>
#include <asm/ucontext.h>

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct ucontext *)uc)->uc_mcontext.sc_regs.sp;
}
