/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/tp.S — the thread pointer: global register %g7, which user
! code reads and writes directly (the SPARC ABI reserves it for this; the
! kernel keeps it across system calls and, with CLONE_SETTLS, gives a
! child the tls argument in it: copy_thread in arch/sparc/kernel/process_64.c).
!
! void *__tine_arch_tp(void)          result: o0
! long  __tine_arch_set_tp(void *tp)  C call: o0 = tp; result 0
!
! Variant II: the descriptor is at %g7 itself (TINE_ARCH_TP_SELF 0, its
! self word), so the register is the answer.

        .register %g7, #ignore          ! ours to use: the ABI's thread pointer

        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        retl
         mov    %g7, %o0                ! (delay slot)
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        mov     %o0, %g7
        retl
         clr    %o0                     ! (delay slot)
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
