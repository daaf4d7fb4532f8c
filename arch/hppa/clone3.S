/* SPDX-License-Identifier: 0BSD */
; arch/hppa/clone3.S — clone3, whose one argument is a structure, so
; there is no argument order to get wrong (struct clone_args, <linux/sched.h>).
;   gateway: r20 = __NR_clone3, r26 = args, r25 = size;  result in r28.
; The child starts with the parent's registers, except r28 = 0 and
; sp = args->stack (the stack grows up: kernel/fork.c's clone3_stack_valid
; adds stack_size only where it grows down), or the parent's sp when it
; is 0.
;
; long __tine_arch_clone3(struct clone_args *args, size_t size,
;                       int (*fn)(void *), void *arg)
; C call:  r26 = args, r25 = size, r24 = fn, r23 = arg
;
; fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
;   child returns through r2 on its copy of this stack.
; fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack
;   (64-byte aligned by tine_clone3_fn) and exits with its value. fn and
;   arg wait in r19 and r21, which the gateway gives back.
; qemu-user (7.2, 10.0) answers clone3 with ENOSYS, so this port's child
; paths run only on a real hppa kernel.

#include <asm/unistd.h>

        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, @function
__tine_arch_clone3:
        copy    %r24, %r19              ; fn
        copy    %r23, %r21              ; arg
        ble     0x100(%sr2, %r0)        ; clone3
        ldi     __NR_clone3, %r20       ; (delay slot)
        comib,<> 0, %r28, 1f            ; parent: r28 = child pid or -errno
        nop
        comib,= 0, %r19, 1f             ; raw child: return 0
        nop
        ldo     64(%r30), %r30          ; fn's caller's 64 bytes, from the stack's low end
        stw     %r0, -4(%r30)           ; outermost frame
        copy    %r0, %r3
        copy    %r21, %r26              ; arg
        ble     0(%sr4, %r19)           ; fn(arg)
        copy    %r31, %r2               ; (delay slot) its return address
        copy    %r28, %r26              ; fn's value
        ble     0x100(%sr2, %r0)        ; exit: this task only
        ldi     __NR_exit, %r20         ; (delay slot)
        break   0, 0                    ; not reached
1:      bv,n    %r0(%r2)
        .size   __tine_arch_clone3, . - __tine_arch_clone3

        .section .note.GNU-stack, "", @progbits
