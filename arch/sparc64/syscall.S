/* SPDX-License-Identifier: 0BSD */
! arch/sparc64/syscall.S — the system-call doorways, one per arity.
!
! long tine_syscallN(long nr, long a1, ..., long aN)
!
!             nr   a1   a2   a3   a4   a5   a6
! C call:     o0   o1   o2   o3   o4   o5   [%sp + 2047 + 176]
! ta 0x6d:    g1   o0   o1   o2   o3   o4   o5
! result:     o0; on error the carry bit of xcc (and icc) is set and o0
!             holds a positive errno (arch/sparc/kernel/syscalls.S,
!             ret_sys_call: "System call failure, set Carry condition
!             code. Also, get abs(errno) to return to the process.")
!
! Each doorway is a leaf: no `save`, no window of its own; every register
! but o0 comes back as it went in (the kernel restores its pt_regs).
! `movcs %xcc` picks -errno on error, after the delay slot of retl.

#include <asm/unistd.h>

#define BIAS  2047

        .text

.macro  doorway name, arity
        .section .text.\name, "ax", @progbits  ! one section each: a program links only those it calls
        .balign 4
        .global \name
        .type   \name, @function
\name:
        mov     %o0, %g1                ! nr
.if \arity >= 1
        mov     %o1, %o0                ! a1
.endif
.if \arity >= 2
        mov     %o2, %o1                ! a2
.endif
.if \arity >= 3
        mov     %o3, %o2                ! a3
.endif
.if \arity >= 4
        mov     %o4, %o3                ! a4
.endif
.if \arity >= 5
        mov     %o5, %o4                ! a5
.endif
.if \arity >= 6
        ldx     [%sp + BIAS + 176], %o5 ! a6, from our caller's argument words
.endif
        ta      0x6d
        sub     %g0, %o0, %g1           ! -o0, if it was an errno
        retl
         movcs  %xcc, %g1, %o0          ! (delay slot) carry: -errno
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
