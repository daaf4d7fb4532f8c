/* SPDX-License-Identifier: 0BSD */
/*
 * arch/ppc64le/ucontext.h — the interrupted stack pointer, from the third
 * argument of an SA_SIGINFO handler: the kernel's ppc64 struct ucontext,
 * whose uc_mcontext is a struct sigcontext with the general registers in
 * gp_regs, r1 (PT_R1) being the stack pointer. The offsets are the UAPI
 * types' own; the assertion pins them as computed from those types:
 * uc_flags, uc_link, uc_stack (24), uc_sigmask and 15 spare masks make
 * 0xa8 bytes, then sigcontext's _unused[4], signal, _pad0, handler,
 * oldmask and regs 0x40 more.
 */
#include <stddef.h>
#include <asm/ptrace.h>
#include <asm/sigcontext.h>
#include <asm/ucontext.h>

_Static_assert(offsetof(struct ucontext, uc_mcontext.gp_regs) == 0xa8 + 0x40,
               "ppc64 ucontext: gp_regs after 0xa8 bytes of ucontext and 0x40 of sigcontext");

static inline unsigned long tine_arch_uc_sp(const void *uc)
{
    return ((const struct ucontext *)uc)->uc_mcontext.gp_regs[PT_R1];
}
