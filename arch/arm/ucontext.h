/* SPDX-License-Identifier: 0BSD */
/*
 * arch/arm/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler. The kernel's ucontext on arm:
 * uc_flags, uc_link, uc_stack (20 bytes), then struct sigcontext, whose
 * arm_sp is r13 at the fault. arm's UAPI has no ucontext.h, so the head is
 * spelled here.
 */
#include <asm/sigcontext.h>

struct tine_ucontext { unsigned long flags; void *link; stack_t stack; struct sigcontext mc; };

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct tine_ucontext *)uc)->mc.arm_sp;
}
