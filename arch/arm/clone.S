/* SPDX-License-Identifier: 0BSD */
@ arch/arm/clone.S — raw clone, in two shapes.
@
@ arm is a CLONE_BACKWARDS architecture (kernel/fork.c): tls before ctid.
@   clone(flags, stack, ptid, tls, ctid)
@   svc #0:  r7 = __NR_clone, r0 = flags, r1 = stack, r2 = ptid,
@            r3 = tls, r4 = ctid;  result in r0.
@ The child starts with the parent's registers, except r0 = 0 and
@ sp = stack (or the parent's sp when stack is 0).

#include <asm/unistd.h>
#include <linux/sched.h>
#include <linux/errno.h>

        .syntax unified
        .arm

@ TRACED: the parent, after the svc, when TINE_TRACE=1. The kernel preserved
@ r1-r4, so they still hold what it read; the first argument was copied to
@ ip, and r0 is the result, kept. r7 is free (both callers restore it).
@   long __tine_trace_clone_kernel(a1, a2, a3, a4, [sp] a5, [sp+4] r)
        .macro  TRACED
        cmp     r0, #0                  @ child: r0 = 0
        beq     9f
        ldr     r7, =__tine_tracing
        ldr     r7, [r7]
        cmp     r7, #0
        beq     9f
        push    {r7, lr}                @ lr, and 8-byte alignment
        str     r0, [sp, #-4]!          @ r
        str     r4, [sp, #-4]!          @ a5
        mov     r0, ip                  @ a1
        bl      __tine_trace_clone_kernel       @ r0 = r again
        add     sp, sp, #8
        pop     {r7, lr}
9:
        .endm

        .text

@ long tine_clone_raw(unsigned long flags, void *stack, int *ptid, int *ctid,
@                     unsigned long tls)
@ C call:  r0 = flags, r1 = stack, r2 = ptid, r3 = ctid, [sp] = tls
@
@ We borrow r4 and r7 and pop them back after the call. A child on a new
@ stack pops from that stack, so our caller's r4 and r7 are copied there
@ first: both tasks then return to the call site with their registers whole.
        .global tine_clone_raw
        .type   tine_clone_raw, %function
tine_clone_raw:
        cmp     r1, #0
        bne     1f
        tst     r0, #CLONE_VM           @ one stack for two running tasks:
        movne   r0, #-EINVAL            @   refused, see tine_vfork
        bxne    lr
        b       2f
1:      stmdb   r1!, {r4, r7}           @ what the child will pop
2:      push    {r4, r7}
        mov     ip, r0                  @ flags, for the tracer: r0 comes back as the result
        mov     r4, r3                  @ ctid goes fifth
        ldr     r3, [sp, #8]            @ tls goes fourth
        mov     r7, #__NR_clone
        svc     #0
        TRACED                          @ TINE_TRACE=1: say what the kernel got
        pop     {r4, r7}                @ parent: r0 = child tid or -errno
        bx      lr                      @ child:  r0 = 0
        .size   tine_clone_raw, . - tine_clone_raw

@ long __tine_arch_clone(int (*fn)(void *), void *arg, unsigned long flags,
@                      void *stack_top, int *ptid, int *ctid, unsigned long tls)
@ C call:  r0 = fn, r1 = arg, r2 = flags, r3 = stack_top,
@          [sp] = ptid, [sp+4] = ctid, [sp+8] = tls
@
@ fn and arg ride in r5 and r6: the child gets a copy of every register.
        .global __tine_arch_clone
        .hidden __tine_arch_clone
        .type   __tine_arch_clone, %function
__tine_arch_clone:
        push    {r4, r5, r6, r7}        @ the stack arguments are now 16 bytes up
        mov     r5, r0                  @ fn
        mov     r6, r1                  @ arg
        mov     r0, r2                  @ flags
        mov     ip, r2                  @ ... again, for the tracer
        bic     r1, r3, #15             @ stack, 16-byte aligned
        ldr     r2, [sp, #16]           @ ptid
        ldr     r3, [sp, #24]           @ tls
        ldr     r4, [sp, #20]           @ ctid
        mov     r7, #__NR_clone
        svc     #0
        cmp     r0, #0
        beq     1f
        TRACED                          @ TINE_TRACE=1: say what the kernel got
        pop     {r4, r5, r6, r7}        @ parent: r0 = child tid or -errno
        bx      lr

1:                                      @ child: r0 = 0, sp = stack
        mov     fp, #0                  @ outermost frame: backtraces stop here
        mov     lr, #0
        mov     r0, r6                  @ arg
        blx     r5                      @ fn(arg)
        mov     r7, #__NR_exit          @ this thread only, with fn's value in r0
        svc     #0
        udf     #0                      @ not reached
        .size   __tine_arch_clone, . - __tine_arch_clone

        .section .note.GNU-stack, "", %progbits
