/* SPDX-License-Identifier: 0BSD */
# arch/mips64el/start.S — the process entry point.
#
# void _start(void)    [not called: the kernel jumps here]
#
# What the kernel leaves (n64, Linux exec, arch/mips's start_thread):
#   sp  -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
#   gp  : not set, and nothing needs it: port.mk compiles with
#         -mno-abicalls -G0, so no code reaches data through gp. Code built
#         with -mabicalls computes its own gp from t9 on entry, which is
#         why every call from a stub goes through t9.
#   UserLocal (the thread pointer): set later by self.c.
#   fp: zeroed, so backtraces stop here; ra is jalr's to set.
# Everything else is portable C: __tine_start_c(long *sp) never returns.
# n64 gives a callee no home area for its register arguments (o32 did):
# sp itself, 16-byte aligned, is all a call needs.

        .set    noreorder
        .text
        .global _start
        .type   _start, @function
_start:
        move    $fp, $zero              # outermost frame
        move    $a0, $sp                # arg 1: the kernel's stack block
        li      $t0, -16
        and     $sp, $sp, $t0           # n64: 16-byte aligned (it is already)
        dla     $t9, __tine_start_c
        jalr    $t9                     # runs main, then exit_group
        nop                             # (delay slot)
        teq     $zero, $zero            # not reached
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
