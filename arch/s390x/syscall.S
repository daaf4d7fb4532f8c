/* SPDX-License-Identifier: 0BSD */
# arch/s390x/syscall.S — the system-call doorways, one per arity.
#
# long tine_syscallN(long nr, long a1, ..., long aN)
#
#             nr   a1   a2   a3   a4   a5          a6
# C call:     r2   r3   r4   r5   r6   160(r15)    168(r15)
# svc 0:      r1   r2   r3   r4   r5   r6          r7
# result:     r2 (-4095..-1 is -errno)
#
# r6 and r7 belong to our caller (callee-saved): they go into the caller's
# register save area, at their ABI slots 48(r15) and 56(r15), and come back.

        .text

.macro  doorway name, arity
        .section .text.\name, "ax", @progbits  # one section each: a program links only those it calls
        .balign 4
        .global \name
        .type   \name, @function
\name:
        stmg    %r6, %r7, 48(%r15)
        lgr     %r1, %r2                # nr
.if \arity >= 1
        lgr     %r2, %r3                # a1
.endif
.if \arity >= 2
        lgr     %r3, %r4                # a2
.endif
.if \arity >= 3
        lgr     %r4, %r5                # a3
.endif
.if \arity >= 4
        lgr     %r5, %r6                # a4
.endif
.if \arity >= 5
        lg      %r6, 160(%r15)          # a5
.endif
.if \arity >= 6
        lg      %r7, 168(%r15)          # a6
.endif
        svc     0
        lmg     %r6, %r7, 48(%r15)
        br      %r14
        .size   \name, . - \name
.endm

        doorway tine_syscall0, 0
        doorway tine_syscall1, 1
        doorway tine_syscall2, 2
        doorway tine_syscall3, 3
        doorway tine_syscall4, 4
        doorway tine_syscall5, 5
        doorway tine_syscall6, 6

        .section .note.GNU-stack, "", @progbits
