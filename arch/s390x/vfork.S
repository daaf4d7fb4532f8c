/* SPDX-License-Identifier: 0BSD */
# arch/s390x/vfork.S — vfork, in assembly like on every port.
#
# int tine_vfork(void)
#   svc:  nr = __NR_vfork (= clone(CLONE_VM|CLONE_VFORK|SIGCHLD));  result in r2
#
# Parent and child share one stack until the child calls execve or exit.
# The return address is in r14, a register each task has its own copy of,
# and this stub touches no stack, so nothing the child does to the shared
# stack can change where the parent returns.
#   parent: r2 = child pid (or -errno)      child: r2 = 0

#include <asm/unistd.h>

        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        svc     __NR_vfork
        ltgr    %r2, %r2
        jz      1f                      # child: r2 = 0, no C on the shared stack
        larl    %r1, __tine_tracing
        lt      %r0, 0(%r1)
        jz      1f
        jg      __tine_trace_vfork_kernel       # long (long r): returns r to our caller
1:      br      %r14
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
