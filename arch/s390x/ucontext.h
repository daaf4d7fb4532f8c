/* SPDX-License-Identifier: 0BSD */
/*
 * arch/s390x/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler. The kernel's struct ucontext on
 * s390x: uc_flags, uc_link, uc_stack (40 bytes), then _sigregs: the PSW
 * and the sixteen general registers, of which r15 is the stack pointer.
 */
#include <asm/sigcontext.h>

struct tine_ucontext { unsigned long flags; void *link; stack_t stack; _sigregs mc; };

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct tine_ucontext *)uc)->mc.regs.gprs[15];
}
