/* SPDX-License-Identifier: 0BSD */
; arch/hppa/clone.S — raw clone, in two shapes.
;
; hppa is a CLONE_BACKWARDS architecture (arch/parisc/Kconfig, kernel/fork.c):
; tls before ctid.
;   clone(flags, stack, ptid, tls, ctid)
;   gateway: r20 = __NR_clone, r26 = flags, r25 = stack, r24 = ptid,
;            r23 = tls, r22 = ctid;  result in r28.
; The kernel's entry for it, sys_clone_wrapper (arch/parisc/kernel/entry.S),
; saves r3-r18 into the pt_regs the child copies; copy_thread
; (arch/parisc/kernel/process.c) gives the child sp = ALIGN(stack, 4) when
; stack is not 0 and cr27 = tls for CLONE_SETTLS, and child_return gives it
; r28 = 0; every other register, r2 and r19-r27 among them, comes back as
; the parent had it, in both tasks.
;
; The stack grows up: `stack` is the LOW end of the child's stack, where
; its frames start (clone3 likewise: kernel/fork.c adds stack_size to the
; stack only #if !defined(CONFIG_STACK_GROWSUP)). A PA-RISC frame keeps
; its 32-byte frame marker and the callee's argument slots just below sp
; (return pointer at sp - 20, previous sp at sp - 4, arguments from sp -
; 36 down), so a function is called with 64 bytes below sp that are its
; caller's: the child makes them from the new stack's first 64 bytes.

#include <asm/unistd.h>
#include <linux/sched.h>
#include <asm/errno.h>

        .text

; long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
;                     unsigned long tls)
; C call:  r26 = flags, r25 = stack, r24 = ptid, r23 = ctid, -52(sp) = tls
;
; The return address is in r2, a register, so parent and child both
; return to the call site with `bv %r0(%r2)`, whatever their stacks.
        .global tine_clone_raw
        .type   tine_clone_raw, @function
tine_clone_raw:
        comib,<> 0, %r25, 1f            ; a stack: go on
        ldi     CLONE_VM, %r1           ; (delay slot)
        and,=   %r26, %r1, %r0          ; no stack, and CLONE_VM? one stack for two
        b,n     2f                      ;   running tasks: refused, see tine_vfork
1:      copy    %r23, %r22              ; ctid goes fifth
        ldw     -52(%r30), %r23         ; tls goes fourth
        ble     0x100(%sr2, %r0)        ; clone
        ldi     __NR_clone, %r20        ; (delay slot)
        comib,= 0, %r28, 3f             ; child: r28 = 0
        ldil    L%__tine_tracing, %r1   ; (delay slot)
        ldw     R%__tine_tracing(%r1), %r1
        comib,<> 0, %r1, traced         ; TINE_TRACE=1: say what the kernel got
        nop
3:      bv,n    %r0(%r2)                ; parent: r28 = child tid or -errno
2:      bv      %r0(%r2)
        ldi     -EINVAL, %r28           ; (delay slot)
        .size   tine_clone_raw, . - tine_clone_raw

; long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
;                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
; C call:  r26 = fn, r25 = arg, r24 = flags, r23 = stack_top (the low end:
;          see above), -52(sp) = ptid, -56(sp) = ctid, -60(sp) = tls
;
; fn and arg ride in r19 and r21, which the kernel gives back to both
; tasks and the C convention lets us use; nothing is written to the new
; stack by the parent.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, @function
__tine_arch_clone:
        copy    %r26, %r19              ; fn
        copy    %r25, %r21              ; arg
        copy    %r24, %r26              ; flags
        ldo     63(%r23), %r25          ; stack: up to a 64-byte boundary
        depi    0, 31, 6, %r25
        ldw     -52(%r30), %r24         ; ptid
        ldw     -60(%r30), %r23         ; tls
        ldw     -56(%r30), %r22         ; ctid
        ble     0x100(%sr2, %r0)        ; clone
        ldi     __NR_clone, %r20        ; (delay slot)
        comib,= 0, %r28, 1f             ; child: r28 = 0
        ldil    L%__tine_tracing, %r1   ; (delay slot)
        ldw     R%__tine_tracing(%r1), %r1
        comib,<> 0, %r1, traced         ; TINE_TRACE=1: say what the kernel got
        nop
        bv,n    %r0(%r2)                ; parent: r28 = child tid or -errno

1:                                      ; child: r28 = 0, sp = the stack's low end
        ldo     64(%r30), %r30          ; fn's caller's 64 bytes: frame marker, argument slots
        stw     %r0, -4(%r30)           ; outermost frame: no previous sp
        copy    %r0, %r3                ; and no frame pointer
        copy    %r21, %r26              ; arg
        ble     0(%sr4, %r19)           ; fn(arg)
        copy    %r31, %r2               ; (delay slot) its return address
        copy    %r28, %r26              ; fn's value
        ble     0x100(%sr2, %r0)        ; exit: this thread only
        ldi     __NR_exit, %r20         ; (delay slot)
        break   0, 0                    ; not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

; The parent, traced: the kernel gave back r26-r22 as it read them. The
; sixth argument and the fifth go in the argument area of a frame of our
; own (a 64-byte frame; r2 kept in the caller's frame marker, at -20):
;   long __tine_trace_clone_kernel(a1, a2, a3, a4, a5, r)
traced:
        stw     %r2, -20(%r30)
        ldo     64(%r30), %r30
        stw     %r22, -52(%r30)         ; a5
        bl      __tine_trace_clone_kernel, %r2
        stw     %r28, -56(%r30)         ; (delay slot) r
        ldw     -84(%r30), %r2
        bv      %r0(%r2)                ; returns r to our caller
        ldo     -64(%r30), %r30         ; (delay slot)

        .section .note.GNU-stack, "", @progbits
