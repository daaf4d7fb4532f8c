/* SPDX-License-Identifier: 0BSD */
@ arch/arm/tp.S — the thread pointer: the TPIDRURO register (cp15 c13),
@ which user code can read but only the kernel can write.
@
@ It points at the 8-byte TCB of the ELF TLS ABI (variant I), whose first
@ word tine fills with the descriptor's address (arch.h).
@
@ void *__tine_arch_tp(void)          result: r0 = the descriptor, [TPIDRURO]
@ void *__aeabi_read_tp(void)       result: r0 = TPIDRURO itself; the EABI
@                                   call compilers emit for TLS: it may
@                                   change r0 and nothing else
@ long  __tine_arch_set_tp(void *tp)  C call: r0 = tp
@       svc #0: r7 = __ARM_NR_set_tls, r0 = tp;  result in r0

#include <asm/unistd.h>

        .syntax unified
        .arm
        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, %function
__tine_arch_tp:
        mrc     p15, 0, r0, c13, c0, 3  @ TPIDRURO
        ldr     r0, [r0]                @ TCB word 0: the descriptor
        bx      lr
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __aeabi_read_tp
        .type   __aeabi_read_tp, %function
__aeabi_read_tp:
        mrc     p15, 0, r0, c13, c0, 3  @ TPIDRURO
        bx      lr
        .size   __aeabi_read_tp, . - __aeabi_read_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, %function
__tine_arch_set_tp:
        push    {r7}
        ldr     r7, =__ARM_NR_set_tls
        svc     #0
        pop     {r7}
        bx      lr
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", %progbits
