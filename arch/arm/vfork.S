/* SPDX-License-Identifier: 0BSD */
@ arch/arm/vfork.S — vfork, which only assembly can wrap.
@
@ int tine_vfork(void)
@   svc #0:  r7 = __NR_vfork (= clone(CLONE_VM|CLONE_VFORK|SIGCHLD));  result in r0
@
@ Parent and child share one stack until the child calls execve or exit.
@ The return address is in lr, a register each task has its own copy of.
@ r7 must be borrowed for the number, and it belongs to our caller, but it
@ cannot be saved on the stack: the child's calls would overwrite the slot
@ before the parent wakes to pop it. It is parked in ip (r12) instead, a
@ scratch register the kernel preserves.
@   parent: r0 = child pid (or -errno)      child: r0 = 0

#include <asm/unistd.h>

        .syntax unified
        .arm
        .text
        .global tine_vfork
        .type   tine_vfork, %function
tine_vfork:
        mov     ip, r7                  @ caller's r7, out of the shared stack
        mov     r7, #__NR_vfork
        svc     #0
        mov     r7, ip
        cmp     r0, #0                  @ child: r0 = 0, no C on the shared stack
        beq     1f
        ldr     r1, =__tine_tracing
        ldr     r1, [r1]
        cmp     r1, #0
        ldrne   r1, =__tine_trace_vfork_kernel  @ long (long r), maybe Thumb code:
        bxne    r1                      @   it returns r to our caller
1:      bx      lr
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", %progbits
