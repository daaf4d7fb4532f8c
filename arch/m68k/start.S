/* SPDX-License-Identifier: 0BSD */
| arch/m68k/start.S — the process entry point.
|
| void _start(void)    [not called: the kernel jumps here]
|
| What the kernel leaves (Linux/m68k exec: start_thread in
| arch/m68k/include/asm/processor.h sets pc, sr and usp; ELF_PLAT_INIT
| in arch/m68k/include/asm/elf.h zeroes a1):
|   sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
|   a1 = a function to register with atexit (a dynamic loader's; 0 here)
|   fp (a6): zeroed here so backtraces stop
| Everything else is portable C: __tine_start_c(long *sp) never returns.

        .text
        .global _start
        .type   _start, @function
_start:
        suba.l  %fp, %fp                | outermost frame: no caller
        move.l  %sp, %a0                | the kernel's stack block
        move.l  %sp, %d0
        and.w   #-16, %d0               | the ABI wants 4; 16 costs nothing
        move.l  %d0, %sp
        move.l  %a0, -(%sp)             | arg 1: the block
        jsr     __tine_start_c          | runs main, then exit_group
        illegal                         | not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
