/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/start.S — the process entry point.
//
// void _start(void)    [not called: the kernel jumps here]
//
// What the kernel leaves (AArch64 ELF ABI, Linux exec):
//   sp  -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
//   x0   = a function to register with atexit (a dynamic loader's; 0 for us)
//   x29 (frame pointer), x30 (link register): zeroed so backtraces stop here
// Everything else is portable C: __tine_start_c(long *sp) never returns.

        .text
        .global _start
        .type   _start, %function
_start:
        mov     x29, #0                 // outermost frame: no caller
        mov     x30, #0                 // and no return address
        mov     x0, sp                  // arg 1: the kernel's stack block
        and     sp, x0, #-16            // AAPCS64: 16-byte aligned (it is already)
        bl      __tine_start_c          // runs main, then exit_group
        brk     #0                      // not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", %progbits
