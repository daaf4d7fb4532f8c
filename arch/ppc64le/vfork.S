/* SPDX-License-Identifier: 0BSD */
# arch/ppc64le/vfork.S — vfork, in assembly like on every port.
#
# int tine_vfork(void)
# powerpc has the vfork system call, which is clone(CLONE_VM|CLONE_VFORK|
# SIGCHLD) by another name (sys_vfork in kernel/fork.c), and which tine's
# tracer names as such where __NR_vfork exists:
#   sc:  r0 = __NR_vfork;  result in r3, CR0.SO set on error (r3 = errno).
#
# Parent and child share one stack until the child calls execve or exit.
# The return address is already in a register (lr), which each task has
# its own copy of and sc preserves, and this stub touches no stack, so
# nothing the child does to the shared stack can change where the parent
# returns.
#   parent: r3 = child pid (or -errno)      child: r3 = 0

#include <asm/unistd.h>

        .abiversion 2
        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        li      %r0, __NR_vfork
        sc
        bns+    1f
        neg     %r3, %r3                # SO: errno -> -errno
1:      cmpdi   %r3, 0
        beqlr                           # child: r3 = 0, no C on the shared stack
        addis   %r4, %r2, __tine_tracing@toc@ha
        lwz     %r4, __tine_tracing@toc@l(%r4)
        cmpwi   %r4, 0
        beqlr
        b       __tine_trace_vfork_kernel       # long (long r): returns r to our caller
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
