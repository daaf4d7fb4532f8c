/* SPDX-License-Identifier: 0BSD */
/*
 * arch/x86_64/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler. The kernel's ucontext on x86_64:
 * uc_flags, uc_link, uc_stack (40 bytes), then struct sigcontext, whose
 * rsp is the stack pointer at the fault. The UAPI headers give the
 * sigcontext but not the ucontext around it, so its head is spelled here.
 */
#include <asm/sigcontext.h>

struct tine_ucontext { unsigned long flags; void *link; stack_t stack; struct sigcontext mc; };

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct tine_ucontext *)uc)->mc.rsp;
}
