/* SPDX-License-Identifier: 0BSD */
@ arch/arm/clone3.S — clone3, whose one argument is a structure, so there
@ is no argument order to get wrong (struct clone_args, <linux/sched.h>:
@ its fields are 64 bits wide on every architecture).
@   svc #0:  r7 = __NR_clone3, r0 = args, r1 = size;  result in r0.
@ The child starts with the parent's registers, except r0 = 0 and
@ sp = stack + stack_size (or the parent's sp when stack is 0).
@
@ long __tine_arch_clone3(struct clone_args *args, size_t size,
@                       int (*fn)(void *), void *arg)
@ C call:  r0 = args, r1 = size, r2 = fn, r3 = arg
@
@ fn == 0: the raw shape. args->stack is 0 (tine_clone3 checked), so the
@   child pops this frame from its copy of the stack and returns 0.
@ fn != 0: clone(2)'s shape. The child calls fn(arg) on its new stack and
@   exits with its value. fn and arg wait in r5 and r6 (callee-saved, so
@   pushed first, with r7). 435 is no ARM immediate: it comes from a literal.
@ Under qemu-user 7.2 clone3 is ENOSYS, so this port's child paths run
@ only on a real arm kernel.

#include <asm/unistd.h>

        .syntax unified
        .arm
        .text
        .global __tine_arch_clone3
        .hidden __tine_arch_clone3
        .type   __tine_arch_clone3, %function
__tine_arch_clone3:
        push    {r4, r5, r6, r7}
        mov     r5, r2                  @ fn
        mov     r6, r3                  @ arg
        ldr     r7, =__NR_clone3
        svc     #0
        cmp     r0, #0
        bne     1f                      @ parent: r0 = child pid or -errno
        cmp     r5, #0
        beq     1f                      @ raw child: return 0
        mov     fp, #0                  @ outermost frame: backtraces stop here
        mov     lr, #0
        mov     r0, r6                  @ arg
        blx     r5                      @ fn(arg)
        mov     r7, #__NR_exit          @ this task only, with fn's value in r0
        svc     #0
        udf     #0                      @ not reached
1:      pop     {r4, r5, r6, r7}
        bx      lr
        .ltorg
        .size   __tine_arch_clone3, . - __tine_arch_clone3
        .section .note.GNU-stack, "", %progbits
