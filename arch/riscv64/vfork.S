/* SPDX-License-Identifier: 0BSD */
# arch/riscv64/vfork.S — vfork, in assembly like on every port.
#
# int tine_vfork(void)
# riscv64 has no vfork system call: clone(CLONE_VM|CLONE_VFORK|SIGCHLD, 0, ...)
#   ecall:  a7 = __NR_clone, a0 = flags, a1 = stack 0 (share the parent's),
#           a2 = ptid, a3 = tls, a4 = ctid (all unused);  result in a0.
#
# Parent and child share one stack until the child calls execve or exit.
# The return address is already in a register (ra), which each task has
# its own copy of, and this stub touches no stack, so nothing the child
# does to the shared stack can change where the parent returns.
#   parent: a0 = child pid (or -errno)      child: a0 = 0

#include <asm/unistd.h>
#include <asm/signal.h>
#include <linux/sched.h>

        .text
        .global tine_vfork
        .type   tine_vfork, @function
tine_vfork:
        li      a0, CLONE_VM | CLONE_VFORK | SIGCHLD
        li      a1, 0                   # stack: the parent's own
        li      a2, 0
        li      a3, 0
        li      a4, 0
        li      a7, __NR_clone
        ecall
        beqz    a0, 1f                  # child: a0 = 0, no C on the shared stack
        lla     t0, __tine_tracing
        lw      t0, 0(t0)
        beqz    t0, 1f
        tail    __tine_trace_vfork_kernel       # long (long r): returns r to our caller
1:      ret
        .size   tine_vfork, . - tine_vfork

        .section .note.GNU-stack, "", @progbits
