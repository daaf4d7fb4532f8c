/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/sigreturn.S — the signal handlers' way back.
!
! void __tine_arch_sigreturn(void)    [not called: a handler returns here]
!
! sparc64's rt_sigaction takes the restorer as its fourth argument, and
! the kernel starts a handler with %o7 = that restorer
! (arch/sparc/kernel/signal_64.c, setup_rt_frame:
! regs->u_regs[UREG_I7] = (unsigned long)ksig->ka.ka_restorer), so the
! handler's return (retl, or ret after a save: a jump to %o7 + 8) comes
! here when src/signal.c passes this address minus 8. The kernel finds
! its frame from %sp, which is the handler's caller's again, and
! restores everything.
!   ta 0x6d:  g1 = __NR_rt_sigreturn; does not return

#include <asm/unistd.h>

        .text
        .global __tine_arch_sigreturn
        .hidden __tine_arch_sigreturn
        .type   __tine_arch_sigreturn, @function
__tine_arch_sigreturn:
        mov     __NR_rt_sigreturn, %g1
        ta      0x6d
        .word   0                       ! illtrap 0: not reached
        .size   __tine_arch_sigreturn, . - __tine_arch_sigreturn

        .section .note.GNU-stack, "", @progbits
