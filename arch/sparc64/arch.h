/* SPDX-License-Identifier: 0BSD */
/*
 * arch/sparc64/arch.h — what portable C needs to know about sparc64
 * (64-bit SPARC V9, Linux).
 */
#ifndef TINE_ARCH_H
#define TINE_ARCH_H

#define TINE_ARCH_NAME        "sparc64"

/*
 * SPARC V9 ABI (SPARC Compliance Definition 2.4.1, "Stack Frame"): %sp + 2047
 * (the stack bias) is 16-byte aligned, and every frame starts with a
 * 176-byte area: 128 bytes where the register window is spilled, six
 * argument words. The stubs deal in both; portable C sees only the real
 * addresses and this alignment.
 */
#define TINE_ARCH_STACK_ALIGN 16

/*
 * The kernel's raw clone reads tls from %o3 and ctid from %o4
 * (sparc_clone in arch/sparc/kernel/process.c: args.tls =
 * regs->u_regs[UREG_I3], args.child_tid = regs->u_regs[UREG_I4]): the
 * CLONE_BACKWARDS order, though sparc selects no Kconfig symbol for it.
 */
#define TINE_ARCH_CLONE_BACKWARDS 1

/*
 * ELF TLS, variant II (SPARC ABI TLS supplement, glibc's tcbhead_t): the
 * block ends at the thread pointer, %g7, which points at the descriptor;
 * the compilers read the stack-protector canary at %g7 + 0x28 (clang:
 * `ldx [%g7+40]`), the descriptor's word 5. CLONE_SETTLS's argument is
 * %g7 itself (copy_thread in arch/sparc/kernel/process_64.c:
 * t->kregs->u_regs[UREG_G7] = tls), internal.h's default.
 */
#define TINE_ARCH_TP_SELF     0

/*
 * rt_sigaction takes five arguments here: (sig, act, oact, restorer,
 * sigsetsize) (arch/sparc/kernel/sys_sparc_64.c, SYSCALL_DEFINE5
 * rt_sigaction: new_ka.ka_restorer = restorer). The kernel starts a
 * handler with %o7 = that restorer (arch/sparc/kernel/signal_64.c,
 * setup_rt_frame: regs->u_regs[UREG_I7] = ka_restorer), so its return,
 * `retl` or `ret`, lands at restorer + 8: tine passes
 * __tine_arch_sigreturn - 8. The kernel's struct sigaction still has an
 * sa_restorer word before the mask (__ARCH_HAS_SA_RESTORER in
 * arch/sparc/include/asm/signal.h), though the UAPI defines no
 * SA_RESTORER flag. src/signal.c lays out and calls rt_sigaction so.
 */
#define TINE_ARCH_SIGACTION_RESTORER_ARG 1

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <linux/sched.h>
/* clone3.S reads args->stack and args->stack_size at these offsets. */
_Static_assert(offsetof(struct clone_args, stack) == 40 && offsetof(struct clone_args, stack_size) == 48,
               "struct clone_args: stack at 40, stack_size at 48, as clone3.S reads them");
#endif

#endif
