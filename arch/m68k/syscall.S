/* SPDX-License-Identifier: 0BSD */
| arch/m68k/syscall.S — the system-call doorways, one per arity.
|
| long tine_syscallN(long nr, long a1, ..., long aN)
|
|             nr     a1     a2     a3      a4      a5      a6
| C call:     4(sp)  8(sp)  12(sp) 16(sp)  20(sp)  24(sp)  28(sp)
| trap #0:    d0     d1     d2     d3      d4      d5      a0
| result:     d0 (-4095..-1 is -errno); nothing else is clobbered.
|
| The m68k C ABI passes every argument on the stack and returns in d0;
| d0, d1, a0 and a1 are the callee's to clobber, d2-d7 and a2-a6 belong to
| the caller. The kernel's system_call (arch/m68k/kernel/entry.S) pushes
| d1-d5 and a0 with SAVE_ALL_SYS so that they lie in struct pt_regs just
| where the C handler expects its stack arguments, and RESTORE_ALL gives
| back every register but d0. So a doorway saves only the callee-saved
| registers its arity borrows (d2 to d5), and loads the arguments 4 bytes
| further up for each one it pushed.

        .text

.macro  doorway name, arity, saved, regs
        .section .text.\name, "ax", @progbits  | one section each: a program links only those it calls
        .balign 2
        .global \name
        .type   \name, @function
\name:
.if \saved
        movem.l \regs, -(%sp)           | the caller's d2..d5
.endif
        move.l  4+4*\saved(%sp), %d0    | nr
.if \arity >= 1
        move.l  8+4*\saved(%sp), %d1    | a1
.endif
.if \arity >= 2
        move.l  12+4*\saved(%sp), %d2   | a2
.endif
.if \arity >= 3
        move.l  16+4*\saved(%sp), %d3   | a3
.endif
.if \arity >= 4
        move.l  20+4*\saved(%sp), %d4   | a4
.endif
.if \arity >= 5
        move.l  24+4*\saved(%sp), %d5   | a5
.endif
.if \arity >= 6
        move.l  28+4*\saved(%sp), %a0   | a6 (a0: scratch, nothing to save)
.endif
        trap    #0
.if \saved
        movem.l (%sp)+, \regs
.endif
        rts
        .size   \name, . - \name
.endm

        doorway tine_syscall0, 0, 0
        doorway tine_syscall1, 1, 0
        doorway tine_syscall2, 2, 1, %d2
        doorway tine_syscall3, 3, 2, %d2-%d3
        doorway tine_syscall4, 4, 3, %d2-%d4
        doorway tine_syscall5, 5, 4, %d2-%d5
        doorway tine_syscall6, 6, 4, %d2-%d5

        .section .note.GNU-stack, "", @progbits
