/* SPDX-License-Identifier: 0BSD */
# arch/s390x/start.S — the process entry point.
#
# void _start(void)    [not called: the kernel jumps here]
#
# What the kernel leaves (s390x ELF ABI, Linux exec):
#   r15 -> argc, argv[0..argc-1], NULL, envp[0..], NULL, auxv pairs, AT_NULL
# Every s390x frame hands its callee a 160-byte register save area at r15,
# whose first doubleword (the back chain) is 0 in the outermost frame.
# Everything else is portable C: __tine_start_c(long *sp) never returns.

        .text
        .global _start
        .type   _start, @function
_start:
        lgr     %r2, %r15               # arg 1: the kernel's stack block
        aghi    %r15, -160              # the callee's register save area
        nill    %r15, 0xfff8            # 8-byte aligned
        xc      0(8, %r15), 0(%r15)     # back chain 0: outermost frame
        brasl   %r14, __tine_start_c    # runs main, then exit_group
        .long   0                       # not reached (an illegal instruction)
        .size   _start, . - _start

        .section .note.GNU-stack, "", @progbits
