/* SPDX-License-Identifier: 0BSD */
# arch/s390x/tp.S — the thread pointer: access registers a0 (high half)
# and a1 (low half), which user code reads and writes directly.
#
# void *__tine_arch_tp(void)          result: r2
# long  __tine_arch_set_tp(void *tp)  C call: r2 = tp; result 0

        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        ear     %r1, %a0                # high 32 bits
        sllg    %r1, %r1, 32
        ear     %r1, %a1                # low 32 bits
        lgr     %r2, %r1
        br      %r14
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        sar     %a1, %r2                # low 32 bits
        srlg    %r2, %r2, 32
        sar     %a0, %r2                # high 32 bits
        lghi    %r2, 0
        br      %r14
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
