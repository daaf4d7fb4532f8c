/* SPDX-License-Identifier: 0BSD */
; arch/hppa/vfork.S — vfork, in assembly like on every port.
;
; int tine_vfork(void)
; hppa has a vfork system call (sys_vfork_wrapper, arch/parisc/kernel/entry.S):
; clone(CLONE_VM|CLONE_VFORK|SIGCHLD) under another name.
;   gateway: r20 = __NR_vfork;  result in r28.
;
; Parent and child share one stack until the child calls execve or exit.
; The return address is already in a register (r2), which each task has
; its own copy of, and this stub touches no stack, so nothing the child
; does to the shared stack can change where the parent returns.
;   parent: r28 = child pid (or -errno)      child: r28 = 0

#include <asm/unistd.h>

        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        ble     0x100(%sr2, %r0)        ; vfork
        ldi     __NR_vfork, %r20        ; (delay slot)
        comib,= 0, %r28, 1f             ; child: r28 = 0, no C on the shared stack
        ldil    L%__tine_tracing, %r1   ; (delay slot)
        ldw     R%__tine_tracing(%r1), %r1
        comib,= 0, %r1, 1f
        nop
        b       __tine_trace_vfork_kernel       ; long (long r): returns r to our caller
        copy    %r28, %r26              ; (delay slot) r
1:      bv,n    %r0(%r2)
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
