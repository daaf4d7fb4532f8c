/* SPDX-License-Identifier: 0BSD */
# arch/riscv64/tp.S — the thread pointer: the tp register (x4), which the
# ABI reserves for it; user code sets it directly, no system call needed.
# It points at the program's TLS block itself (ELF TLS variant I with no
# TCB above tp), so tine keeps the descriptor's address in the word just
# below it (arch.h).
#
# void *__tine_arch_tp(void)          result: a0 = the descriptor, [tp - 8]
# long  __tine_arch_set_tp(void *tp)  C call: a0 = tp; result 0

        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        ld      a0, -8(tp)              # the word below tp: the descriptor
        ret
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        mv      tp, a0
        li      a0, 0
        ret
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
