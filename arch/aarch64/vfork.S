/* SPDX-License-Identifier: 0BSD */
// arch/aarch64/vfork.S — vfork, in assembly like on every port.
//
// int tine_vfork(void)
// aarch64 has no vfork system call: clone(CLONE_VM|CLONE_VFORK|SIGCHLD, 0, ...)
//   svc #0:  x8 = __NR_clone, x0 = flags, x1 = stack 0 (share the parent's),
//            x2 = ptid, x3 = tls, x4 = ctid (all unused);  result in x0.
//
// Parent and child share one stack until the child calls execve or exit.
// Here the return address is already in a register (x30), which each task
// has its own copy of, and this stub touches no stack, so nothing the child
// does to the shared stack can change where the parent returns.
//   parent: x0 = child pid (or -errno)      child: x0 = 0

#include <asm/unistd.h>
#include <asm/signal.h>
#include <linux/sched.h>

        .text
        .global tine_vfork
        .type   tine_vfork, %function
tine_vfork:
        mov     x0, #(CLONE_VM | CLONE_VFORK | SIGCHLD)
        mov     x1, #0                  // stack: the parent's own
        mov     x2, #0
        mov     x3, #0
        mov     x4, #0
        mov     x8, #__NR_clone
        svc     #0
        cbz     x0, 1f                  // child: x0 = 0, no C on the shared stack
        adrp    x9, __tine_tracing
        ldr     w9, [x9, :lo12:__tine_tracing]
        cbz     w9, 1f
        b       __tine_trace_vfork_kernel       // long (long r): returns r to our caller
1:      ret
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", %progbits
