/* SPDX-License-Identifier: 0BSD */
/*
 * arch/aarch64/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler: the kernel's struct ucontext, whose
 * uc_mcontext (after 128 bytes kept for the signal mask) has sp.
 */
#include <asm/sigcontext.h>
#include <asm/ucontext.h>

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct ucontext *)uc)->uc_mcontext.sp;
}
