/* SPDX-License-Identifier: 0BSD */
; arch/hppa/tp.S — the thread pointer: control register 27, which user
; code may read (mfctl) but only the kernel may write.
;
; It points at the 8-byte TCB of the ELF TLS ABI (variant I), whose first
; word tine fills with the descriptor's address (arch.h).
;
; void *__tine_arch_tp(void)          result: r28 = the descriptor, [cr27]
; long  __tine_arch_set_tp(void *tp)  C call: r26 = tp; result r28 = 0
;       The kernel's set_thread_pointer entry of the gateway page, at 0xe0
;       (arch/parisc/kernel/syscall.S: "This function MUST be located at
;       0xe0 for glibc's threading mechanism to work"): `mtctl %r26, %cr27`
;       with privilege, back through r31. Not a system call: no number, no
;       result. A new thread gets its cr27 from clone's CLONE_SETTLS instead
;       (copy_thread in arch/parisc/kernel/process.c: cregs->cr27 = tls).

        .text
        .global __tine_arch_tp
        .hidden __tine_arch_tp
        .type   __tine_arch_tp, @function
__tine_arch_tp:
        mfctl   %cr27, %r28             ; tp
        bv      %r0(%r2)
        ldw     0(%r28), %r28           ; (delay slot) TCB word 0: the descriptor
        .size   __tine_arch_tp, . - __tine_arch_tp

        .global __tine_arch_set_tp
        .hidden __tine_arch_set_tp
        .type   __tine_arch_set_tp, @function
__tine_arch_set_tp:
        ble     0xe0(%sr2, %r0)         ; cr27 = r26; back through r31
        nop
        bv      %r0(%r2)
        copy    %r0, %r28               ; (delay slot) 0
        .size   __tine_arch_set_tp, . - __tine_arch_set_tp

        .section .note.GNU-stack, "", @progbits
