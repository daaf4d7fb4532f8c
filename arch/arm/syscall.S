/* SPDX-License-Identifier: 0BSD */
@ arch/arm/syscall.S — the system-call doorways, one per arity.
@
@ long tine_syscallN(long nr, long a1, ..., long aN)
@
@             nr   a1   a2   a3   a4     a5     a6
@ C call:     r0   r1   r2   r3   [sp]   [sp+4] [sp+8]
@ svc #0:     r7   r0   r1   r2   r3     r4     r5
@ result:     r0 (-4095..-1 is -errno); nothing else is clobbered.
@
@ r4, r5 and r7 belong to our caller (AAPCS callee-saved): they are pushed
@ first, so the stack arguments sit 12 bytes further up.

        .syntax unified
        .arm
        .text

.macro  doorway name, arity
        .section .text.\name, "ax", %progbits  @ one section each: a program links only those it calls
        .balign 4
        .global \name
        .type   \name, %function
\name:
        push    {r4, r5, r7}
        mov     r7, r0                  @ nr
.if \arity >= 1
        mov     r0, r1                  @ a1
.endif
.if \arity >= 2
        mov     r1, r2                  @ a2
.endif
.if \arity >= 3
        mov     r2, r3                  @ a3
.endif
.if \arity >= 4
        ldr     r3, [sp, #12]           @ a4
.endif
.if \arity >= 5
        ldr     r4, [sp, #16]           @ a5
.endif
.if \arity >= 6
        ldr     r5, [sp, #20]           @ a6
.endif
        svc     #0
        pop     {r4, r5, r7}
        bx      lr
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
