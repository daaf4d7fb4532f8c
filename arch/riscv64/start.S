/* SPDX-License-Identifier: 0BSD */
# arch/riscv64/start.S — the process entry point.
#
# void _start(void)    [not called: the kernel jumps here]
#
# What the kernel leaves (RISC-V ELF psABI, Linux exec):
#   sp -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
#   a0  = a function to register with atexit (a dynamic loader's; 0 for us)
#   s0 (frame pointer), ra: zeroed so backtraces stop here
# tine is built with -mno-relax, so nothing uses gp and it is not set up.
# Everything else is portable C: __tine_start_c(long *sp) never returns.

        .text
        .global _start
        .type   _start, @function
_start:
        li      s0, 0                   # outermost frame: no caller
        li      ra, 0                   # and no return address
        mv      a0, sp                  # arg 1: the kernel's stack block
        andi    sp, sp, -16             # psABI: 16-byte aligned (it is already)
        call    __tine_start_c          # runs main, then exit_group
        unimp                           # not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
