/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/tp.S — the thread pointer: the tpidr_el0 system register,
// which user code reads and writes directly, no system call needed.
// It points at the 16-byte TCB of the ELF TLS ABI (variant I), whose first
// word tine fills with the descriptor's address (arch.h).
//
// void *tine_arch_tp(void)          result: x0 = the descriptor, [tpidr_el0]
// long  tine_arch_set_tp(void *tp)  C call: x0 = tp; result 0

        .text
        .global tine_arch_tp
        .type   tine_arch_tp, %function
tine_arch_tp:
        mrs     x0, tpidr_el0
        ldr     x0, [x0]                // TCB word 0: the descriptor
        ret
        .size   tine_arch_tp, . - tine_arch_tp

        .global tine_arch_set_tp
        .type   tine_arch_set_tp, %function
tine_arch_set_tp:
        msr     tpidr_el0, x0
        mov     x0, #0
        ret
        .size   tine_arch_set_tp, . - tine_arch_set_tp

        .section .note.GNU-stack, "", %progbits
