/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/tp.S — the thread pointer: the tpidr_el0 system register,
// which user code reads and writes directly, no system call needed.
// It points at the 16-byte TCB of the ELF TLS ABI (variant I), whose first
// word tine fills with the descriptor's address (arch.h).
//
// void *__tine_arch_tp(void)          result: x0 = the descriptor, [tpidr_el0]
// long  __tine_arch_set_tp(void *tp)  C call: x0 = tp; result 0

        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, %function
__tine_arch_tp:
        mrs     x0, tpidr_el0
        ldr     x0, [x0]                // TCB word 0: the descriptor
        ret
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, %function
__tine_arch_set_tp:
        msr     tpidr_el0, x0
        mov     x0, #0
        ret
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", %progbits
