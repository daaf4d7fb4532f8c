/* SPDX-License-Identifier: 0BSD */
/*
 * arch/hppa/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler: the kernel's struct ucontext
 * (asm-generic's: parisc has none of its own, and the generic header
 * needs a libc's sigset_t, so its head is written out here), whose
 * uc_mcontext (struct sigcontext) has the general registers by number in
 * sc_gr[32] (sc_gr[0] holds the PSW); %r30 is sp.
 */
#include <stddef.h>
#include <asm/sigcontext.h>
#include <asm/signal.h>

struct tine_hppa_ucontext {
    unsigned long      uc_flags;
    void              *uc_link;
    stack_t            uc_stack;
    struct sigcontext  uc_mcontext;     /* 8-aligned: it holds the FP registers */
};

_Static_assert(offsetof(struct tine_hppa_ucontext, uc_mcontext.sc_gr) == 28,
               "hppa ucontext: sc_gr after uc_flags, uc_link, uc_stack, padding and sc_flags");

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct tine_hppa_ucontext *)uc)->uc_mcontext.sc_gr[30];
}
