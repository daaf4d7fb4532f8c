/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/syscall.S — the system-call doorways, one per arity.
//
// long tine_syscallN(long nr, long a1, ..., long aN)
//
//             nr   a1   a2   a3   a4   a5   a6
// C call:     x0   x1   x2   x3   x4   x5   x6
// svc #0:     x8   x0   x1   x2   x3   x4   x5
// result:     x0 (-4095..-1 is -errno); nothing else is clobbered.

        .text

.macro  doorway name, arity
        .section .text.\name, "ax", %progbits  // one section each: a program links only those it calls
        .balign 4
        .global \name
        .type   \name, %function
\name:
        mov     x8, x0                  // nr
.if \arity >= 1
        mov     x0, x1                  // a1
.endif
.if \arity >= 2
        mov     x1, x2                  // a2
.endif
.if \arity >= 3
        mov     x2, x3                  // a3
.endif
.if \arity >= 4
        mov     x3, x4                  // a4
.endif
.if \arity >= 5
        mov     x4, x5                  // a5
.endif
.if \arity >= 6
        mov     x5, x6                  // a6
.endif
        svc     #0
        ret
        .size   \name, . - \name
.endm

        doorway tine_syscall0, 0
        doorway tine_syscall1, 1
        doorway tine_syscall2, 2
        doorway tine_syscall3, 3
        doorway tine_syscall4, 4
        doorway tine_syscall5, 5
        doorway tine_syscall6, 6

        .section .note.GNU-stack, "", %progbits
