/* SPDX-License-Identifier: 0BSD */
/*
 * arch/m68k/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler. The kernel's m68k struct ucontext
 * (arch/m68k/include/asm/ucontext.h, not in the UAPI, so spelled here):
 * uc_flags, uc_link, uc_stack (12 bytes), then struct mcontext: a version
 * word and gregs[18], d0-d7, a0-a6, then sp (gregs[15]), pc, sr.
 */
#include <stddef.h>
#include <asm/signal.h>

struct tine_ucontext {
    unsigned long flags;
    void *link;
    stack_t stack;
    int version;
    int gregs[18];
};

_Static_assert(offsetof(struct tine_ucontext, gregs) == 24,
               "m68k ucontext: gregs after uc_flags, uc_link, uc_stack and the version");

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return (unsigned long)((const struct tine_ucontext *)uc)->gregs[15];
}
