/* SPDX-License-Identifier: 0BSD */
; arch/hppa/syscall.S — the system-call doorways, one per arity.
;
; long tine_syscallN(long nr, long a1, ..., long aN)
;
;             nr   a1   a2   a3   a4       a5       a6
; C call:     r26  r25  r24  r23  -52(sp)  -56(sp)  -60(sp)   (the caller's argument area)
; gateway:    r20  r26  r25  r24  r23      r22      r21
; result:     r28 (-4095..-1 is -errno: the kernel returns -errno itself)
;
; A system call is a branch into the gateway page, `ble 0x100(%sr2, %r0)`,
; which links into r31; the kernel returns through r31 and gives back
; every other register but r1 and r28 (arch/parisc/kernel/syscall.S,
; linux_gateway_entry, and syscall_restore in entry.S, which reload r2,
; r19-r27, r29 and r31 from pt_regs). So the return address stays in r2.
; Every branch here has a delay slot: the instruction after it runs first.

        .text

.macro  doorway name, arity
        .section .text.\name, "ax", @progbits  ; one section each: a program links only those it calls
        .align  4
        .global \name
        .type   \name, @function
\name:
        copy    %r26, %r20              ; nr
.if \arity >= 1
        copy    %r25, %r26              ; a1
.endif
.if \arity >= 2
        copy    %r24, %r25              ; a2
.endif
.if \arity >= 3
        copy    %r23, %r24              ; a3
.endif
.if \arity >= 4
        ldw     -52(%r30), %r23         ; a4
.endif
.if \arity >= 5
        ldw     -56(%r30), %r22         ; a5
.endif
.if \arity >= 6
        ldw     -60(%r30), %r21         ; a6
.endif
        ble     0x100(%sr2, %r0)        ; into the kernel; r31 = the way back
        nop
        bv      %r0(%r2)                ; return r28
        nop
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
