/* SPDX-License-Identifier: 0BSD */
# arch/ppc64le/tp.S — the thread pointer: r13, which the ABI reserves for
# it; user code sets it directly, no system call needed (clone's
# CLONE_SETTLS sets the child's). It points TINE_ARCH_TP_BIAS (0x7000)
# bytes past tp, the start of the TLS block (ELF TLS variant I with a
# bias), and the descriptor's address is in the word at tp +
# TINE_ARCH_TP_SELF (arch.h: tp - 0x38, so r13 - 0x7038).
#
# void *__tine_arch_tp(void)          result: r3 = the descriptor, [r13 - 0x7038]
# long  __tine_arch_set_tp(void *tp)  C call: r3 = tp; r13 = tp + 0x7000; result 0

#include "arch.h"

        .abiversion 2
        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        ld      %r3, TINE_ARCH_TP_SELF - TINE_ARCH_TP_BIAS(%r13)  # the self word: the descriptor
        blr
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        addi    %r13, %r3, TINE_ARCH_TP_BIAS    # the ABI's r13: tp + 0x7000
        li      %r3, 0
        blr
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
