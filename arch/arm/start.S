/* SPDX-License-Identifier: 0BSD */
@ arch/arm/start.S — the process entry point.
@
@ void _start(void)    [not called: the kernel jumps here]
@
@ What the kernel leaves (ARM EABI, Linux exec):
@   sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
@   r0  = a function to register with atexit (a dynamic loader's; 0 for us)
@   fp (r11), lr: zeroed so backtraces stop here
@ Everything else is portable C: __tine_start_c(long *sp) never returns.

        .syntax unified
        .arm
        .text
        .global _start
        .type   _start, %function
_start:
        mov     fp, #0                  @ outermost frame: no caller
        mov     lr, #0                  @ and no return address
        mov     r0, sp                  @ arg 1: the kernel's stack block
        bic     sp, r0, #15             @ AAPCS wants 8; 16 costs nothing
        bl      __tine_start_c          @ runs main, then exit_group
        udf     #0                      @ not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", %progbits
